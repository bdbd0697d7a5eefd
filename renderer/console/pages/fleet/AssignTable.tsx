import type { JSX } from 'react';
import type { FleetHost } from '../../../../shared/fleet/board';
import { messageOf, useLang, useT } from '../../i18n';
import { displayName } from './labels';
import { displayKey, type MapDraft } from './mapDraft';

export interface FieldFault {
  path?: string | undefined;
  message_vi: string;
  message_en: string;
}

/**
 * The display map by keyboard: one row per wall screen, the display that shows it chosen in
 * a list (or dropped on the drawing), "Bỏ gán" to free it; the server's refusals at the row.
 */
export function AssignTable({ screenIds, hosts, draft, errors, mayAssign, onChoose }: {
  screenIds: readonly string[];
  hosts: readonly FleetHost[];
  draft: MapDraft;
  errors: ReadonlyMap<string, readonly FieldFault[]>;
  mayAssign: boolean;
  onChoose(screenId: string, display: { hostId: string; displayId: number } | null): void;
}): JSX.Element {
  const t = useT();
  const lang = useLang();
  // Only a display agent applies a map: a browser wall page opens its screen from its address.
  const options = hosts.filter((h) => h.kind === 'agent').flatMap((h) => h.displays.map((d) => ({ key: displayKey({ hostId: h.hostId, displayId: d.id }), hostId: h.hostId, displayId: d.id, text: `${h.hostName} · ${displayName(lang, d)}` })));
  return (
    <table className="grid assign-table">
      <thead>
        <tr>
          <th>{t('Màn hình tường', 'Wall screen')}</th>
          <th>{t('Màn hình thật hiện nó', 'The display that shows it')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {screenIds.map((screenId) => {
          const d = draft.get(screenId);
          const key = d ? displayKey(d) : '';
          const faults = errors.get(screenId) ?? [];
          // A display the fleet no longer lists (its PC forgotten) stays choosable as what is stored.
          const known = key === '' || options.some((o) => o.key === key);
          return (
            <tr key={screenId} data-assign-screen={screenId} className={faults.length ? 'invalid' : undefined}>
              <td>
                <label htmlFor={`assign-${screenId}`}>
                  <code>{screenId}</code>
                </label>
              </td>
              <td data-field={`assign-${screenId}`}>
                <select
                  id={`assign-${screenId}`}
                  name={`assign-${screenId}`}
                  value={key}
                  disabled={!mayAssign}
                  aria-invalid={faults.length > 0}
                  aria-describedby={faults.length ? `assign-${screenId}-errors` : undefined}
                  onChange={(e) => {
                    const o = options.find((x) => x.key === e.target.value);
                    onChoose(screenId, o ? { hostId: o.hostId, displayId: o.displayId } : null);
                  }}
                >
                  <option value="">{t('— chưa gán —', '— not assigned —')}</option>
                  {!known && d ? <option value={key}>{`${d.hostId} · ${d.displayId}`}</option> : null}
                  {options.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.text}
                    </option>
                  ))}
                </select>
                {faults.length ? (
                  <ul className="field-errors error" id={`assign-${screenId}-errors`}>
                    {faults.map((f, i) => (
                      <li key={i}>{messageOf(lang, f)}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td>
                <button type="button" disabled={!mayAssign || !d} onClick={() => onChoose(screenId, null)}>
                  {t('Bỏ gán', 'Unassign')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
