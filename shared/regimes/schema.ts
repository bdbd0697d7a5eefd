import { z } from 'zod';
import { agencyCodeSchema, agencyByCode } from '../agencies';
import { indicatorCodeSchema } from '../protocol/codes';
import { periodicitySchema, type Periodicity } from '../protocol/model';
import { dataWindow, nominalDeadlineDay, periodsBetween } from './calendar';
import { articleNumbers, DECREE_09, DECREE_09_CUTOFF_ARTICLE, DECREE_09_DEADLINE_ARTICLE, documentNumber, SUPERSEDED_LAWS } from './legal';

export { PERIOD_KIND_OF, PERIODICITY_NAMES } from './period-kinds';

/**
 * A reporting regime (chế độ báo cáo) as data: what is reported (the template's fields),
 * by whom, for which periods, over which data window, and by when. Regimes live in JSON
 * files (server/catalog/data/regimes/) checked by this schema; the code that computes
 * windows, deadlines and compliance (./calendar.ts, ../compliance/status.ts) interprets
 * the small declarative rules below and nothing else.
 *
 * Versioned twice: `schemaVersion` is the version of this format (1); `version` counts the
 * revisions of one regime's content (a changed template is a new version).
 */
export const REGIME_SCHEMA_VERSION = 1;

const bilingual = (max = 300) => z.strictObject({ vi: z.string().min(1).max(max), en: z.string().min(1).max(max) });

const isoDate = z.iso.date();

/** Regime codes: upper-case ASCII words joined by dashes, e.g. BCA-TNGT-THANG. */
export const regimeCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,5}$/, 'regime code: upper-case letters and digits in dash-separated words')
  .max(40);

/** A day of the year, MM-DD; 29 February is refused (not every year has one). */
const monthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a day of the year, MM-DD')
  .refine((md) => {
    const [m, d] = md.split('-').map(Number) as [number, number];
    return d <= new Date(Date.UTC(2027, m, 0)).getUTCDate();
  }, 'no such day in a common year (29 February is not every year)');

/**
 * Where a cut-off rule comes from: Decree 09/2019/NĐ-CP, art. 12 (the default), or the
 * practice of the reporting agencies where the decree sets none (the 9-month window
 * 15/12 → 14/9 is not in the decree). A local practice says what it is in `note`.
 */
export const windowBasisSchema = z.enum(['decree-09', 'local-practice']);
export type WindowBasis = z.infer<typeof windowBasisSchema>;

/**
 * The data window (thời gian chốt số liệu) of a period.
 *
 * - `calendar`: the period's own calendar dates (statistical reports: the month, the
 *   quarter, 1 January–30 June, …; for an ad-hoc report, the explicit window it names).
 * - `cutoff`: from day `day` of the month before the period's first month to day `day − 1`
 *   of the period's last month. Decree 09/2019/NĐ-CP, art. 12 sets it with day 15 for
 *   monthly (15/(m−1) → 14/m), quarterly (the 15th of the month before the quarter → the
 *   14th of its last month), 6-month (15/12 of the previous year → 14/6; 15/6 → 14/12) and
 *   yearly (15/12 of the previous year → 14/12) reports. Any other use — the 9-month
 *   window 15/12 → 14/9, another day — is `basis: "local-practice"` with a `note`.
 * - `part-of-year` (yearly regimes): the same month-days of each year, `start` → `end`
 *   (an examination session: 06-01 → 07-31).
 */
export const windowRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendar') }),
  z.strictObject({
    kind: z.literal('cutoff'),
    day: z.int().min(2).max(28),
    basis: windowBasisSchema.optional(),
    note: bilingual(500).optional(),
  }),
  z.strictObject({ kind: z.literal('part-of-year'), start: monthDaySchema, end: monthDaySchema, note: bilingual(500).optional() }),
]);
export type WindowRule = z.infer<typeof windowRuleSchema>;

/** The periodicities for which Decree 09/2019/NĐ-CP, art. 12, sets a cut-off (the 15th). */
const DECREE_09_CUTOFF_PERIODICITIES: ReadonlySet<Periodicity> = new Set(['month', 'quarter', 'half-year', 'year']);
const DECREE_09_CUTOFF_DAY = 15;

