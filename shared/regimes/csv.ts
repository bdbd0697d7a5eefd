import { agencyByCode, canonicalAgencyCode } from '../agencies';
import { NATIONAL_REGION_CODE, PROVINCES, isRegionCode } from '../regions';
import type { Regime } from './schema';
import { errorText, fieldError, type ErrorCode, type ParamsArg } from '../errors';
import { ErrorList } from '../errors/collect';
import type { SubmissionError, SubmissionResult, SubmissionStatus } from './submission';
import { validateSubmission, type ValidateOptions } from './validate-submission';

/**
 * The CSV form of a submission: a regime's template as columns.
 *
 *   region,TRAFFIC_ACCIDENTS,TRAFFIC_DEATHS,PROV_TRAFFIC_ACCIDENTS
 *   VN,1520,820,
 *   01,,,61
 *   04,,,12
 *   …
 *
 * - The header is `region` then field codes (indicator codes) of the regime's template, in
 *   any order; a column may be left out when its field is optional.
 * - One row per region: the reporting agency's own region ("VN" for a ministry, its code
 *   for a province) for the fields not broken down by province, and one row per province
 *   for those that are. An empty cell is "no value".
 * - Region codes are "VN" or two digits; a one-digit code is read with its leading zero
 *   ("1" → "01"), since spreadsheets drop it.
 * - RFC 4180: comma-separated, fields may be quoted ("…", with "" for a quote, and commas
 *   or line breaks inside); CRLF, LF or CR line ends; a UTF-8 byte-order mark is skipped;
 *   blank lines are ignored.
 * - Numbers: plain decimal numbers with "." as the decimal separator and no thousands
 *   separator: 1520, -0.75, 8.02, 1e3. A vi-VN decimal comma ("8,02", which must be
 *   quoted) and grouped digits ("1 520", "1.520.000") are refused with a clear message:
 *   "1.520" would read as one point five two, so write 1520.
 *
 * Rows are counted as a spreadsheet counts them: the header is row 1, a quoted cell with a
 * line break stays in its row. Errors name the cell: `csv[4].TRAFFIC_DEATHS` is row 4,
 * column TRAFFIC_DEATHS (also given as numbers in `row` and `column`).
 */

export interface CsvRecord {
  /** 1-based, the header being row 1. */
  row: number;
  cells: string[];
}

export interface CsvSyntaxError {
  row: number;
  code: 'csv.junk_after_quote' | 'csv.unclosed_quote';
  message_vi: string;
  message_en: string;
}

const syntaxError = (row: number, code: CsvSyntaxError['code']): CsvSyntaxError => {
  const text = errorText(code);
  return { row, code, message_vi: text.vi, message_en: text.en };
};

/** Splits CSV text into records (RFC 4180, lenient on line ends). */
export function parseCsvRecords(text: string): { records: CsvRecord[]; errors: CsvSyntaxError[] } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside quotes
  let wasQuoted = false; // the current cell opened with a quote
  let afterQuote = false; // the current cell's closing quote has been seen
  let junkReported = false;
  let row = 1;

  const endCell = () => {
    cells.push(cell);
    cell = '';
    wasQuoted = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endCell();
    records.push({ row, cells });
    cells = [];
    row++;
    junkReported = false;
  };

  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else cell += ch;
      continue;
    }
    if (ch === ',') endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
    } else if (ch === '"' && cell === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
    } else {
      if (afterQuote && !junkReported && ch.trim() !== '') {
        errors.push(syntaxError(row, 'csv.junk_after_quote'));
        junkReported = true;
      }
      cell += ch;
    }
  }
  if (quoted) errors.push(syntaxError(row, 'csv.unclosed_quote'));
  // A last line without its line end is a record; the empty "line" after a final line end is not.
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return { records, errors };
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Reads a CSV number cell (see the module comment for the accepted format). */
type CsvNumberFault = { code: 'csv.decimal_comma'; params: { text: string; fixed: string } } | { code: 'csv.thousands_separator' | 'csv.not_a_number'; params: { text: string } };

export function parseCsvNumber(text: string): { ok: true; value: number } | ({ ok: false; vi: string; en: string } & CsvNumberFault) {
  const refuse = (fault: CsvNumberFault) => ({ ok: false as const, ...fault, ...errorText(fault.code, fault.params as never) });
  const t = text.trim();
  if (NUMBER.test(t)) {
    const value = Number(t);
    if (Number.isFinite(value)) return { ok: true, value };
  }
  if (/^[+-]?\d+,\d+$/.test(t)) {
    return refuse({ code: 'csv.decimal_comma', params: { text: t, fixed: t.replace(',', '.') } });
  }
  if (/^[+-]?\d{1,3}([ .,\u00a0]\d{3})+([.,]\d+)?$/.test(t)) {
    return refuse({ code: 'csv.thousands_separator', params: { text: t } });
  }
  return refuse({ code: 'csv.not_a_number', params: { text: t } });
}

