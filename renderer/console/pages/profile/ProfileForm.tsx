import { useState, type JSX } from 'react';
import { PANEL_CATALOGUE, panelById } from '../../../../shared/wall/catalogue';
import type { Rotation } from '../../../../shared/wall/profile';
import { useLang, useT } from '../../i18n';
import { draftFromPanel, parseNumber, ROTATIONS, seamsOfDraft, toFree, withSeams, type Draft, type FieldErrors as Errors, type Sides } from './draft';
import { Field, FieldErrors } from './fields';

const num = (lang: 'vi' | 'en', n: number) => (Number.isFinite(n) ? n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 3 }) : '?');

function RotationSelect({ value, onChange, label, name }: { value: Rotation; onChange(r: Rotation): void; label: string; name: string }): JSX.Element {
  return (
    <label className="field">
      {label}
      <select name={name} value={value} onChange={(e) => onChange(Number(e.target.value) as Rotation)}>
        {ROTATIONS.map((r) => (
          <option key={r} value={r}>
            {r}°
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The form of the profile editor: a panel from the catalogue (or one's own figures), the
 * seams as a datasheet quotes them and the per-side bezels they make, then a grid or each
 * screen's frame corner. Every input is a native control, so Tab, arrows and typing do all.
 */
export function ProfileForm({ draft, onChange, errors, isNew }: { draft: Draft; onChange(d: Draft): void; errors: Errors; isNew: boolean }): JSX.Element {
  const t = useT();
  const lang = useLang();
  const seams = seamsOfDraft(draft);
  const [seamText, setSeamText] = useState<{ horizontal: string; vertical: string } | null>(null);
  const shownSeams = seamText ?? { horizontal: Number.isFinite(seams.horizontal) ? String(seams.horizontal) : '', vertical: Number.isFinite(seams.vertical) ? String(seams.vertical) : '' };
  const panel = panelById(draft.panelId);
  const set = (part: Partial<Draft>) => onChange({ ...draft, ...part, ...('resW' in part || 'resH' in part || 'areaW' in part || 'areaH' in part ? { panelId: 'custom' } : {}) });
  const setSide = (side: keyof Sides, value: string) => {
    setSeamText(null);
    onChange({ ...draft, panelId: 'custom', bezel: { ...draft.bezel, [side]: value } });
  };
  const setSeam = (which: 'horizontal' | 'vertical', value: string) => {
    const next = { ...shownSeams, [which]: value };
    setSeamText(next);
    onChange(withSeams(draft, next));
  };
  const setScreen = (i: number, part: Partial<Draft['screens'][number]>) => onChange({ ...draft, screens: draft.screens.map((s, j) => (j === i ? { ...s, ...part } : s)) });

  return (
    <form className="profile-form" onSubmit={(e) => e.preventDefault()} aria-label={t('Mô tả tường', 'Describe the wall')}>
      <fieldset>
        <legend>{t('Tường', 'Wall')}</legend>
        <Field name="id" label={t('Mã hồ sơ', 'Profile id')} value={draft.id} disabled={!isNew} onChange={(id) => set({ id })} errors={errors.id} help={t('chữ thường, số, gạch ngang', 'lower case, digits, dashes')} />
        <Field name="name" label={t('Tên', 'Name')} value={draft.name} onChange={(name) => set({ name })} errors={errors.name} />
        <Field name="distance" label={t('Khoảng cách xem', 'Viewing distance')} unit="mm" value={draft.distance} onChange={(distance) => set({ distance })} errors={errors.distance} help={t('từ tường tới hàng ghế gần nhất', 'from the wall to the nearest seats')} />
      </fieldset>

      <fieldset>
        <legend>{t('Tấm màn hình', 'Panel')}</legend>
        <label className="field">
          {t('Mẫu (danh mục)', 'Model (catalogue)')}
          <select
            name="panel"
            value={draft.panelId}
            onChange={(e) => {
              setSeamText(null);
              if (e.target.value !== 'custom') onChange({ ...draftFromPanel(e.target.value, draft), mode: draft.mode, screens: draft.screens });
              else set({ panelId: 'custom' });
            }}
          >
            {PANEL_CATALOGUE.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[lang]}
              </option>
            ))}
            <option value="custom">{t('Số liệu riêng', 'My own figures')}</option>
          </select>
        </label>
        {panel ? (
          <p className="help" data-testid="panel-source">
            {t('Nguồn', 'Source')}: {panel.source}. {panel.bezelNote[lang]}
            {panel.checked ? null : (
              <strong className="warning" data-testid="panel-unchecked">
                {' '}
                {t(
                  'Số liệu chưa được đối chiếu với bảng thông số gốc: kiểm tra kích thước vùng hiển thị và viền trên tài liệu của tấm màn trước khi dùng.',
                  "Figures not yet checked against the original spec sheet: check the active area and bezels on the panel's own document before relying on them.",
                )}
              </strong>
            )}
          </p>
        ) : null}
        <p className="help">{t('Kích thước ghi theo tấm màn như khi sản xuất, trước khi xoay (màn dựng đứng vẫn là 1920 × 1080, xoay 90°).', 'Sizes as the panel is built, before rotation (a portrait screen is still 1920 × 1080, rotation 90).')}</p>
        <div className="pair">
          <Field name="resW" label={t('Độ phân giải ngang', 'Resolution width')} unit="px" value={draft.resW} onChange={(resW) => set({ resW })} errors={errors.resW} />
          <Field name="resH" label={t('Độ phân giải dọc', 'Resolution height')} unit="px" value={draft.resH} onChange={(resH) => set({ resH })} errors={errors.resH} />
        </div>
        <div className="pair">
          <Field name="areaW" label={t('Vùng hiển thị rộng', 'Active area width')} unit="mm" value={draft.areaW} onChange={(areaW) => set({ areaW })} errors={errors.areaW} />
          <Field name="areaH" label={t('Vùng hiển thị cao', 'Active area height')} unit="mm" value={draft.areaH} onChange={(areaH) => set({ areaH })} errors={errors.areaH} />
        </div>
        <div className="pair">
          <Field name="seamH" label={t('Viền ghép ngang (B2B)', 'Bezel to bezel, side by side')} unit="mm" value={shownSeams.horizontal} onChange={(v) => setSeam('horizontal', v)} />
          <Field name="seamV" label={t('Viền ghép dọc (B2B)', 'Bezel to bezel, stacked')} unit="mm" value={shownSeams.vertical} onChange={(v) => setSeam('vertical', v)} />
        </div>
        <p className="help" data-testid="bezel-explained">
          {t(
            `Datasheet ghi khe giữa hai tấm (viền ghép, B2B) = viền phải của tấm này + viền trái của tấm bên cạnh. Hồ sơ ghi từng cạnh (bezelMm): trên ${num(lang, parseNumber(draft.bezel.top))} · phải ${num(lang, parseNumber(draft.bezel.right))} · dưới ${num(lang, parseNumber(draft.bezel.bottom))} · trái ${num(lang, parseNumber(draft.bezel.left))} mm; khe ngang = ${num(lang, seams.horizontal)} mm, khe dọc = ${num(lang, seams.vertical)} mm.`,
            `Datasheets quote the seam between two panels (bezel to bezel, B2B) = this panel's right bezel + its neighbour's left. The profile keeps each side (bezelMm): top ${num(lang, parseNumber(draft.bezel.top))} · right ${num(lang, parseNumber(draft.bezel.right))} · bottom ${num(lang, parseNumber(draft.bezel.bottom))} · left ${num(lang, parseNumber(draft.bezel.left))} mm; side-by-side seam ${num(lang, seams.horizontal)} mm, stacked ${num(lang, seams.vertical)} mm.`,
          )}
        </p>
        <div className="sides">
          {(['top', 'right', 'bottom', 'left'] as const).map((side) => (
            <Field
              key={side}
              name={`bezel-${side}`}
              label={t({ top: 'Viền trên', right: 'Viền phải', bottom: 'Viền dưới', left: 'Viền trái' }[side], `Bezel ${side}`)}
              unit="mm"
              value={draft.bezel[side]}
              onChange={(v) => setSide(side, v)}
            />
          ))}
        </div>
        <FieldErrors errors={errors.bezel} field="bezel" />
      </fieldset>

      <fieldset>
        <legend>{t('Cách đặt màn hình', 'Placement')}</legend>
        <div role="radiogroup" aria-label={t('Cách đặt', 'Placement')} className="modes">
          <label>
            <input type="radio" name="mode" value="grid" checked={draft.mode === 'grid'} onChange={() => set({ mode: 'grid' })} />
            {t('Lưới hàng × cột', 'Rows × columns grid')}
          </label>
          <label>
            <input type="radio" name="mode" value="free" checked={draft.mode === 'free'} onChange={() => onChange(toFree(draft))} />
            {t('Đặt tự do (mm)', 'Free placement (mm)')}
          </label>
        </div>
        {draft.mode === 'grid' ? (
          <>
            <div className="pair">
              <Field name="rows" label={t('Số hàng', 'Rows')} value={draft.rows} onChange={(rows) => set({ rows })} errors={errors.rows} />
              <Field name="columns" label={t('Số cột', 'Columns')} value={draft.columns} onChange={(columns) => set({ columns })} errors={errors.columns} />
            </div>
            <RotationSelect name="rotation" label={t('Xoay (độ, theo chiều kim đồng hồ)', 'Rotation (degrees clockwise)')} value={draft.rotation} onChange={(rotation) => set({ rotation })} />
            <FieldErrors errors={errors.rotation} field="rotation" />
            <p className="help">{t('Màn hình đánh số s1, s2 … theo hàng, từ trái sang phải; màn thứ n do màn hình số n − 1 của máy tính hiển thị.', 'Screens are numbered s1, s2 … row by row, left to right; screen n is shown by the PC’s display n − 1.')}</p>
          </>
        ) : (
          <>
            <p className="help">{t('Vị trí là góc trên bên trái của khung màn hình (kể cả viền), tính bằng mm từ góc trên bên trái của tường.', 'A position is the top-left corner of the screen’s frame (bezel included), in mm from the wall’s top-left.')}</p>
            <table className="grid free-screens">
              <thead>
                <tr>
                  <th>{t('Màn hình', 'Screen')}</th>
                  <th>{t('Trái (mm)', 'Left (mm)')}</th>
                  <th>{t('Trên (mm)', 'Top (mm)')}</th>
                  <th>{t('Xoay', 'Rotation')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {draft.screens.map((s, i) => (
                  <tr key={i} data-screen-row={s.id}>
                    <td>
                      <Field name={`screen-${i}-id`} label={t('Mã', 'Id')} value={s.id} onChange={(id) => setScreen(i, { id })} errors={errors[`screen.${i}.id`]} />
                    </td>
                    <td>
                      <Field name={`screen-${i}-x`} label={`${s.id} x`} unit="mm" value={s.x} onChange={(x) => setScreen(i, { x })} errors={errors[`screen.${i}.x`]} />
                    </td>
                    <td>
                      <Field name={`screen-${i}-y`} label={`${s.id} y`} unit="mm" value={s.y} onChange={(y) => setScreen(i, { y })} errors={errors[`screen.${i}.y`]} />
                    </td>
                    <td>
                      <RotationSelect name={`screen-${i}-rotation`} label={t('Xoay', 'Rotation')} value={s.rotation} onChange={(rotation) => setScreen(i, { rotation })} />
                      <FieldErrors errors={errors[`screen.${i}.rotation`]} field={`screen.${i}.rotation`} />
                    </td>
                    <td>
                      <button type="button" className="danger" disabled={draft.screens.length <= 1} onClick={() => onChange({ ...draft, screens: draft.screens.filter((_, j) => j !== i) })}>
                        {t('Bỏ', 'Remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              disabled={draft.screens.length >= 64}
              onClick={() => {
                const taken = new Set(draft.screens.map((s) => s.id));
                let n = draft.screens.length + 1;
                while (taken.has(`s${n}`)) n++;
                onChange({ ...draft, screens: [...draft.screens, { id: `s${n}`, x: '0', y: '0', rotation: draft.rotation }] });
              }}
            >
              {t('Thêm màn hình', 'Add a screen')}
            </button>
          </>
        )}
        <FieldErrors errors={errors.general} field="general" />
      </fieldset>
    </form>
  );
}