/**
 * The deadline (hạn gửi báo cáo): a calendar day, ending at 23:59:59 in Asia/Ho_Chi_Minh;
 * a day that is not a working day moves to the next working day (./working-days.ts).
 *
 * - `day-of-month`: day `day` of the month `monthOffset` months after the period's last
 *   month: `{day: 20, monthOffset: 0}` is "the 20th of the period's last month",
 *   `{day: 6, monthOffset: 1}` "the 6th of the next month". A day past the month's end
 *   (31 in April) is that month's last day.
 * - `days-after-window`: N days after the data window closes (N ≥ 1).
 *
 * Decree 09/2019/NĐ-CP, art. 8, wants at least one working day between the cut-off and the
 * deadline: a deadline on or before the window's last day is refused, for every period.
 */
export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('day-of-month'), day: z.int().min(1).max(31), monthOffset: z.int().min(0).max(12) }),
  z.strictObject({ kind: z.literal('days-after-window'), days: z.int().min(0).max(366) }),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/**
 * The year the regime's cumulative figures run over ("from the start of the year"):
 * `starts` 01-01 is the calendar year (the budget year, State Budget Law); 10-01 the civil
 * judgment enforcement year, 1 October to 30 September.
 */
export const reportingYearSchema = z.strictObject({ starts: monthDaySchema, note: bilingual(500).optional() });
export type ReportingYear = z.infer<typeof reportingYearSchema>;

/** Who reports: every province (its People's Committee), or a list of agency codes. */
export const reportersSchema = z.union([z.literal('all-provinces'), z.array(agencyCodeSchema).min(1).max(100)], {
  error: 'reporters: "all-provinces" or a list of agency codes',
});
export type Reporters = z.infer<typeof reportersSchema>;

export const fieldTypeSchema = z.enum(['number', 'integer', 'percent']);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/**
 * One field of a regime's template: an indicator, in one unit, of one type, within an
 * allowed range (inclusive; absent bound: unbounded), required or optional.
 *
 * `byProvince`: the value is expected for every province (34 values, each with its region
 * code); otherwise one value, for the reporting agency's own region ("VN" for a ministry,
 * its own province for a province).
 */
