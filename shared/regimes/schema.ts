import { z } from 'zod';
import { agencyCodeSchema, agencyByCode } from '../agencies';
import { indicatorCodeSchema } from '../protocol/codes';
import { periodicitySchema, type Periodicity } from '../protocol/model';
import type { Bilingual } from '../i18n';
import { periodicityNames } from '../i18n/terms';

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

/**
 * The data window (thời gian chốt số liệu) of a period.
 *
 * - `calendar`: the period's own calendar dates (statistical reports: the month, the
 *   quarter, 1 January–30 June, …; for an ad-hoc report, the explicit window it names).
 * - `cutoff`: Decree 09/2019/NĐ-CP, art. 12: from day `day` of the month before the
 *   period's first month to day `day − 1` of the period's last month. With day 15:
 *   monthly 15/(m−1) → 14/m; quarterly 15th of the month before the quarter → 14th of
 *   its last month; 6 months 15/12 of the previous year → 14/6; 9 months 15/12 → 14/9;
 *   yearly 15/12 of the previous year → 14/12.
 */
export const windowRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('calendar') }),
  z.strictObject({ kind: z.literal('cutoff'), day: z.int().min(2).max(28) }),
]);
export type WindowRule = z.infer<typeof windowRuleSchema>;

/**
 * The deadline (hạn gửi báo cáo): a calendar day, ending at 23:59:59 in Asia/Ho_Chi_Minh.
 *
 * - `day-of-month`: day `day` of the month `monthOffset` months after the period's last
 *   month: `{day: 20, monthOffset: 0}` is "the 20th of the period's last month",
 *   `{day: 6, monthOffset: 1}` "the 6th of the next month". A day past the month's end
 *   (31 in April) is that month's last day.
 * - `days-after-window`: N days after the data window closes (N = 0: the closing day).
 */
export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('day-of-month'), day: z.int().min(1).max(31), monthOffset: z.int().min(0).max(12) }),
  z.strictObject({ kind: z.literal('days-after-window'), days: z.int().min(0).max(366) }),
]);
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

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
  /** Number and type of the document, e.g. "Nghị định 09/2019/NĐ-CP". */
  document: z.string().min(1).max(120),
  title: bilingual(300).optional(),
  /** Article or clause, e.g. "Điều 12". */
  article: z.string().min(1).max(80).optional(),
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
  if (regime.periodicity === 'ad-hoc' && regime.window.kind !== 'calendar') {
    issues.push({ path: ['window'], message: 'an ad-hoc regime reports over the window each request names: window must be "calendar"' });
  }
  if (regime.deadline.kind === 'day-of-month' && regime.deadline.monthOffset === 0) {
    // The deadline falls in the period's last month: it must not come before the window closes.
    const closes = regime.window.kind === 'cutoff' ? regime.window.day - 1 : null;
    if (closes === null || regime.deadline.day < closes) {
      issues.push({
        path: ['deadline'],
        message: closes === null ? 'a deadline inside the period\'s last month needs a "cutoff" window (a calendar period ends on the month\'s last day)' : `the deadline (day ${regime.deadline.day}) comes before the data window closes (day ${closes})`,
      });
    }
  }
  if (regime.periodicity === 'ad-hoc' && regime.deadline.kind !== 'days-after-window') {
    issues.push({ path: ['deadline'], message: 'an ad-hoc regime has a deadline counted in days after its window' });
  }
  if (Array.isArray(regime.reporters)) {
    const kinds = new Set(regime.reporters.map((code) => (agencyByCode(code)?.kind === 'province' ? 'province' : 'central')));
    if (kinds.size > 1) issues.push({ path: ['reporters'], message: 'reporters are either provinces or central agencies, not both (make two regimes)' });
    const dup = regime.reporters.find((code, i) => regime.reporters.indexOf(code) !== i);
    if (dup) issues.push({ path: ['reporters'], message: `agency ${dup} is listed twice` });
  }
  return issues;
}

/** The period kind (shared/period.ts) of each periodicity; an ad-hoc report names an explicit window. */
export const PERIOD_KIND_OF: Readonly<Record<Periodicity, 'month' | 'quarter' | 'half-year' | 'nine-months' | 'year' | 'window'>> = {
  month: 'month',
  quarter: 'quarter',
  'half-year': 'half-year',
  'nine-months': 'nine-months',
  year: 'year',
  'ad-hoc': 'window',
};

export const PERIODICITY_NAMES: Readonly<Record<Periodicity, Bilingual>> = periodicityNames;
