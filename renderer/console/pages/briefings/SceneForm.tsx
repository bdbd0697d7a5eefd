import { useId, type JSX, type ReactNode } from 'react';
import type { LayoutSummary, VersionInfo } from '../../../../shared/api/library';
import { MAX_SCENE_SECONDS, MIN_SCENE_SECONDS } from '../../../../shared/briefing/schema';
import type { Layout } from '../../../../shared/layout/schema';
import { PROVINCES } from '../../../../shared/regions';
import { widgetSpecFor } from '../../../../shared/widgets/catalog';
import { useLang, useT } from '../../i18n';
import { Field, FieldErrors } from '../profile/fields';
import { sceneKey, type Faults, type SceneDraft } from './draft';

interface Props {
  scene: SceneDraft;
  index: number;
  count: number;
  layouts: readonly LayoutSummary[];
  /** The versions of the scene's layout (newest first); null while loading. */
  versions: readonly VersionInfo[] | null;
  /** The scene's layout version as stored (its tiles, to enlarge one); null while loading. */
  layout: Layout | null;
  faults: Faults;
  readOnly: boolean;
  onChange(patch: Partial<SceneDraft>): void;
  onRemove(): void;
}

/** A labelled select with its faults (read through aria-describedby), as Field is for inputs. */
function Choice({ label, name, value, onChange, errors, disabled, children }: { label: string; name: string; value: string; onChange(v: string): void; errors: readonly string[] | undefined; disabled: boolean; children: ReactNode }): JSX.Element {
  const id = useId();
  const bad = errors !== undefined && errors.length > 0;
  return (
    <div className={`field${bad ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} disabled={disabled} aria-invalid={bad} aria-describedby={`${id}-errors`} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
      <FieldErrors id={`${id}-errors`} errors={errors} field={name} />
    </div>
  );
}

/**
 * The selected scene: its title, the published layout (and version) it shows, its focus
 * (nothing, one tile enlarged, or one province with every tile filtered to it), the
 * presenter's notes and its own duration for an unattended loop. Every fault at its field,
 * the form's own and the server's.
 */
export function SceneForm({ scene, index, count, layouts, versions, layout, faults, readOnly, onChange, onRemove }: Props): JSX.Element {
  const t = useT();
  const lang = useLang();
  const key = (field: string) => sceneKey(scene.id, field);
  const notesId = useId();
  const notesEnId = useId();
  const focusName = `focus-${scene.id}`;
  return (
    <fieldset className="bf-scene-form" data-testid="scene-form" data-scene-id={scene.id} disabled={readOnly}>
      <legend>{t(`Cảnh ${index + 1} trên ${count}`, `Scene ${index + 1} of ${count}`)}</legend>
      <Field label={t('Tên cảnh', 'Scene title')} name="scene-title" value={scene.title} onChange={(title) => onChange({ title })} errors={faults[key('title')]} />
      <Choice
        label={t('Bố cục (đã lưu trong thư viện)', 'Layout (saved in the library)')}
        name="scene-layout"
        value={scene.layoutId}
        disabled={readOnly}
        errors={faults[key('layoutId')]}
        onChange={(layoutId) => {
          const picked = layouts.find((l) => l.id === layoutId);
          // A new layout starts at its newest version; the tile to enlarge belonged to the old one.
          if (picked) onChange({ layoutId, layoutVersion: picked.headVersion, tileId: '', focusKind: scene.focusKind === 'tile' ? 'none' : scene.focusKind });
        }}
      >
        {layouts.some((l) => l.id === scene.layoutId) ? null : <option value={scene.layoutId}>{scene.layoutId}</option>}
        {layouts.map((l) => (
          <option key={l.id} value={l.id}>
            {lang === 'en' && l.title.en ? l.title.en : l.title.vi} ({l.id})
          </option>
        ))}
      </Choice>
      <Choice
        label={t('Phiên bản của bố cục', 'Version of the layout')}
        name="scene-layout-version"
        value={String(scene.layoutVersion)}
        disabled={readOnly || versions === null}
        errors={faults[key('layoutVersion')]}
        onChange={(v) => onChange({ layoutVersion: Number(v) })}
      >
        {(versions ?? []).some((v) => v.version === scene.layoutVersion) ? null : <option value={scene.layoutVersion}>v{scene.layoutVersion}</option>}
        {(versions ?? []).map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version} — {v.by}
            {v.note ? `: ${v.note}` : ''}
          </option>
        ))}
      </Choice>

      <fieldset className="bf-focus" aria-describedby={`${focusName}-errors`}>
        <legend>{t('Tiêu điểm', 'Focus')}</legend>
        {(
          [
            ['none', t('Không (bố cục như đã sắp)', 'None (the layout as laid out)')],
            ['tile', t('Phóng to một ô trên cả tường', 'One tile enlarged over the wall')],
            ['province', t('Một tỉnh: mọi ô lọc theo tỉnh đó', 'A province: every tile filtered to it')],
          ] as const
        ).map(([kind, label]) => (
          <label key={kind} className="check">
            <input type="radio" name={focusName} value={kind} checked={scene.focusKind === kind} onChange={() => onChange({ focusKind: kind })} /> {label}
          </label>
        ))}
        <FieldErrors id={`${focusName}-errors`} errors={faults[key('focusKind')]} field="focusKind" />
      </fieldset>
      {scene.focusKind === 'tile' ? (
        <Choice label={t('Ô phóng to', 'Tile to enlarge')} name="scene-tile" value={scene.tileId} disabled={readOnly || layout === null} errors={faults[key('tileId')]} onChange={(tileId) => onChange({ tileId })}>
          <option value="">{t('— chọn ô —', '— choose a tile —')}</option>
          {(layout?.tiles ?? []).map((tile) => {
            const spec = widgetSpecFor(tile.widget);
            return (
              <option key={tile.id} value={tile.id}>
                {tile.title ? (lang === 'en' && tile.title.en ? tile.title.en : tile.title.vi) : tile.id} ({spec ? (lang === 'en' ? spec.name.en : spec.name.vi) : tile.widget})
              </option>
            );
          })}
        </Choice>
      ) : null}
      {scene.focusKind === 'province' ? (
        <Choice label={t('Tỉnh, thành phố', 'Province')} name="scene-province" value={scene.province} disabled={readOnly} errors={faults[key('province')]} onChange={(province) => onChange({ province })}>
          <option value="">{t('— chọn tỉnh —', '— choose a province —')}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>
              {lang === 'en' ? p.nameEn : p.name}
            </option>
          ))}
        </Choice>
      ) : null}

      <div className={`field${faults[key('notesVi')] ? ' invalid' : ''}`}>
        <label htmlFor={notesId}>{t('Ghi chú cho người trình bày', 'Presenter notes')}</label>
        <textarea id={notesId} name="scene-notes" rows={4} maxLength={4000} value={scene.notesVi} aria-describedby={`${notesId}-errors`} onChange={(e) => onChange({ notesVi: e.target.value })} />
        <FieldErrors id={`${notesId}-errors`} errors={faults[key('notesVi')]} field="notesVi" />
      </div>
      <div className={`field${faults[key('notesEn')] ? ' invalid' : ''}`}>
        <label htmlFor={notesEnId}>{t('Ghi chú tiếng Anh (không bắt buộc)', 'Notes in English (optional)')}</label>
        <textarea id={notesEnId} name="scene-notes-en" rows={2} maxLength={4000} value={scene.notesEn} aria-describedby={`${notesEnId}-errors`} onChange={(e) => onChange({ notesEn: e.target.value })} />
        <FieldErrors id={`${notesEnId}-errors`} errors={faults[key('notesEn')]} field="notesEn" />
      </div>
      <Field
        label={t('Thời lượng khi chạy vòng', 'Duration in a loop')}
        unit={t('giây', 'seconds')}
        name="scene-duration"
        value={scene.duration}
        onChange={(duration) => onChange({ duration })}
        errors={faults[key('duration')]}
        help={t(`${MIN_SCENE_SECONDS}–${MAX_SCENE_SECONDS} giây; để trống: vòng lặp dừng ở cảnh này cho tới khi có lệnh.`, `${MIN_SCENE_SECONDS}–${MAX_SCENE_SECONDS} s; empty: the loop waits on this scene until told to move on.`)}
      />
      <button type="button" className="danger" onClick={onRemove}>
        {t('Xoá cảnh này', 'Remove this scene')}
      </button>
    </fieldset>
  );
}
