import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { agencyByCode } from '../../shared/agencies';
import { PROVINCE_CODES } from '../../shared/regions';
import { parseCsvNumber, parseCsvRecords, parseSubmissionCsv, submissionCsvTemplate, submissionToCsv, validateSubmissionCsv } from '../../shared/regimes/csv';
import { exampleSubmission } from '../../shared/regimes/example';
import { reportersOf } from '../../shared/regimes/reporters';
import type { Regime } from '../../shared/regimes/schema';
import type { SubmissionError, SubmissionResult } from '../../shared/regimes/submission';
import { validateSubmission } from '../../shared/regimes/validate-submission';
import { foreignAgency, regimeSample, SAMPLE_PERIOD, wrongPeriod } from '../support/regimes';

const catalog = loadCatalog();
const regime = (code: string): Regime => catalog.regimes.find((r) => r.code === code)!;


function errorsOf(result: SubmissionResult): SubmissionError[] {
  if (result.ok) throw new Error('expected the submission to be refused');
  return result.errors;
}
const paths = (result: SubmissionResult) => errorsOf(result).map((e) => e.path);

/** Every error carries a path and a reason in both languages. */
function expectBilingual(errors: SubmissionError[]) {
  for (const e of errors) {
    expect(e.path).toMatch(/^(\$|csv)/);
    expect(e.message_vi.length).toBeGreaterThan(5);
    expect(e.message_en.length).toBeGreaterThan(5);
    expect(e.message_vi).not.toBe(e.message_en);
  }
}

describe.each(catalog.regimes.map((r) => [r.code, r] as const))('regime %s', (_code, r) => {
  // The field whose faults we plant is the first (tests/support/regimes.ts).
  const { agency, period, valid, target, outOfRange } = regimeSample(r);

  it('accepts a generated valid JSON submission', () => {
    const result = validateSubmission(r, JSON.parse(JSON.stringify(valid())));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    const expectedCount = r.fields.reduce((n, f) => n + (f.byProvince ? 34 : 1), 0);
    expect(result.submission.values).toHaveLength(expectedCount);
    expect(result.submission).toMatchObject({ regime: r.code, agency, period, status: 'estimate' });
  });

  it('accepts the same submission as CSV', () => {
    const s = valid();
    const csv = submissionToCsv(r, s.values, agencyByCode(agency)!.region);
    const result = validateSubmissionCsv(r, csv, { agency, period, status: 'estimate' });
    expect(result.ok ? [] : result.errors).toEqual([]);
    const json = validateSubmission(r, s);
    if (result.ok && json.ok) expect(sortValues(result.submission.values)).toEqual(sortValues(json.submission.values));
  });

  it('refuses a wrong unit', () => {
    const s = valid();
    s.values[0]!.unit = 'đơn vị khác';
    expect(paths(validateSubmission(r, s))).toEqual(['$.values[0].unit']);
  });

  it('refuses a value out of range', () => {
    const s = valid();
    s.values[0]!.value = outOfRange;
    const errors = errorsOf(validateSubmission(r, s));
    expect(errors.map((e) => e.path)).toEqual(['$.values[0].value']);
    expect(errors[0]!.message_en).toContain('outside the allowed range');
  });

  it('refuses a period of another periodicity', () => {
    const s = { ...valid(), period: wrongPeriod(r) };
    expect(paths(validateSubmission(r, s))).toEqual(['$.period']);
  });

  it('refuses an unknown field', () => {
    const s = valid();
    s.values.push({ indicator: 'NOT_A_FIELD', value: 1 });
    expect(paths(validateSubmission(r, s))).toEqual([`$.values[${s.values.length - 1}].indicator`]);
  });

  it('refuses a foreign agency', () => {
    const s = { ...valid(), agency: foreignAgency(r) };
    const errors = errorsOf(validateSubmission(r, s));
    expect(errors.map((e) => e.path)).toEqual(['$.agency']);
    expect(errors[0]!.message_en).toContain('is not a reporting agency');
  });

  it('lists all five faults at once', () => {
    const s = { ...valid(), period: wrongPeriod(r), agency: foreignAgency(r) };
    s.values[0]!.unit = 'đơn vị khác';
    s.values[0]!.value = outOfRange;
    s.values.push({ indicator: 'NOT_A_FIELD', value: 1 });
    const errors = errorsOf(validateSubmission(r, s));
    expectBilingual(errors);
    expect(errors.map((e) => e.path).sort()).toEqual(['$.agency', '$.period', '$.values[0].unit', '$.values[0].value', `$.values[${s.values.length - 1}].indicator`].sort());
  });

  it('lists the faults of a CSV at once, each at its row and column', () => {
    // The CSV has no unit column: the other four faults, as an unknown column, a cell out of
    // range, and the period and agency given beside it.
    const s = valid();
    s.values[0]!.value = outOfRange;
    const csv = submissionToCsv(r, s.values, agencyByCode(agency)!.region)
      .split('\r\n')
      .map((line, i) => (line === '' ? line : i === 0 ? `${line},NOT_A_FIELD` : `${line},`))
      .join('\r\n');
    const errors = errorsOf(validateSubmissionCsv(r, csv, { agency: foreignAgency(r), period: wrongPeriod(r) }));
    expectBilingual(errors);
    const column = r.fields.length + 2;
    // Row 1 is the header; the agency's own row (when some field is not broken down) comes next, then the provinces by code.
    const ownRow = r.fields.some((f) => !f.byProvince) ? 1 : 0;
    const firstRow = target.byProvince ? 2 + ownRow + PROVINCE_CODES.indexOf(s.values[0]!.region!) : 2;
    expect(errors.map((e) => e.path).sort()).toEqual(['$.agency', '$.period', 'csv[1].NOT_A_FIELD', `csv[${firstRow}].${target.indicator}`].sort());
    expect(errors.find((e) => e.path === 'csv[1].NOT_A_FIELD')).toMatchObject({ row: 1, column });
    expect(errors.find((e) => e.path.endsWith(target.indicator))).toMatchObject({ row: firstRow, column: 2 });
  });
});

