import { issuesToErrors, jsonPath, type ValidationError } from '../../shared/layout/load';
import { parsePeriod } from '../../shared/period';
import { indicatorCodeSchema, NATIONAL_REGION, regionCodeSchema } from '../../shared/protocol/codes';
import type { IndicatorMeta } from '../../shared/protocol/model';
import { reportSchema, type Report } from '../../shared/protocol/report';
import { isRegionCode } from '../../shared/regions';
import type { Principal } from '../auth/tokens';
import { describePeriodKind, periodFits } from '../periodicity';

export interface ReportContext {
  principal: Principal;
  indicators: ReadonlyMap<string, IndicatorMeta>;
  /** Today in Viet Nam (YYYY-MM-DD): a period that starts later cannot be reported yet. */
  today: string;
}

/** Units compare after Unicode normalisation and whitespace folding, never by case. */
export function normalizeUnit(unit: string): string {
  return unit.normalize('NFC').trim().replace(/\s+/g, ' ');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a report and lists EVERY problem at once, each with a JSON path. The schema
 * checks shapes; the checks against the store run over the raw input as far as its fields
 * have the right type, so a report with a wrong shape in one value still hears about an
 * unknown indicator in another.
 */
export function validateReport(raw: unknown, ctx: ReportContext): { ok: true; report: Report } | { ok: false; errors: ValidationError[] } {
  const parsed = reportSchema.safeParse(raw);
  const errors: ValidationError[] = parsed.success ? [] : issuesToErrors(parsed.error.issues);
  const add = (path: (string | number)[], message: string) => errors.push({ path: jsonPath(path), message });

  if (isObject(raw)) {
    if (ctx.principal.role === 'submitter' && typeof raw.agency === 'string' && raw.agency !== ctx.principal.agency) {
      add(['agency'], `this token reports for agency "${ctx.principal.agency}" only, not "${raw.agency}"`);
    }
    const period = typeof raw.period === 'string' ? parsePeriod(raw.period) : null;
    if (period && period.start > ctx.today) add(['period'], `period ${period.text} has not started yet (today is ${ctx.today})`);

    const seen = new Map<string, number>();
    (Array.isArray(raw.values) ? raw.values : []).forEach((item: unknown, index) => {
      if (!isObject(item)) return;
      const code = item.indicator;
      if (typeof code !== 'string' || !indicatorCodeSchema.safeParse(code).success) return;
      const meta = ctx.indicators.get(code);
      if (!meta) {
        add(['values', index, 'indicator'], `unknown indicator "${code}"`);
      } else {
        if (typeof item.unit === 'string' && normalizeUnit(item.unit) !== normalizeUnit(meta.unit)) {
          add(['values', index, 'unit'], `unit "${item.unit}" differs from ${code}'s unit "${meta.unit}"`);
        }
        if (period && !periodFits(meta.periodicity, period.text)) {
          add(['values', index, 'indicator'], `${code} is reported by ${meta.periodicity}; period ${period.text} is ${describePeriodKind(period.text)}`);
        }
      }
      const region = item.region === undefined ? NATIONAL_REGION : item.region;
      if (typeof region !== 'string') return;
      // The schema checks the form ("VN" or two digits); the code table knows the 34 provinces.
      if (regionCodeSchema.safeParse(region).success && !isRegionCode(region)) {
        add(['values', index, 'region'], `"${region}" is not the code of one of the 34 provinces and cities`);
      }
      const key = `${code}|${region}`;
      const first = seen.get(key);
      if (first !== undefined) add(['values', index], `${code} for region ${region} is already given at ${jsonPath(['values', first])}`);
      else seen.set(key, index);
    });
  }

  if (errors.length > 0 || !parsed.success) return { ok: false, errors: dedupe(errors) };
  return { ok: true, report: parsed.data };
}

function dedupe(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Today's date in Viet Nam (UTC+7, no daylight saving). */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