/** Who and what period the CSV is for: a CSV carries only the values. */
export interface CsvEnvelope {
  agency: string;
  period: string;
  status?: SubmissionStatus;
}

/** Where each value of the parsed submission came from. */
export interface CsvCell {
  row: number;
  column: number;
  header: string;
}

export type CsvParseResult = {
  /** The submission in its JSON form (values from the cells that could be read). */
  submission: { regime: string; agency: string; period: string; status?: SubmissionStatus; values: { indicator: string; region: string; value: number }[] };
  /** cells[i] is where submission.values[i] came from. */
  cells: CsvCell[];
  /** Errors of the CSV itself (syntax, header, regions, numbers), the first ones; empty when it could be read whole. */
  errors: SubmissionError[];
  /** How many errors there were in all (errors keeps the first MAX_COLLECTED_ERRORS). */
  errorTotal: number;
  /** Fields with a cell that could not be read as a number. */
  unreadableFields: Set<string>;
};

const cellPath = (row: number, header?: string) => (header === undefined ? `csv[${row}]` : /^[A-Za-z_][\w]*$/.test(header) ? `csv[${row}].${header}` : `csv[${row}][${JSON.stringify(header)}]`);

/**
 * Turns a CSV in a regime's template into the JSON submission shape, noting where every
 * value came from and every error of the CSV itself. `validateSubmissionCsv` parses and
 * validates in one go, with every error pointing at its row and column.
 */
export function parseSubmissionCsv(regime: Pick<Regime, 'code' | 'fields'>, text: string, envelope: CsvEnvelope): CsvParseResult {
  const errors = new ErrorList<SubmissionError>();
  const fail = <C extends ErrorCode>(row: number, column: number | undefined, header: string | undefined, code: C, ...params: ParamsArg<C>) =>
    errors.add(() => ({ ...fieldError(cellPath(row, header), code, ...params), row, ...(column === undefined ? {} : { column }) }));

  const { records, errors: syntax } = parseCsvRecords(text);
  for (const e of syntax) fail(e.row, undefined, undefined, e.code);

  const submission: CsvParseResult['submission'] = {
    regime: regime.code,
    agency: envelope.agency,
    period: envelope.period,
    ...(envelope.status === undefined ? {} : { status: envelope.status }),
    values: [],
  };
  const cells: CsvCell[] = [];
  const unreadableFields = new Set<string>();
  const nonBlank = records.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
  const header = nonBlank[0];
  if (!header) {
    fail(1, undefined, undefined, 'csv.empty');
    return { submission, cells, errors: errors.items, errorTotal: errors.total, unreadableFields };
  }

  // --- header
  const fields = new Set(regime.fields.map((f) => f.indicator));
  const names = header.cells.map((c) => c.trim());
  const usable: (string | null)[] = names.map(() => null); // the field each column feeds, or null
  if ((names[0] ?? '').toLowerCase() !== 'region') {
    fail(header.row, 1, names[0] || undefined, 'csv.first_column', { name: names[0] ?? '' });
  }
  const seenColumns = new Map<string, number>();
  names.forEach((name, i) => {
    if (i === 0) return;
    const col = i + 1;
    if (name === '') {
      fail(header.row, col, undefined, 'csv.column_unnamed', { column: col });
    } else if (!fields.has(name)) {
      fail(header.row, col, name, 'csv.column_not_field', { name, regime: regime.code });
    } else if (seenColumns.has(name)) {
      fail(header.row, col, name, 'csv.column_twice', { name, first: seenColumns.get(name)! });
    } else {
      seenColumns.set(name, col);
      usable[i] = name;
    }
  });

  // --- rows
  const seenRegions = new Map<string, number>();
  for (const record of nonBlank.slice(1)) {
    if (record.cells.length !== names.length) {
      fail(record.row, undefined, undefined, 'csv.row_width', { cells: record.cells.length, header: names.length });
    }
    const raw = (record.cells[0] ?? '').trim().toUpperCase();
    const region = /^\d$/.test(raw) ? `0${raw}` : raw;
    if (region === '') {
      fail(record.row, 1, 'region', 'csv.region_missing');
      continue;
    }
    if (!isRegionCode(region)) {
      fail(record.row, 1, 'region', 'csv.region_unknown', { region: raw });
      continue;
    }
    const first = seenRegions.get(region);
    if (first !== undefined) {
      fail(record.row, 1, 'region', 'csv.region_twice', { region, first });
      continue;
    }
    seenRegions.set(region, record.row);
    record.cells.forEach((text, i) => {
      const field = usable[i];
      if (i === 0 || !field || text.trim() === '') return;
      const n = parseCsvNumber(text);
      if (!n.ok) {
        unreadableFields.add(field);
        fail(record.row, i + 1, field, n.code, n.params as never);
        return;
      }
      submission.values.push({ indicator: field, region, value: n.value });
      cells.push({ row: record.row, column: i + 1, header: field });
    });
  }
  return { submission, cells, errors: errors.items, errorTotal: errors.total, unreadableFields };
}

