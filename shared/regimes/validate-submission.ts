import { agencyByCode, canonicalAgencyCode } from '../agencies';
import { parsePeriod } from '../period';
import { NATIONAL_REGION_CODE, PROVINCE_CODES, isProvinceCode, isRegionCode } from '../regions';
import { dataWindow, toInstant, vietnamDate } from './calendar';
import { isReporter } from './reporters';
import { PERIOD_KIND_OF, PERIODICITY_NAMES, type Regime, type TemplateField } from './schema';
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
  const errors: SubmissionError[] = [];
  const fail = (path: string, vi: string, en: string) => errors.push({ path, message_vi: vi, message_en: en });

  if (!isObject(input)) {
    fail('$', `Báo cáo phải là một đối tượng JSON, không phải ${typeName(input)}`, `a submission is a JSON object, not ${typeName(input)}`);
    return { ok: false, errors };
  }

  for (const key of Object.keys(input)) {
    if (!ENVELOPE_KEYS.has(key)) fail(propPath('$', key), `Trường "${key}" không được phép trong báo cáo`, `unknown property "${key}"`);
  }

  // --- regime
  if (input.regime === undefined) fail('$.regime', 'Thiếu mã chế độ báo cáo', 'regime is missing');
  else if (input.regime !== regime.code) {
    fail('$.regime', `Báo cáo ghi chế độ ${quote(input.regime)}, nhưng đang được kiểm tra theo chế độ ${regime.code}`, `the submission names regime ${quote(input.regime)}, not ${regime.code}`);
  }

  // --- agency
  let agency: string | undefined;
  if (input.agency === undefined) fail('$.agency', 'Thiếu mã cơ quan báo cáo', 'agency is missing');
  else if (typeof input.agency !== 'string') fail('$.agency', 'Mã cơ quan phải là chuỗi ký tự', `agency must be a string, not ${typeName(input.agency)}`);
  else {
    agency = canonicalAgencyCode(input.agency);
    if (!agency) {
      fail('$.agency', `Không có cơ quan mã ${quote(input.agency)}`, `unknown agency ${quote(input.agency)}`);
    } else if (!isReporter(regime, agency)) {
      const name = agencyByCode(agency)!.name;
      fail(
        '$.agency',
        `${name.vi} (${agency}) không thuộc đối tượng báo cáo của chế độ ${regime.code}`,
        `${name.en} (${agency}) is not a reporting agency of regime ${regime.code}`,
      );
      agency = undefined;
    }
  }
  const ownRegion = agency ? agencyByCode(agency)!.region : undefined;

  // --- period
  let period: string | undefined;
  if (input.period === undefined) fail('$.period', 'Thiếu kỳ báo cáo', 'period is missing');
  else if (typeof input.period !== 'string') fail('$.period', 'Kỳ báo cáo phải là chuỗi ký tự', `period must be a string, not ${typeName(input.period)}`);
  else {
    const p = parsePeriod(input.period);
    const name = PERIODICITY_NAMES[regime.periodicity];
    const example = PERIOD_EXAMPLES[regime.periodicity];
    if (!p) {
      fail('$.period', `${quote(input.period)} không phải kỳ báo cáo hợp lệ (ví dụ ${example})`, `${quote(input.period)} is not a period (e.g. ${example})`);
    } else if (p.kind !== PERIOD_KIND_OF[regime.periodicity]) {
      fail(
        '$.period',
        `Chế độ ${regime.code} báo cáo ${name.vi}: kỳ phải có dạng ${example}, không phải ${quote(input.period)}`,
        `regime ${regime.code} is ${name.en}: the period looks like ${example}, not ${quote(input.period)}`,
      );
    } else {
      const window = dataWindow(regime, input.period);
      if (window.end < regime.effectiveFrom) {
        fail(
          '$.period',
          `Kỳ ${input.period} (số liệu đến ${window.end}) trước ngày chế độ ${regime.code} có hiệu lực (${regime.effectiveFrom})`,
          `period ${input.period} (data up to ${window.end}) precedes regime ${regime.code}, in force from ${regime.effectiveFrom}`,
        );
      } else if (options.now !== undefined && window.start > vietnamDate(toInstant(options.now))) {
        fail('$.period', `Kỳ ${input.period} chưa bắt đầu (số liệu từ ${window.start})`, `period ${input.period} has not begun (its data window opens ${window.start})`);
      } else period = input.period;
    }
  }

  // --- status
  let status: SubmissionStatus = 'official';
  if (input.status !== undefined) {
    if (input.status === 'estimate' || input.status === 'official') status = input.status;
    else fail('$.status', `Trạng thái số liệu là "estimate" (ước tính) hoặc "official" (chính thức), không phải ${quote(input.status)}`, `status is "estimate" or "official", not ${quote(input.status)}`);
  }

  // --- values
  const fields = new Map(regime.fields.map((f) => [f.indicator, f]));
  const values: NormalizedSubmission['values'] = [];
  const present = new Map<string, Set<string>>();
  // Fields some value names, even a faulty one: a field given with a wrong region is
  // reported there, not a second time as "missing".
  const named = new Set<string>(options.unreadableFields ?? []);
  const seen = new Map<string, number>();

  if (input.values === undefined) fail('$.values', 'Thiếu danh sách số liệu (values)', 'values is missing');
  else if (!Array.isArray(input.values)) fail('$.values', 'values phải là một mảng', `values must be an array, not ${typeName(input.values)}`);
  else if (input.values.length > MAX_SUBMISSION_VALUES) {
    fail('$.values', `Quá nhiều số liệu: ${input.values.length} (tối đa ${MAX_SUBMISSION_VALUES})`, `too many values: ${input.values.length} (at most ${MAX_SUBMISSION_VALUES})`);
  } else if (input.values.length === 0) {
    fail('$.values', 'Báo cáo không có số liệu nào', 'values is empty: a submission has at least one value');
  } else {
    input.values.forEach((item: unknown, i: number) => {
      const at = `$.values[${i}]`;
      if (!isObject(item)) {
        fail(at, `Mỗi số liệu là một đối tượng {indicator, value, …}, không phải ${typeName(item)}`, `each value is an object {indicator, value, …}, not ${typeName(item)}`);
        return;
      }
      for (const key of Object.keys(item)) {
        if (!VALUE_KEYS.has(key)) fail(propPath(at, key), `Trường "${key}" không được phép trong một số liệu`, `unknown property "${key}" in a value`);
      }
      let field: TemplateField | undefined;
      if (item.indicator === undefined) fail(`${at}.indicator`, 'Thiếu mã chỉ tiêu (indicator)', 'indicator is missing');
      else if (typeof item.indicator !== 'string') fail(`${at}.indicator`, 'Mã chỉ tiêu phải là chuỗi ký tự', `indicator must be a string, not ${typeName(item.indicator)}`);
      else {
        field = fields.get(item.indicator);
        if (field) named.add(field.indicator);
        else {
          fail(`${at}.indicator`, `Chỉ tiêu ${quote(item.indicator)} không có trong biểu mẫu của chế độ ${regime.code}`, `indicator ${quote(item.indicator)} is not a field of the template of regime ${regime.code}`);
        }
      }

      const regionOk = checkRegion(item.region, field, ownRegion, `${at}.region`, fail);
      const valueOk = checkValue(item.value, field, `${at}.value`, fail);
      if (item.unit !== undefined) {
        if (typeof item.unit !== 'string') fail(`${at}.unit`, 'Đơn vị tính phải là chuỗi ký tự', `unit must be a string, not ${typeName(item.unit)}`);
        else if (field && item.unit.normalize('NFC').trim() !== field.unit) {
          fail(`${at}.unit`, `Đơn vị tính của ${field.indicator} là "${field.unit}", không phải "${item.unit}"`, `the unit of ${field.indicator} is "${field.unit}", not "${item.unit}"`);
        }
      }

      if (field && regionOk) {
        const region = typeof item.region === 'string' ? item.region : (ownRegion ?? NATIONAL_REGION_CODE);
        const key = `${field.indicator}|${region}`;
        const first = seen.get(key);
        if (first !== undefined) {
          fail(at, `Trùng số liệu: ${field.indicator} cho vùng ${region} đã có ở $.values[${first}]`, `duplicate: ${field.indicator} for region ${region} is already given at $.values[${first}]`);
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
        if (!got && !named.has(field.indicator)) fail('$.values', `Thiếu chỉ tiêu bắt buộc ${field.indicator}`, `required field ${field.indicator} is missing`);
      } else {
        const missing = PROVINCE_CODES.filter((code) => !got?.has(code));
        if (missing.length === PROVINCE_CODES.length) {
          if (named.has(field.indicator)) continue;
          fail('$.values', `Thiếu chỉ tiêu bắt buộc ${field.indicator} (theo 34 tỉnh, thành phố)`, `required field ${field.indicator} (by province, all 34) is missing`);
        } else if (missing.length > 0) {
          fail(
            '$.values',
            `Chỉ tiêu ${field.indicator} thiếu số liệu của ${missing.length} tỉnh, thành phố: ${missing.join(', ')}`,
            `field ${field.indicator} lacks ${missing.length} province(s): ${missing.join(', ')}`,
          );
        }
      }
    }
  }

  if (errors.length > 0 || !agency || !period) return { ok: false, errors };
  return { ok: true, submission: { regime: regime.code, agency, period, status, values } };
}

type Fail = (path: string, vi: string, en: string) => void;

function checkRegion(region: unknown, field: TemplateField | undefined, ownRegion: string | undefined, path: string, fail: Fail): boolean {
  if (region !== undefined && typeof region !== 'string') {
    fail(path, 'Mã vùng phải là chuỗi ký tự ("VN" hoặc mã tỉnh hai chữ số)', `region must be a string ("VN" or a two-digit province code), not ${typeName(region)}`);
    return false;
  }
  if (typeof region === 'string' && !isRegionCode(region)) {
    fail(path, `${quote(region)} không phải "VN" hay mã của một trong 34 tỉnh, thành phố`, `${quote(region)} is neither "VN" nor the code of one of the 34 provinces and cities`);
    return false;
  }
  if (!field) return true;
  if (field.byProvince) {
    if (region === undefined) {
      fail(path, `Chỉ tiêu ${field.indicator} báo cáo theo từng tỉnh, thành phố: cần mã tỉnh (region)`, `field ${field.indicator} is broken down by province: region (a province code) is required`);
      return false;
    }
    if (!isProvinceCode(region)) {
      fail(path, `Chỉ tiêu ${field.indicator} báo cáo theo từng tỉnh, thành phố: "${region}" không phải mã tỉnh`, `field ${field.indicator} is broken down by province: "${region}" is not a province code`);
      return false;
    }
    return true;
  }
  if (region !== undefined && ownRegion !== undefined && region !== ownRegion) {
    fail(
      path,
      `Chỉ tiêu ${field.indicator} là số liệu của chính đơn vị báo cáo: vùng phải là ${ownRegion} hoặc bỏ trống, không phải ${region}`,
      `field ${field.indicator} is the reporting agency's own figure: region is ${ownRegion} or absent, not ${region}`,
    );
    return false;
  }
  return true;
}

function checkValue(value: unknown, field: TemplateField | undefined, path: string, fail: Fail): boolean {
  if (value === undefined) {
    fail(path, 'Thiếu giá trị (value)', 'value is missing');
    return false;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, `Giá trị phải là một số, không phải ${quote(value)}`, `value must be a number, not ${quote(value)}`);
    return false;
  }
  if (!field) return true;
  let ok = true;
  if (field.type === 'integer' && !Number.isInteger(value)) {
    fail(path, `${field.indicator} là số nguyên (${field.unit}), không phải ${formatNumber(value)}`, `${field.indicator} is a whole number (${field.unit}), not ${formatNumber(value)}`);
    ok = false;
  }
  const { min, max } = field;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range = rangeText(min, max);
    fail(
      path,
      `Giá trị ${formatNumber(value)} ${field.unit} của ${field.indicator} nằm ngoài khoảng cho phép ${range.vi}`,
      `value ${formatNumber(value)} ${field.unit} of ${field.indicator} is outside the allowed range ${range.en}`,
    );
    ok = false;
  }
  return ok;
}

function rangeText(min: number | undefined, max: number | undefined): { vi: string; en: string } {
  if (min !== undefined && max !== undefined) return { vi: `[${min}; ${max}]`, en: `[${min}, ${max}]` };
  if (min !== undefined) return { vi: `(≥ ${min})`, en: `(≥ ${min})` };
  return { vi: `(≤ ${max})`, en: `(≤ ${max})` };
}