function sortValues<T extends { indicator: string; region?: string }>(values: T[]): T[] {
  return [...values].sort((a, b) => `${a.indicator}|${a.region}`.localeCompare(`${b.indicator}|${b.region}`));
}

describe('submission checks in detail', () => {
  const traffic = regime('BCA-TNGT-THANG');
  const provinces = regime('TINH-KTXH-THANG');
  const monthly = regime('CTK-KTXH-THANG');
  const base = () => structuredClone(exampleSubmission(traffic, 'BCA', '2025-09'));

  it('refuses what is not an object, naming the type', () => {
    for (const input of [null, 42, 'report', [1, 2]]) {
      const errors = errorsOf(validateSubmission(traffic, input));
      expect(errors).toHaveLength(1);
      expect(errors[0]!.path).toBe('$');
    }
  });

  it('reports every missing or mistyped envelope property at once', () => {
    expect(paths(validateSubmission(traffic, {})).sort()).toEqual(['$.agency', '$.period', '$.regime', '$.values']);
    const errors = errorsOf(validateSubmission(traffic, { regime: 'CTK-KTXH-THANG', agency: 7, period: 2025, status: 'final', values: {}, extra: true }));
    expect(errors.map((e) => e.path).sort()).toEqual(['$.agency', '$.extra', '$.period', '$.regime', '$.status', '$.values']);
    expectBilingual(errors);
  });

  it('refuses an empty value list and malformed values', () => {
    expect(paths(validateSubmission(traffic, { ...base(), values: [] }))).toEqual(['$.values']);
    const n = base().values.length;
    const s = { ...base(), values: [...base().values, 'x', { indicator: 'TRAFFIC_DEATHS', value: '12', note: 'n' }] };
    // The last value also repeats TRAFFIC_DEATHS for VN ($.values[1]).
    expect(paths(validateSubmission(traffic, s)).sort()).toEqual([`$.values[${n + 1}]`, `$.values[${n + 1}].note`, `$.values[${n + 1}].value`, `$.values[${n}]`].sort());
  });

  it('wants whole numbers for counts', () => {
    const s = base();
    s.values[0]!.value = 12.5;
    const errors = errorsOf(validateSubmission(traffic, s));
    expect(errors.map((e) => e.path)).toEqual(['$.values[0].value']);
    expect(errors[0]!.message_vi).toContain('số nguyên');
  });

  it('refuses the same field and region twice', () => {
    const s = base();
    s.values.push({ ...s.values[0]! });
    expect(paths(validateSubmission(traffic, s))).toEqual([`$.values[${s.values.length - 1}]`]);
    // The national value once with region VN and once without is the same value twice.
    const t = base();
    t.values.push({ indicator: t.values[0]!.indicator, value: 3 });
    expect(paths(validateSubmission(traffic, t))).toEqual([`$.values[${t.values.length - 1}]`]);
  });

  it('wants every required field, and all 34 provinces of a required breakdown', () => {
    const s = base();
    s.values = s.values.filter((v) => v.indicator !== 'TRAFFIC_DEATHS' && !(v.indicator === 'PROV_TRAFFIC_ACCIDENTS' && (v.region === '01' || v.region === '79')));
    const errors = errorsOf(validateSubmission(traffic, s));
    expect(errors.map((e) => e.path)).toEqual(['$.values', '$.values']);
    expect(errors[0]!.message_en).toBe('required field TRAFFIC_DEATHS is missing');
    expect(errors[1]!.message_en).toBe('field PROV_TRAFFIC_ACCIDENTS lacks 2 province(s): 01, 79');
    // An optional breakdown may be partial, or absent.
    const partial = base();
    partial.values = partial.values.filter((v) => !(v.indicator === 'PROV_TRAFFIC_INJURED' && v.region !== '01'));
    expect(validateSubmission(traffic, partial).ok).toBe(true);
    const none = base();
    none.values = none.values.filter((v) => v.indicator !== 'PROV_TRAFFIC_INJURED');
    expect(validateSubmission(traffic, none).ok).toBe(true);
  });

  it('checks regions: real provinces for a breakdown, the agency\'s own region otherwise', () => {
    const s = base();
    const i = s.values.findIndex((v) => v.indicator === 'PROV_TRAFFIC_ACCIDENTS' && v.region === '01');
    const j = s.values.findIndex((v) => v.indicator === 'PROV_TRAFFIC_DEATHS' && v.region === '01');
    const k = s.values.findIndex((v) => v.indicator === 'PROV_TRAFFIC_INJURED' && v.region === '01');
    s.values[i]!.region = '99'; // not a province
    s.values[j]!.region = 'VN'; // national, for a breakdown
    delete s.values[k]!.region; // no region, for a breakdown
    s.values[0]!.region = '01'; // a ministry's own figure is national
    const errors = errorsOf(validateSubmission(traffic, s));
    // …and the two required breakdowns now lack Hà Nội.
    expect(errors.map((e) => e.path).sort()).toEqual(['$.values', '$.values', `$.values[${i}].region`, `$.values[${j}].region`, `$.values[${k}].region`, '$.values[0].region'].sort());
    expect(errors.find((e) => e.path === `$.values[${i}].region`)!.message_en).toContain('neither "VN" nor the code of one of the 34');
  });

  it("a province reports its own figures: region absent or its own code, never another's", () => {
    const s = structuredClone(exampleSubmission(provinces, 'P79', '2025-09'));
    expect(new Set(s.values.map((v) => v.region))).toEqual(new Set(['79']));
    expect(validateSubmission(provinces, s).ok).toBe(true);
    for (const v of s.values) delete v.region;
    const ok = validateSubmission(provinces, s);
    expect(ok.ok && new Set(ok.submission.values.map((v) => v.region))).toEqual(new Set(['79']));
    s.values[0]!.region = '01';
    expect(paths(validateSubmission(provinces, s))).toEqual(['$.values[0].region']);
  });

  it('refuses unknown agencies and reads former codes as current ones', () => {
    expect(errorsOf(validateSubmission(monthly, { ...exampleSubmission(monthly, 'CTK', '2025-09'), agency: 'XYZ' }))[0]!.message_en).toBe('unknown agency "XYZ"');
    const result = validateSubmission(monthly, { ...exampleSubmission(monthly, 'CTK', '2025-09'), agency: 'TCTK' });
    expect(result.ok && result.submission.agency).toBe('CTK');
    // A province is not a reporter of a ministry's regime, nor the reverse.
    expect(paths(validateSubmission(monthly, exampleSubmission(monthly, 'P01', '2025-09')))).toEqual(['$.agency']);
    expect(paths(validateSubmission(provinces, exampleSubmission(provinces, 'BTC', '2025-09')))).toEqual(['$.agency']);
  });

  it('refuses periods that are not periods, before the regime, or not begun yet', () => {
    expect(errorsOf(validateSubmission(traffic, { ...base(), period: '2025-13' }))[0]!.message_en).toContain('is not a period (e.g. 2025-03)');
    // The provinces' regime is in force from 1 July 2025; June's window ends 14 June.
    const june = errorsOf(validateSubmission(provinces, exampleSubmission(provinces, 'P01', '2025-06')));
    expect(june.map((e) => e.path)).toEqual(['$.period']);
    expect(june[0]!.message_en).toContain('in force from 2025-07-01');
    // With "now": October's window opens 15 September; on 10 September it has not begun.
    const early = validateSubmission(traffic, { ...base(), period: '2025-10' }, { now: '2025-09-10T08:00:00+07:00' });
    expect(paths(early)).toEqual(['$.period']);
    expect(validateSubmission(traffic, { ...base(), period: '2025-10' }, { now: '2025-09-15T00:00:00+07:00' }).ok).toBe(true);
  });

  it('returns an accepted submission normalised: status, region and unit on every value', () => {
    const s = base();
    delete (s as { status?: string }).status;
    const result = validateSubmission(traffic, s);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.submission.status).toBe('official');
    expect(result.submission.values[0]).toEqual({ indicator: 'TRAFFIC_ACCIDENTS', region: 'VN', value: s.values[0]!.value, unit: 'vụ' });
    // A unit written in decomposed Unicode (NFD) is the same unit.
    s.values[0]!.unit = 'vụ'.normalize('NFD');
    expect(validateSubmission(traffic, s).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateSubmission(traffic, input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.record({ regime: fc.constant('BCA-TNGT-THANG'), agency: fc.string(), period: fc.string(), values: fc.array(fc.record({ indicator: fc.string(), value: fc.double(), region: fc.string() })) }), (input) => {
        expect(() => validateSubmission(traffic, input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV submissions', () => {
  const monthly = regime('CTK-KTXH-THANG'); // IIP_GROWTH, RETAIL_SALES, CPI_AVG — one national row
  const traffic = regime('BCA-TNGT-THANG');
  const env = { agency: 'CTK', period: '2025-09' };

  it('reads quotes, a BOM, CRLF and blank lines', () => {
    const text = '\uFEFF"region",IIP_GROWTH,"RETAIL_SALES",CPI_AVG\r\n\r\n"VN","9.2",  6380.5 ,-0.25\r\n';
    const result = validateSubmissionCsv(monthly, text, env);
    expect(result.ok ? result.submission.values : result.errors).toEqual([
      { indicator: 'IIP_GROWTH', region: 'VN', value: 9.2, unit: '% so với cùng kỳ' },
      { indicator: 'RETAIL_SALES', region: 'VN', value: 6380.5, unit: 'nghìn tỷ đồng' },
      { indicator: 'CPI_AVG', region: 'VN', value: -0.25, unit: '% so với cùng kỳ' },
    ]);
    // LF and CR line ends, no final line end, columns in another order.
    expect(validateSubmissionCsv(monthly, 'region,CPI_AVG,IIP_GROWTH,RETAIL_SALES\nVN,3.31,9.2,6380', env).ok).toBe(true);
    expect(validateSubmissionCsv(monthly, 'region,CPI_AVG,IIP_GROWTH,RETAIL_SALES\rVN,3.31,9.2,6380\r', env).ok).toBe(true);
  });

  it('splits records the RFC 4180 way: quoted commas, quotes and line breaks stay in their cell', () => {
    const { records, errors } = parseCsvRecords('a,"b,c","say ""hi"""\r\n"multi\nline",x,\n\nlast');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { row: 2, cells: ['multi\nline', 'x', ''] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['last'] },
    ]);
    expect(parseCsvRecords('a,"open\nb').errors).toMatchObject([{ row: 1, message_en: 'a quoted cell is never closed' }]);
    expect(parseCsvRecords('"a"b,c').errors).toMatchObject([{ row: 1 }]);
    expect(parseCsvRecords('').records).toEqual([]);
  });

  it('reads plain decimal numbers only, and explains the rest', () => {
    for (const [text, value] of [['1520', 1520], ['-0.75', -0.75], ['+8.02', 8.02], ['.5', 0.5], ['1e3', 1000], [' 12 ', 12]] as const) {
      expect(parseCsvNumber(text)).toEqual({ ok: true, value });
    }
    expect(parseCsvNumber('8,02')).toMatchObject({ ok: false, en: '"8,02" has a decimal comma: use a point (8.02)' });
    expect(parseCsvNumber('1.520.000')).toMatchObject({ ok: false, en: expect.stringContaining('thousands separators') });
    expect(parseCsvNumber('1 520')).toMatchObject({ ok: false, en: expect.stringContaining('thousands separators') });
    for (const bad of ['', 'abc', '12%', '1..2', 'Infinity', 'NaN', '0x10']) expect(parseCsvNumber(bad).ok).toBe(false);
  });

  it('points every CSV fault at its row and column', () => {
    const text = [
      'region,IIP_GROWTH,RETAIL_SALES,RETAIL_SALES,,NOT_A_FIELD',
      'VN,"9,2",6380,,,',
      'VN,1,2,,,',
      '99,1,2,,,',
      ',1,2,,,',
      'VN,1',
    ].join('\n');
    const errors = errorsOf(validateSubmissionCsv(monthly, text, env));
    expectBilingual(errors);
    expect(errors.map((e) => [e.path, e.row, e.column])).toEqual([
      ['csv[1].RETAIL_SALES', 1, 4], // duplicate column
      ['csv[1]', 1, 5], // a column without a name
      ['csv[1].NOT_A_FIELD', 1, 6], // not a field of the template
      ['csv[2].IIP_GROWTH', 2, 2], // decimal comma
      ['csv[3].region', 3, 1], // VN twice
      ['csv[4].region', 4, 1], // no such province
      ['csv[5].region', 5, 1], // no region
      ['csv[6]', 6, undefined], // too few cells
      ['csv[6].region', 6, 1], // …and VN a third time
      ['csv', undefined, undefined], // CPI_AVG, required, has no column
    ]);
    // IIP_GROWTH's only cell could not be read: reported there, not again as missing.
    expect(errors.at(-1)!.message_en).toBe('required field CPI_AVG is missing');
  });

  it('refuses a CSV without the region column, and an empty one', () => {
    expect(errorsOf(validateSubmissionCsv(monthly, 'IIP_GROWTH,RETAIL_SALES,CPI_AVG\n1,2,3', env))[0]).toMatchObject({ path: 'csv[1].IIP_GROWTH', row: 1, column: 1 });
    expect(errorsOf(validateSubmissionCsv(monthly, '\uFEFF\r\n', env))[0]).toMatchObject({ path: 'csv[1]', message_en: expect.stringContaining('empty') });
  });

  it('reads one-digit province codes with their leading zero (spreadsheets drop it)', () => {
    const text = submissionToCsv(traffic, exampleSubmission(traffic, 'BCA', '2025-09').values).replace(/\r\n0(\d),/g, '\r\n$1,');
    expect(text).toContain('\r\n1,');
    expect(validateSubmissionCsv(traffic, text, { agency: 'BCA', period: '2025-09' }).ok).toBe(true);
  });

  it('maps content errors back to cells: a range error in province 79, a missing province', () => {
    const s = exampleSubmission(traffic, 'BCA', '2025-09');
    const values = s.values
      .filter((v) => !(v.indicator === 'PROV_TRAFFIC_DEATHS' && v.region === '96'))
      .map((v) => (v.indicator === 'PROV_TRAFFIC_ACCIDENTS' && v.region === '79' ? { ...v, value: -3 } : v));
    const text = submissionToCsv(traffic, values);
    const row79 = 3 + PROVINCE_CODES.indexOf('79'); // header, VN, then provinces by code
    const col = 2 + traffic.fields.findIndex((f) => f.indicator === 'PROV_TRAFFIC_ACCIDENTS');
    const errors = errorsOf(validateSubmissionCsv(traffic, text, { agency: 'BCA', period: '2025-09' }));
    expect(errors.map((e) => [e.path, e.row, e.column])).toEqual([
      [`csv[${row79}].PROV_TRAFFIC_ACCIDENTS`, row79, col],
      ['csv', undefined, undefined],
    ]);
    expect(errors[1]!.message_en).toBe('field PROV_TRAFFIC_DEATHS lacks 1 province(s): 96');
  });

  it('gives an empty template per regime and agency', () => {
    const t = submissionCsvTemplate(traffic, 'BCA').split('\r\n');
    expect(t[0]).toBe(`region,${traffic.fields.map((f) => f.indicator).join(',')}`);
    expect(t.slice(1, -1).map((line) => line.split(',')[0])).toEqual(['VN', ...PROVINCE_CODES]);
    expect(submissionCsvTemplate(regime('TINH-KTXH-THANG'), 'P79')).toBe(`region,${regime('TINH-KTXH-THANG').fields.map((f) => f.indicator).join(',')}\r\n79,,,,\r\n`);
  });

  it('round-trips generated submissions through CSV (property)', () => {
    const withValues = catalog.regimes;
    fc.assert(
      fc.property(fc.constantFrom(...withValues), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (r, x) => {
        const agency = reportersOf(r).at(-1)!;
        const s = exampleSubmission(r, agency, SAMPLE_PERIOD[r.periodicity]);
        const values = s.values.map((v, i) => (i === 0 ? { ...v, value: x + 0 } : v)); // + 0: CSV has no negative zero
        const parsed = parseSubmissionCsv(r, submissionToCsv(r, values, agencyByCode(agency)!.region), { agency, period: s.period });
        expect(parsed.errors).toEqual([]);
        expect(sortValues(parsed.submission.values)).toEqual(sortValues(values.map(({ indicator, region, value }) => ({ indicator, region: region!, value }))));
      }),
      { numRuns: 200 },
    );
  });
});