/**
 * Parses a CSV submission and validates it against its regime: every error of the CSV and
 * of its content at once, each pointing at its row and column (`csv[4].TRAFFIC_DEATHS`) or,
 * for the agency and period given beside the CSV, at `$.agency` and `$.period`.
 */
export function validateSubmissionCsv(regime: Regime, text: string, envelope: CsvEnvelope, options: ValidateOptions = {}): SubmissionResult {
  const parsed = parseSubmissionCsv(regime, text, envelope);
  const result = validateSubmission(regime, parsed.submission, { ...options, unreadableFields: parsed.unreadableFields });
  const contentErrors = result.ok ? [] : result.errors.map((e) => toCsvError(e, parsed.cells));
  // An empty value list is already reported by the CSV parser (no data rows) or by the
  // required-field checks; zod-like "values is missing" cannot happen here.
  const errors = new ErrorList<SubmissionError>();
  errors.addAll(parsed.errors, parsed.errorTotal);
  errors.addAll(contentErrors, result.ok ? 0 : result.total);
  if (!errors.empty) return { ok: false, errors: errors.items, total: errors.total };
  return result;
}

function toCsvError(error: SubmissionError, cells: readonly CsvCell[]): SubmissionError {
  const m = /^\$\.values\[(\d+)\](?:\.(\w+))?$/.exec(error.path);
  if (m) {
    const cell = cells[Number(m[1])];
    if (cell) {
      const column = m[2] === 'region' ? 1 : cell.column;
      const header = m[2] === 'region' ? 'region' : cell.header;
      return { ...error, path: cellPath(cell.row, header), row: cell.row, column };
    }
  }
  if (error.path === '$.values') return { ...error, path: 'csv' };
  return error;
}

/**
 * An empty CSV template for a regime and a reporting agency: the header, then a row for
 * the agency's own region when some field is not broken down, and one row per province
 * when some field is. Agencies unknown to the table get the national row.
 */
export function submissionCsvTemplate(regime: Pick<Regime, 'fields'>, agency: string): string {
  const header = ['region', ...regime.fields.map((f) => f.indicator)];
  const blank = ','.repeat(regime.fields.length);
  const own = agencyByCode(canonicalAgencyCode(agency) ?? '')?.region ?? NATIONAL_REGION_CODE;
  const rows: string[] = [header.join(',')];
  if (regime.fields.some((f) => !f.byProvince)) rows.push(`${own}${blank}`);
  if (regime.fields.some((f) => f.byProvince)) for (const p of PROVINCES) if (p.code !== own) rows.push(`${p.code}${blank}`);
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * A cell as a spreadsheet will read it: quoted when it holds a quote, comma or line break,
 * and a text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe (OWASP's advice for CSV injection). Numbers, negative ones included,
 * are written as they are, so that the file reads back as it was written.
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A submission's values in the CSV form of its regime (the inverse of parseSubmissionCsv):
 * every template field as a column, one row per region that has a value, the agency's own
 * region first, then provinces by code. Values without a region go to `ownRegion`.
 */
export function submissionToCsv(regime: Pick<Regime, 'fields'>, values: readonly { indicator: string; region?: string; value: number }[], ownRegion = NATIONAL_REGION_CODE): string {
  const columns = regime.fields.map((f) => f.indicator);
  const rows = new Map<string, Map<string, number>>();
  for (const v of values) {
    const region = v.region ?? ownRegion;
    if (!rows.has(region)) rows.set(region, new Map());
    rows.get(region)!.set(v.indicator, v.value);
  }
  const order = [...rows.keys()].sort((a, b) => (a === ownRegion ? -1 : b === ownRegion ? 1 : a.localeCompare(b)));
  const lines = [['region', ...columns].map(csvCell).join(',')];
  for (const region of order) {
    const cells = rows.get(region)!;
    lines.push([region, ...columns.map((c) => (cells.has(c) ? String(cells.get(c)) : ''))].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
