import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatAge } from '../../../shared/format/date';
import { formatValue } from '../../../shared/format/number';
import { freshness } from '../../../shared/freshness';
import { periodicityNames } from '../../../shared/i18n/terms';
import type { Binding } from '../../../shared/layout/schema';
import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { NATIONAL_REGION_CODE, PROVINCES } from '../../../shared/regions';
import type { BindingArity } from '../../../shared/widgets/define';
import type { ApiClient } from '../../api/client';
import { useWallStore } from '../../store/context';
import { selectLatest } from '../../store/selectors';
import { useCatalogue } from './catalogue';
import { newerFigure, useLatestFigures } from './latest-figures';
import { groupByField, indexIndicators, searchIndicators } from './indicator-search';
import { FieldErrors, type FieldContext } from './SchemaForm';
import { childPath, fieldId } from './schema-node';
import { useDataVersion } from './useDataVersion';
import { say, t } from './texts';

/** Most results listed at once: the search narrows the rest. */
const MAX_RESULTS = 40;

interface Props {
  binding: Binding | undefined;
  arity: BindingArity;
  /** The binding's JSON path ($.tiles[i].binding). */
  path: string;
  client: ApiClient | undefined;
  ctx: FieldContext;
  onChange(binding: Binding, key: string): void;
}

/**
 * The data of a tile: indicators searched by code or name (Vietnamese or English, with or
 * without diacritics), grouped by field, each with its unit, periodicity, latest figure
 * and that figure's age; and the region (the whole country or one of the 34 provinces).
 */
