import type { JSX } from 'react';
import type { LayoutSummary } from '../../../shared/api/library';
import { DAY_NAMES_EN, DAY_NAMES_VI } from '../../../shared/schedule/slots';
import { formatTime, useLang, useT } from '../i18n';
import { newSlot, type ScheduleDraft, type SlotDraft } from './scheduleDraft';

export interface ScheduleEditorProps {
  draft: ScheduleDraft;
  onChange(draft: ScheduleDraft): void;
  layouts: readonly LayoutSummary[];
  /** Faults at "slots.<i>.<field>" (or "slots.<i>", "fallback"…), the page's own or the server's. */
  faults: ReadonlyArray<{ path: string; message: string }>;
  readOnly: boolean;
  busy: boolean;
  onSave(): void;
  onReset(): void;
  updated: { at: string; by: string } | null;
}

/** The weekly schedule as a table of slots: days of the week, start and end (Viet Nam time), layout, pinned version. */
export function ScheduleEditor({ draft, onChange, layouts, faults, readOnly, busy, onSave, onReset, updated }: ScheduleEditorProps): JSX.Element {
  const t = useT();
  const lang = useLang();
  const days = lang === 'en' ? DAY_NAMES_EN : DAY_NAMES_VI;
  const setSlot = (i: number, patch: Partial<SlotDraft>) => onChange({ ...draft, slots: draft.slots.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const faultAt = (path: string) => faults.filter((f) => f.path === path).map((f) => f.message);
  const said = (path: string) => {
    const list = faultAt(path);
    return list.length > 0 ? <span className="error field-error">{list.join('; ')}</span> : null;
  };
  const other = faults.filter((f) => !/^slots\.\d+(\.(start|end|days|layoutId|version|label))?$/.test(f.path));

  return (
    <section className="schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('Lịch hằng tuần (giờ Việt Nam, UTC+7)', 'Weekly schedule (Viet Nam time, UTC+7)')}</h2>
      {updated && <p className="data-age">{t(`Sửa lần cuối ${formatTime(lang, updated.at)} bởi ${updated.by}`, `Last changed ${formatTime(lang, updated.at)} by ${updated.by}`)}</p>}
      {draft.slots.length === 0 && <p>{t('Chưa có khung giờ nào: tường giữ bố cục đang hiển thị.', 'No slot yet: the wall keeps what it shows.')}</p>}
      {draft.slots.map((slot, i) => (
        <fieldset key={slot.id} className="slot" data-slot={slot.id} disabled={readOnly}>
          <legend>{t(`Khung giờ ${i + 1}`, `Slot ${i + 1}`)} <code>{slot.id}</code></legend>
          {said(`slots.${i}`)}
          <div className="slot-days" role="group" aria-label={t('Các ngày', 'Days')}>
            {days.map((name, d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  name={`day-${d + 1}`}
                  checked={slot.days.includes(d + 1)}
                  onChange={(e) => setSlot(i, { days: e.target.checked ? [...slot.days, d + 1] : slot.days.filter((x) => x !== d + 1) })}
                />
                {name}
              </label>
            ))}
            {said(`slots.${i}.days`)}
          </div>
          <div className="slot-fields">
            <label>
              {t('Bắt đầu (HH:MM)', 'Start (HH:MM)')}
              <input name="start" value={slot.start} inputMode="numeric" maxLength={5} size={6} onChange={(e) => setSlot(i, { start: e.target.value })} aria-invalid={faultAt(`slots.${i}.start`).length > 0} />
              {said(`slots.${i}.start`)}
            </label>
            <label>
              {t('Kết thúc (HH:MM)', 'End (HH:MM)')}
              <input name="end" value={slot.end} inputMode="numeric" maxLength={5} size={6} onChange={(e) => setSlot(i, { end: e.target.value })} aria-invalid={faultAt(`slots.${i}.end`).length > 0} />
              {said(`slots.${i}.end`)}
            </label>
            <label>
              {t('Bố cục', 'Layout')}
              <select name="layout" value={slot.layoutId} onChange={(e) => setSlot(i, { layoutId: e.target.value })}>
                {layouts.map((l) => <option key={l.id} value={l.id}>{lang === 'en' && l.title.en ? l.title.en : l.title.vi}</option>)}
              </select>
              {said(`slots.${i}.layoutId`)}
            </label>
            <label>
              {t('Phiên bản (trống: mới nhất)', 'Version (blank: newest)')}
              <input name="version" value={slot.version} inputMode="numeric" size={6} onChange={(e) => setSlot(i, { version: e.target.value })} />
              {said(`slots.${i}.version`)}
            </label>
            <label>
              {t('Nhãn', 'Label')}
              <input name="label" value={slot.label} maxLength={120} onChange={(e) => setSlot(i, { label: e.target.value })} />
            </label>
            {!readOnly && (
              <button type="button" className="danger" onClick={() => onChange({ ...draft, slots: draft.slots.filter((_, j) => j !== i) })}>
                {t('Bỏ khung giờ', 'Remove slot')}
              </button>
            )}
          </div>
        </fieldset>
      ))}
      <label className="inline">
        {t('Ngoài mọi khung giờ', 'Outside every slot')}
        <select name="fallback" value={draft.fallbackLayoutId} disabled={readOnly} onChange={(e) => onChange({ ...draft, fallbackLayoutId: e.target.value })}>
          <option value="">{t('(giữ bố cục đang hiển thị)', '(keep what the wall shows)')}</option>
          {layouts.map((l) => <option key={l.id} value={l.id}>{lang === 'en' && l.title.en ? l.title.en : l.title.vi}</option>)}
        </select>
      </label>
      {other.length > 0 && (
        <ul className="faults">
          {other.map((f, i) => <li key={i} className="error"><code>{f.path || '$'}</code> {f.message}</li>)}
        </ul>
      )}
      {!readOnly && (
        <div className="toolbar">
          <button type="button" disabled={busy || layouts.length === 0} onClick={() => onChange({ ...draft, slots: [...draft.slots, newSlot(draft, layouts[0]?.id ?? '')] })}>
            {t('Thêm khung giờ', 'Add a slot')}
          </button>
          <button type="button" disabled={busy} onClick={onReset}>{t('Bỏ thay đổi', 'Discard changes')}</button>
          <button type="button" className="primary" disabled={busy} onClick={onSave}>{t('Lưu lịch', 'Save the schedule')}</button>
        </div>
      )}
    </section>
  );
}
