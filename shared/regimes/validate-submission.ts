import { agencyByCode, canonicalAgencyCode } from '../agencies';
import { parsePeriod } from '../period';
import { NATIONAL_REGION_CODE, PROVINCE_CODES, isProvinceCode, isRegionCode } from '../regions';
import { dataWindow, toInstant, vietnamDate } from './calendar';
import { isReporter } from './reporters';
import { PERIOD_KIND_OF, PERIODICITY_NAMES, type Regime, type TemplateField } from './schema';
import { fieldError, type ErrorCode, type ParamsArg } from '../errors';
import { ErrorList } from '../errors/collect';
import { MAX_SUBMISSION_VALUES, type NormalizedSubmission, type SubmissionError, type SubmissionResult, type SubmissionStatus } from './submission';

/**
 * Checks a submission against its regime and reports EVERY error at once, each with its
 * JSON path and a reason in Vietnamese and English:
 *
 * - the envelope: a JSON object with regime, agency, period, values (status optional) and
 *   nothing else; the regime is this one; the agency exists and is one of the regime's
 *   reporters (a former code such as TCTK is read as its current one); the period is of
 *   the regime's periodicity, in force, and (given `now`) its data window has begun;
 * - every value: a known template field, a finite number of the field's type (integers
 *   for counts), within its range, in its unit when a unit is given; a field broken down
 *   by province carries the code of a real province, other fields no region or the
 *   agency's own; no field × region twice;
 * - every required field is present: for every one of the 34 provinces when broken down
 *   by province (an optional breakdown may be partial).
 *
 * Pure: it stores nothing and throws on nothing; an accepted submission comes back
 * normalised (current agency code, every value with its region and unit).
 */
export interface ValidateOptions {
  /** When given, a period whose data window has not begun by then is refused. */
  now?: number | string | Date;
  /**
   * Fields that were given but could not be read (a CSV cell that is not a number, already
   * reported where it stands): not reported a second time as missing.
   */
  unreadableFields?: ReadonlySet<string>;
}

const ENVELOPE_KEYS = new Set(['regime', 'agency', 'period', 'status', 'values']);
const VALUE_KEYS = new Set(['indicator', 'region', 'value', 'unit']);