export function BindingPicker({ binding, arity, path, client, ctx, onChange }: Props) {
  const { lang } = ctx;
  const catalogue = useCatalogue(client);
  const store = useWallStore();
  const dataVersion = useDataVersion(store);
  const [query, setQuery] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const index = useMemo(() => (catalogue.kind === 'ready' ? indexIndicators(catalogue.indicators) : []), [catalogue]);
  const found = useMemo(() => searchIndicators(index, query).slice(0, MAX_RESULTS), [index, query]);
  const groups = useMemo(() => groupByField(found), [found]);
  const chosen = binding?.indicators ?? [];
  const region = binding?.region ?? NATIONAL_REGION_CODE;
  const byCode = useMemo(() => new Map((catalogue.kind === 'ready' ? catalogue.indicators : []).map((m) => [m.code, m])), [catalogue]);
  // The feed carries what the wall and the draft bind; the server says the latest of the rest.
  const read = useLatestFigures(client, region);
  const readFigures = read.kind === 'ready' ? read.latest : undefined;

  const choose = (code: string) => {
    const indicators = arity === 'one' ? [code] : chosen.includes(code) ? chosen : [...chosen, code].slice(0, 16);
    onChange({ indicators, region }, `${path}.indicators`);
  };
  const unchoose = (code: string) => {
    const indicators = chosen.filter((c) => c !== code);
    if (indicators.length > 0) onChange({ indicators, region }, `${path}.indicators`);
  };
  const moveFocus = (event: KeyboardEvent, step: number) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-indicator]') ?? [])];
    if (buttons.length === 0) return;
    event.preventDefault();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, at < 0 ? 0 : at + step))]?.focus();
  };

  const searchId = fieldId(`${path}-search`);
  return (
    <fieldset className="ed-fieldset ed-binding" data-path={path}>
      <legend>{say(t.binding, lang)}</legend>
      <FieldErrors path={path} ctx={ctx} />
      {chosen.length > 0 && (
        <ul className="ed-chosen" aria-label={say(t.indicators, lang)}>
          {chosen.map((code, i) => (
            <li key={code} data-chosen={code}>
              <span>
                <strong>{code}</strong> {byCode.get(code) ? say(byCode.get(code)!.name, lang) : ''}
              </span>
              {arity === 'many' && chosen.length > 1 && (
                <button type="button" className="ed-small" aria-label={`${say(t.removeIndicator, lang)} ${code}`} onClick={() => unchoose(code)}>
                  ×
                </button>
              )}
              <FieldErrors path={childPath(childPath(path, 'indicators'), i)} ctx={ctx} />
            </li>
          ))}
        </ul>
      )}
      <FieldErrors path={childPath(path, 'indicators')} ctx={ctx} />
      <div className="ed-field">
        <label htmlFor={searchId}>{say(t.searchIndicators, lang)}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          autoComplete="off"
          aria-controls={`${searchId}-results`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'ArrowDown' && moveFocus(e, 0)}
        />
      </div>
      <div
        className="ed-results"
        id={`${searchId}-results`}
        ref={list}
        role="region"
        aria-live="polite"
        aria-label={say(t.indicators, lang)}
        onKeyDown={(e) => (e.key === 'ArrowDown' ? moveFocus(e, 1) : e.key === 'ArrowUp' ? moveFocus(e, -1) : undefined)}
      >
        {catalogue.kind === 'loading' && <p>{say(t.loadingCatalogue, lang)}</p>}
        {catalogue.kind === 'failed' && <p role="alert">{lang === 'en' ? catalogue.message_en : catalogue.message_vi}</p>}
        {catalogue.kind === 'ready' && found.length === 0 && <p>{say(t.noMatch, lang)}</p>}
        {read.kind === 'failed' && (
          <p className="ed-read-failed" role="status">
            {say(t.latestFailed, lang)} ({read.detail})
          </p>
        )}
        {groups.map((group) => (
          <section key={group.field ?? '-'} className="ed-result-group" data-field={group.field ?? ''}>
            <h4>{group.name ? say(group.name, lang) : say(t.otherField, lang)}</h4>
            <ul>
              {group.indicators.map((meta) => (
                <li key={meta.code}>
                  <IndicatorChoice meta={meta} region={region} read={readFigures?.get(meta.code)} reading={read.kind === 'loading'} chosen={chosen.includes(meta.code)} lang={lang} dataVersion={dataVersion} onChoose={() => choose(meta.code)} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <div className="ed-field">
        <label htmlFor={fieldId(childPath(path, 'region'))}>{say(t.region, lang)}</label>
        <select
          id={fieldId(childPath(path, 'region'))}
          value={region}
          disabled={chosen.length === 0}
          onChange={(e) => onChange({ indicators: chosen, region: e.target.value }, `${path}.region`)}
        >
          <option value={NATIONAL_REGION_CODE}>{say(t.national, lang)}</option>
          {PROVINCES.map((p) => (
            <option key={p.code} value={p.code}>
              {lang === 'en' ? p.nameEn : p.name} ({p.code})
            </option>
          ))}
        </select>
        <FieldErrors path={childPath(path, 'region')} ctx={ctx} />
      </div>
    </fieldset>
  );
}

/**
 * One indicator to choose, with its latest figure: the feed's (re-read when `dataVersion`
 * moves, at most once a second) or the one read from the server, whichever is newer.
 */
function IndicatorChoice(props: { meta: IndicatorMeta; region: string; read: Observation | undefined; reading: boolean; chosen: boolean; lang: 'vi' | 'en'; dataVersion: number; onChoose(): void }) {
  const { meta, region, read, reading, chosen, lang, onChoose } = props;
  const store = useWallStore();
  const latest = newerFigure(selectLatest(store.api.getState(), meta.code, region), read);
  const now = Date.now();
  const periodicity = say(periodicityNames[meta.periodicity], lang);
  // Until the server's read is in, a figure the feed does not carry is not yet known, not missing.
  let figure = say(reading ? t.readingLatest : t.noData, lang);
  let age = '';
  let stale = false;
  if (latest && latest.value !== null) {
    figure = `${formatValue(latest.value, meta.unit, lang)} ${meta.unit} (${latest.period})`;
    age = formatAge(now - Date.parse(latest.vintage), lang);
    stale = freshness({ periodicity: meta.periodicity, period: latest.period, now }).state === 'stale';
  }
  const name = say(meta.name, lang);
  return (
    <button type="button" className="ed-indicator" data-indicator={meta.code} aria-pressed={chosen} onClick={onChoose}>
      <span className="ed-indicator-name">
        <strong>{meta.code}</strong> {name}
      </span>
      <span className="ed-indicator-meta">
        {meta.unit} · {periodicity} · {say(t.latest, lang)}: {figure}
        {age && ` · ${age}`}
        {stale && <span className="ed-stale">{lang === 'en' ? ' · overdue' : ' · quá hạn'}</span>}
      </span>
    </button>
  );
}