export const templateFieldSchema = z
  .strictObject({
    indicator: indicatorCodeSchema,
    unit: z.string().min(1).max(60),
    type: fieldTypeSchema,
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    required: z.boolean(),
    byProvince: z.boolean(),
  })
  .superRefine((field, ctx) => {
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${field.max}) is below min (${field.min})` });
    }
    const percentUnit = field.unit.startsWith('%');
    if (field.type === 'percent' && !percentUnit) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: 'a percent field has a unit starting with "%"' });
    }
    if (field.type !== 'percent' && percentUnit) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `unit "${field.unit}" is a percentage: type must be "percent"` });
    }
    if (field.type === 'integer') {
      for (const bound of ['min', 'max'] as const) {
        const v = field[bound];
        if (v !== undefined && !Number.isInteger(v)) ctx.addIssue({ code: 'custom', path: [bound], message: 'an integer field has integer bounds' });
      }
    }
  });
export type TemplateField = z.infer<typeof templateFieldSchema>;

export const legalBasisSchema = z.strictObject({
  /** Type, name and number of the document, e.g. "Nghị định 09/2019/NĐ-CP", "Luật Đầu tư công 58/2024/QH15". */
  document: z.string().min(1).max(120),
  title: bilingual(300).optional(),
  /** Articles or clauses, e.g. "Điều 12, Điều 13". */
  article: z.string().min(1).max(160).optional(),
  /** The first and last days it applies to the regime, when it does not apply throughout (a replaced law). */
  validFrom: isoDate.optional(),
  validUntil: isoDate.optional(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

const regimeObjectSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(REGIME_SCHEMA_VERSION),
  code: regimeCodeSchema,
  version: z.int().min(1),
  name: bilingual(300),
  /** administrative: Decree 09/2019/NĐ-CP regimes; statistical: the Law on Statistics. */
  kind: z.enum(['administrative', 'statistical']),
  legalBasis: z.array(legalBasisSchema).min(1).max(10),
  /** The agency that receives and compiles the reports. */
  owner: agencyCodeSchema,
  periodicity: periodicitySchema,
  window: windowRuleSchema,
  deadline: deadlineRuleSchema,
  /** For cumulative figures: the day their year starts. */
  reportingYear: reportingYearSchema.optional(),
  reporters: reportersSchema,
  /** First day the regime applies: periods whose data window ends before it are not due. */
  effectiveFrom: isoDate,
  fields: z.array(templateFieldSchema).min(1).max(200),
  note: bilingual(1000).optional(),
});

export const regimeSchema = regimeObjectSchema.superRefine((regime, ctx) => {
  for (const issue of regimeIssues(regime)) ctx.addIssue({ code: 'custom', ...issue });
});
export type Regime = z.infer<typeof regimeSchema>;

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Rules across a regime's fields (zod runs them once every field is well-typed). */
function regimeIssues(regime: z.infer<typeof regimeObjectSchema>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  regime.fields.forEach((f, i) => {
    if (seen.has(f.indicator)) issues.push({ path: ['fields', i, 'indicator'], message: `indicator ${f.indicator} appears twice in the template` });
    seen.add(f.indicator);
  });
  const windows =
    regime.periodicity === 'ad-hoc' && regime.window.kind !== 'calendar'
      ? [{ path: ['window'], message: 'an ad-hoc regime reports over the window each request names: window must be "calendar"' }]
      : windowIssues(regime);
  issues.push(...windows);
  // The deadline is judged against a window that fits the periodicity, or not at all.
  const windowFits = regime.periodicity === 'ad-hoc' ? regime.window.kind === 'calendar' : regime.window.kind !== 'part-of-year' || regime.periodicity === 'year';
  if (windowFits) issues.push(...deadlineIssues(regime));
  issues.push(...legalBasisIssues(regime));
  if (Array.isArray(regime.reporters)) {
    const kinds = new Set(regime.reporters.map((code) => (agencyByCode(code)?.kind === 'province' ? 'province' : 'central')));
    if (kinds.size > 1) issues.push({ path: ['reporters'], message: 'reporters are either provinces or central agencies, not both (make two regimes)' });
    const dup = regime.reporters.find((code, i) => regime.reporters.indexOf(code) !== i);
    if (dup) issues.push({ path: ['reporters'], message: `agency ${dup} is listed twice` });
  }
  return issues;
}

type RegimeObject = z.infer<typeof regimeObjectSchema>;

/** Cut-off windows: Decree 09's rule where it has one, a marked local practice otherwise. */
function windowIssues(regime: RegimeObject): Issue[] {
  const w = regime.window;
  if (w.kind === 'part-of-year') {
    const issues: Issue[] = [];
    if (regime.periodicity !== 'year') issues.push({ path: ['window'], message: 'a "part-of-year" window is for yearly regimes' });
    if (w.start > w.end) issues.push({ path: ['window', 'end'], message: `the window ends (${w.end}) before it starts (${w.start}): it lies within one year` });
    return issues;
  }
  if (w.kind !== 'cutoff') return [];
  const basis = w.basis ?? 'decree-09';
  if (basis === 'local-practice') {
    return w.note ? [] : [{ path: ['window', 'note'], message: 'a local-practice window says in "note" whose practice it is and what it covers' }];
  }
  if (!DECREE_09_CUTOFF_PERIODICITIES.has(regime.periodicity)) {
    return [{ path: ['window', 'basis'], message: `Decree 09/2019/NĐ-CP, art. 12, sets no cut-off for ${regime.periodicity} reports: mark the window "basis": "local-practice" with a note` }];
  }
  if (w.day !== DECREE_09_CUTOFF_DAY) {
    return [{ path: ['window', 'day'], message: `Decree 09/2019/NĐ-CP, art. 12, cuts off on the 15th (not the ${w.day}th): a different day is "basis": "local-practice" with a note` }];
  }
  return [];
}

/** Sample years for the per-period checks: a common year and a leap year. */
const SAMPLE_YEARS = ['2027', '2028'];

/**
 * Decree 09/2019/NĐ-CP, art. 8: at least one working day between the cut-off and the
 * deadline, so the deadline's day (before any move off a holiday, which only moves it
 * later) must come after the window's last day — checked on every period of two years,
 * so each kind of period (H1 and H2, each quarter, February of a leap year) is covered.
 */
function deadlineIssues(regime: RegimeObject): Issue[] {
  if (regime.periodicity === 'ad-hoc') {
    if (regime.deadline.kind !== 'days-after-window') return [{ path: ['deadline'], message: 'an ad-hoc regime has a deadline counted in days after its window' }];
    return regime.deadline.days >= 1 ? [] : [{ path: ['deadline', 'days'], message: ARTICLE_8 }];
  }
  for (const year of SAMPLE_YEARS) {
    for (const period of periodsBetween(regime.periodicity, year, year)) {
      const closes = dataWindow(regime, period).end;
      const due = nominalDeadlineDay(regime, period);
      if (due <= closes) {
        return [{ path: ['deadline'], message: `the deadline of ${period} (${due}) is not after its data cut-off (${closes}): ${ARTICLE_8}` }];
      }
    }
  }
  return [];
}

const ARTICLE_8 = 'Decree 09/2019/NĐ-CP, art. 8, wants at least one working day between the cut-off and the deadline';

/** Citations with numbers; replaced laws bounded and followed by their successor; Decree 09's articles right. */
function legalBasisIssues(regime: RegimeObject): Issue[] {
  const issues: Issue[] = [];
  const numbers = regime.legalBasis.map((b) => documentNumber(b.document));
  regime.legalBasis.forEach((basis, i) => {
    const at = ['legalBasis', i];
    const number = numbers[i];
    if (!number) {
      issues.push({ path: [...at, 'document'], message: `cite "${basis.document}" with its number (e.g. "Luật Đầu tư công 58/2024/QH15")` });
      return;
    }
    if (basis.validFrom && basis.validUntil && basis.validFrom > basis.validUntil) {
      issues.push({ path: [...at, 'validUntil'], message: `validUntil (${basis.validUntil}) is before validFrom (${basis.validFrom})` });
    }
    const replaced = SUPERSEDED_LAWS.find((s) => s.number === number);
    if (replaced) {
      if (!basis.validUntil || basis.validUntil >= replaced.from) {
        issues.push({ path: [...at, 'validUntil'], message: `${replaced.name} ${replaced.number} is replaced by ${replaced.replacedBy} from ${replaced.from}: it applies until the day before` });
      }
      const successor = regime.legalBasis.find((b, j) => numbers[j] === replaced.replacedBy);
      if (!successor) issues.push({ path: [...at, 'document'], message: `${replaced.name} ${replaced.number} is replaced by ${replaced.replacedBy} from ${replaced.from}: cite ${replaced.replacedBy} too` });
      else if (!successor.validFrom || successor.validFrom > replaced.from) {
        issues.push({ path: ['legalBasis', regime.legalBasis.indexOf(successor), 'validFrom'], message: `${replaced.replacedBy} applies from ${replaced.from}` });
      }
    }
    if (number === DECREE_09 && basis.article) {
      const articles = articleNumbers(basis.article);
      const decree09Cutoff = regime.window.kind === 'cutoff' && (regime.window.basis ?? 'decree-09') === 'decree-09';
      if (decree09Cutoff && !articles.includes(DECREE_09_CUTOFF_ARTICLE)) {
        issues.push({ path: [...at, 'article'], message: `the cut-off of this regime is Decree 09's, art. ${DECREE_09_CUTOFF_ARTICLE}: cite it` });
      }
      if (articles.includes(DECREE_09_CUTOFF_ARTICLE) && !articles.includes(DECREE_09_DEADLINE_ARTICLE)) {
        issues.push({
          path: [...at, 'article'],
          message: `art. ${DECREE_09_CUTOFF_ARTICLE} is the data cut-off; the deadline rule is art. ${DECREE_09_DEADLINE_ARTICLE}: cite "Điều ${DECREE_09_CUTOFF_ARTICLE}, Điều ${DECREE_09_DEADLINE_ARTICLE}"`,
        });
      }
    }
  });
  return issues;
}