const PERIOD_EXAMPLES: Record<Regime['periodicity'], string> = {
  month: '2025-03',
  quarter: '2025-Q1',
  'half-year': '2025-H1',
  'nine-months': '2025-9M',
  year: '2025',
  'ad-hoc': '2025-09-25..2025-09-30',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
// Numbers as written (JSON.stringify would turn Infinity, from a 1e999 in the input, into null).
const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));
const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const propPath = (base: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`);
const formatNumber = (n: number) => String(n);

export function validateSubmission(regime: Regime, input: unknown, options: ValidateOptions = {}): SubmissionResult {
  const errors = new ErrorList<SubmissionError>();
  const fail: Fail = (path, code, ...params) => errors.add(() => fieldError(path, code, ...params));

  if (!isObject(input)) {
    fail('$', 'submission.not_object', { type: typeName(input) });
    return { ok: false, errors: errors.items, total: errors.total };
  }

  for (const key of Object.keys(input)) {
    if (!ENVELOPE_KEYS.has(key)) fail(propPath('$', key), 'submission.unknown_property', { key });
  }

  // --- regime
  if (input.regime === undefined) fail('$.regime', 'submission.regime_missing');
  else if (input.regime !== regime.code) {
    fail('$.regime', 'submission.regime_mismatch', { given: quote(input.regime), regime: regime.code });
  }

  // --- agency
  let agency: string | undefined;
  if (input.agency === undefined) fail('$.agency', 'submission.agency_missing');
  else if (typeof input.agency !== 'string') fail('$.agency', 'submission.agency_not_string', { type: typeName(input.agency) });
  else {
    agency = canonicalAgencyCode(input.agency);
    if (!agency) {
      fail('$.agency', 'submission.agency_unknown', { agency: quote(input.agency) });
    } else if (!isReporter(regime, agency)) {
      fail('$.agency', 'submission.agency_not_reporter', { name: agencyByCode(agency)!.name, agency, regime: regime.code });
      agency = undefined;
    }
  }
  const ownRegion = agency ? agencyByCode(agency)!.region : undefined;

  // --- period
  let period: string | undefined;
  if (input.period === undefined) fail('$.period', 'submission.period_missing');
  else if (typeof input.period !== 'string') fail('$.period', 'submission.period_not_string', { type: typeName(input.period) });
  else {
    const p = parsePeriod(input.period);
    const name = PERIODICITY_NAMES[regime.periodicity];
    const example = PERIOD_EXAMPLES[regime.periodicity];
    if (!p) {
      fail('$.period', 'submission.period_invalid', { period: quote(input.period), example });
    } else if (p.kind !== PERIOD_KIND_OF[regime.periodicity]) {
      fail('$.period', 'submission.period_wrong_kind', { regime: regime.code, periodicity: name, example, period: quote(input.period) });
    } else {
      const window = dataWindow(regime, input.period);
      if (window.end < regime.effectiveFrom) {
        fail('$.period', 'submission.period_before_regime', { period: input.period, end: window.end, regime: regime.code, effectiveFrom: regime.effectiveFrom });
      } else if (options.now !== undefined && window.start > vietnamDate(toInstant(options.now))) {
        fail('$.period', 'submission.period_not_begun', { period: input.period, start: window.start });
      } else period = input.period;
    }
  }

  // --- status
  let status: SubmissionStatus = 'official';
  if (input.status !== undefined) {
    if (input.status === 'estimate' || input.status === 'official') status = input.status;
    else fail('$.status', 'submission.status_invalid', { status: quote(input.status) });
  }

  // --- values
  const fields = new Map(regime.fields.map((f) => [f.indicator, f]));
  const values: NormalizedSubmission['values'] = [];
  const present = new Map<string, Set<string>>();
  // Fields some value names, even a faulty one: a field given with a wrong region is
  // reported there, not a second time as "missing".
  const named = new Set<string>(options.unreadableFields ?? []);
  const seen = new Map<string, number>();

  if (input.values === undefined) fail('$.values', 'submission.values_missing');
  else if (!Array.isArray(input.values)) fail('$.values', 'submission.values_not_array', { type: typeName(input.values) });
  else if (input.values.length > MAX_SUBMISSION_VALUES) {
    fail('$.values', 'submission.values_too_many', { count: input.values.length, max: MAX_SUBMISSION_VALUES });
  } else if (input.values.length === 0) {
    fail('$.values', 'submission.values_empty');
  } else {
    input.values.forEach((item: unknown, i: number) => {
      const at = `$.values[${i}]`;
      if (!isObject(item)) {
        fail(at, 'submission.value_not_object', { type: typeName(item) });
        return;
      }
      for (const key of Object.keys(item)) {
        if (!VALUE_KEYS.has(key)) fail(propPath(at, key), 'submission.value_unknown_property', { key });
      }
      let field: TemplateField | undefined;
      if (item.indicator === undefined) fail(`${at}.indicator`, 'submission.indicator_missing');
      else if (typeof item.indicator !== 'string') fail(`${at}.indicator`, 'submission.indicator_not_string', { type: typeName(item.indicator) });
      else {
        field = fields.get(item.indicator);
        if (field) named.add(field.indicator);
        else {
          fail(`${at}.indicator`, 'submission.indicator_not_in_template', { indicator: quote(item.indicator), regime: regime.code });
        }
      }

      const regionOk = checkRegion(item.region, field, ownRegion, `${at}.region`, fail);
      const valueOk = checkValue(item.value, field, `${at}.value`, fail);
      if (item.unit !== undefined) {
        if (typeof item.unit !== 'string') fail(`${at}.unit`, 'submission.unit_not_string', { type: typeName(item.unit) });
        else if (field && item.unit.normalize('NFC').trim() !== field.unit) {
          fail(`${at}.unit`, 'submission.unit_mismatch', { indicator: field.indicator, unit: field.unit, given: item.unit });
        }
      }

      if (field && regionOk) {
        const region = typeof item.region === 'string' ? item.region : (ownRegion ?? NATIONAL_REGION_CODE);
        const key = `${field.indicator}|${region}`;
        const first = seen.get(key);
        if (first !== undefined) {
          fail(at, 'submission.value_duplicate', { indicator: field.indicator, region, first });
        } else {
          seen.set(key, i);
          if (!present.has(field.indicator)) present.set(field.indicator, new Set());
          present.get(field.indicator)!.add(region);
          if (valueOk) values.push({ indicator: field.indicator, region, value: item.value as number, unit: field.unit });
        }
      }
    });

    for (const field of regime.fields) {
      if (!field.required) continue;
      const got = present.get(field.indicator);
      if (!field.byProvince) {
        if (!got && !named.has(field.indicator)) fail('$.values', 'submission.field_missing', { indicator: field.indicator });
      } else {
        const missing = PROVINCE_CODES.filter((code) => !got?.has(code));
        if (missing.length === PROVINCE_CODES.length) {
          if (named.has(field.indicator)) continue;
          fail('$.values', 'submission.field_missing_by_province', { indicator: field.indicator });
        } else if (missing.length > 0) {
          fail('$.values', 'submission.field_provinces_missing', { indicator: field.indicator, count: missing.length, provinces: missing.join(', ') });
        }
      }
    }
  }

  if (!errors.empty || !agency || !period) return { ok: false, errors: errors.items, total: errors.total };
  return { ok: true, submission: { regime: regime.code, agency, period, status, values } };
}

type Fail = <C extends ErrorCode>(path: string, code: C, ...params: ParamsArg<C>) => void;

function checkRegion(region: unknown, field: TemplateField | undefined, ownRegion: string | undefined, path: string, fail: Fail): boolean {
  if (region !== undefined && typeof region !== 'string') {
    fail(path, 'submission.region_not_string', { type: typeName(region) });
    return false;
  }
  if (typeof region === 'string' && !isRegionCode(region)) {
    fail(path, 'submission.region_unknown', { region: quote(region) });
    return false;
  }
  if (!field) return true;
  if (field.byProvince) {
    if (region === undefined) {
      fail(path, 'submission.region_required', { indicator: field.indicator });
      return false;
    }
    if (!isProvinceCode(region)) {
      fail(path, 'submission.region_not_province', { indicator: field.indicator, region });
      return false;
    }
    return true;
  }
  if (region !== undefined && ownRegion !== undefined && region !== ownRegion) {
    fail(path, 'submission.region_not_own', { indicator: field.indicator, own: ownRegion, region });
    return false;
  }
  return true;
}

function checkValue(value: unknown, field: TemplateField | undefined, path: string, fail: Fail): boolean {
  if (value === undefined) {
    fail(path, 'submission.value_missing');
    return false;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, 'submission.value_not_number', { value: quote(value) });
    return false;
  }
  if (!field) return true;
  let ok = true;
  if (field.type === 'integer' && !Number.isInteger(value)) {
    fail(path, 'submission.value_not_integer', { indicator: field.indicator, unit: field.unit, value: formatNumber(value) });
    ok = false;
  }
  const { min, max } = field;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    fail(path, 'submission.value_out_of_range', { value: formatNumber(value), unit: field.unit, indicator: field.indicator, range: rangeText(min, max) });
    ok = false;
  }
  return ok;
}

function rangeText(min: number | undefined, max: number | undefined): { vi: string; en: string } {
  if (min !== undefined && max !== undefined) return { vi: `[${min}; ${max}]`, en: `[${min}, ${max}]` };
  if (min !== undefined) return { vi: `(≥ ${min})`, en: `(≥ ${min})` };
  return { vi: `(≤ ${max})`, en: `(≤ ${max})` };
}
