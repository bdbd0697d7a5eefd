import { canonicalAgencyCode } from '../agencies';
import { comparePeriods } from '../period';
import { dataWindow, deadlineOf, formatVietnamTime, isOnTime, isPastDeadline, periodFitsPeriodicity, periodsBetween, toInstant, vietnamDate } from '../regimes/calendar';
import { reportersOf } from '../regimes/reporters';
import type { Regime } from '../regimes/schema';
import type { Bilingual } from '../i18n';
import { complianceStatusNames } from '../i18n/terms';

/**
 * Compliance (tình hình chấp hành chế độ báo cáo): for every regime × agency × period, was
 * the report on time, late (by how long), missing after the deadline, or not yet due?
 *
 * - Timeliness is judged on the FIRST accepted submission: a later one is a revision
 *   (counted in `revisions`), and never makes an on-time report late nor a late one on
 *   time. Rejected submissions count for nothing: they were stored nowhere.
 * - Everything is "as of `now`": submissions received after `now` are ignored, so the same
 *   function answers "what did the wall show last Monday".
 * - A report is on time when received before the end of the deadline day (23:59:59+07:00
 *   inclusive); lateness is counted from 23:59:59 (see ../regimes/calendar.ts). Received
 *   before the data window closed (an early estimate) is on time.
 * - No accepted report: 'not-due' while the deadline day lasts, 'missing' after it.
 *
 * Pure: no clock, no storage; the caller passes the submissions' received times.
 */
export type ComplianceStatus = 'on-time' | 'late' | 'missing' | 'not-due';

export const COMPLIANCE_STATUS_NAMES: Readonly<Record<ComplianceStatus, Bilingual>> = complianceStatusNames;

/** A submission as the store knows it: who, what period, when it arrived, whether it was accepted. */
export interface ReceivedSubmission {
  regime: string;
  agency: string;
  period: string;
  /** Epoch ms, a Date, or ISO 8601 with an offset. */
  receivedAt: number | string | Date;
  /** Absent means accepted. */
  accepted?: boolean;
  id?: string;
}

export interface ComplianceEntry {
  regime: string;
  agency: string;
  period: string;
  status: ComplianceStatus;
  /** The deadline instant, 23:59:59+07:00 of the deadline day. */
  deadline: string;
  deadlineMs: number;
  /** When the first accepted submission arrived (on-time and late only). */
  receivedAt?: string;
  /** Late only: received minus the deadline instant, in milliseconds. */
  lateByMs?: number;
  /** Missing only: now minus the deadline instant, in milliseconds. */
  overdueByMs?: number;
  /** Accepted submissions after the first (revisions), up to `now`. */
  revisions: number;
  /** The id of the first accepted submission, when the caller gave ids. */
  submissionId?: string;
}

export interface ComplianceInput {
  regime: Pick<Regime, 'code' | 'periodicity' | 'window' | 'deadline' | 'reporters'>;
  /** The agencies that must report; default: the regime's reporters. */
  agencies?: readonly string[];
  /** The periods to judge (e.g. from `duePeriods` or `periodsBetween`). */
  periods: readonly string[];
  /** Submissions of any regime, agency and period: those of others are ignored. */
  submissions: readonly ReceivedSubmission[];
  now: number | string | Date;
}

/** One entry per agency × period, agencies in the given order, periods in calendar order. */
export function complianceFor(input: ComplianceInput): ComplianceEntry[] {
  const nowMs = toInstant(input.now);
  const { regime } = input;
  const agencies = input.agencies ?? reportersOf(regime);
  const periods = [...new Set(input.periods)].sort(comparePeriods);

  // agency|period → accepted receipts up to now, oldest first
  const receipts = new Map<string, { ms: number; id?: string }[]>();
  for (const s of input.submissions) {
    if (s.regime !== regime.code || s.accepted === false) continue;
    const ms = toInstant(s.receivedAt);
    if (ms > nowMs) continue;
    const key = `${canonicalAgencyCode(s.agency) ?? s.agency}|${s.period}`;
    if (!receipts.has(key)) receipts.set(key, []);
    receipts.get(key)!.push({ ms, ...(s.id === undefined ? {} : { id: s.id }) });
  }
  for (const list of receipts.values()) list.sort((a, b) => a.ms - b.ms);

  const entries: ComplianceEntry[] = [];
  for (const period of periods) {
    const deadline = deadlineOf(regime, period);
    for (const agency of agencies) {
      const list = receipts.get(`${agency}|${period}`) ?? [];
      const base = { regime: regime.code, agency, period, deadline: deadline.at, deadlineMs: deadline.ms, revisions: Math.max(0, list.length - 1) };
      const first = list[0];
      if (first) {
        const receivedAt = formatVietnamTime(first.ms);
        const id = first.id === undefined ? {} : { submissionId: first.id };
        entries.push(
          isOnTime(deadline, first.ms)
            ? { ...base, status: 'on-time', receivedAt, ...id }
            : { ...base, status: 'late', receivedAt, lateByMs: first.ms - deadline.ms, ...id },
        );
      } else if (isPastDeadline(deadline, nowMs)) {
        entries.push({ ...base, status: 'missing', overdueByMs: nowMs - deadline.ms });
      } else {
        entries.push({ ...base, status: 'not-due' });
      }
    }
  }
  return entries;
}

export interface ComplianceReportInput {
  regimes: readonly Pick<Regime, 'code' | 'periodicity' | 'window' | 'deadline' | 'reporters' | 'effectiveFrom'>[];
  submissions: readonly ReceivedSubmission[];
  now: number | string | Date;
  /** The first period or day to judge; periods wholly inside [from, to] are judged. */
  from: string;
  /** The last period or day; default: today in Viet Nam. */
  to?: string;
}

/**
 * Compliance across regimes, for the periods between `from` and `to` (never before a
 * regime's effectiveFrom; periods whose window has not begun by `now` are left out).
 * Ad-hoc regimes have no calendar and the requests that open them are not modelled
 * here: for them, only the agency × period pairs that some submission names are judged.
 */
export function complianceReport(input: ComplianceReportInput): ComplianceEntry[] {
  const nowMs = toInstant(input.now);
  const today = vietnamDate(nowMs);
  const to = input.to ?? today;
  return input.regimes.flatMap((regime) => {
    if (regime.periodicity === 'ad-hoc') {
      const named = input.submissions.filter((s) => s.regime === regime.code && s.accepted !== false && periodFitsPeriodicity('ad-hoc', s.period) && toInstant(s.receivedAt) <= nowMs);
      const pairs = [...new Set(named.map((s) => `${canonicalAgencyCode(s.agency) ?? s.agency}|${s.period}`))].map((k) => k.split('|') as [string, string]);
      return pairs.flatMap(([agency, period]) => complianceFor({ regime, agencies: [agency], periods: [period], submissions: named, now: nowMs }));
    }
    const periods = periodsBetween(regime, input.from, to).filter((p) => {
      const w = dataWindow(regime, p);
      return w.end >= regime.effectiveFrom && w.start <= today;
    });
    return complianceFor({ regime, periods, submissions: input.submissions, now: nowMs });
  });
}

export interface ComplianceFilter {
  regime?: string | readonly string[];
  agency?: string | readonly string[];
  period?: string | readonly string[];
  status?: ComplianceStatus | readonly ComplianceStatus[];
}

const matches = (value: string, wanted: string | readonly string[] | undefined) =>
  wanted === undefined || (typeof wanted === 'string' ? value === wanted : wanted.includes(value));

/** The entries that match every given criterion (each a value or a list of values). */
export function queryCompliance(entries: readonly ComplianceEntry[], filter: ComplianceFilter = {}): ComplianceEntry[] {
  return entries.filter(
    (e) => matches(e.regime, filter.regime) && matches(e.agency, filter.agency) && matches(e.period, filter.period) && matches(e.status, filter.status),
  );
}

export interface ComplianceSummary {
  key: string;
  counts: Record<ComplianceStatus, number>;
  /** Reports due (on-time + late + missing). */
  due: number;
  /** on-time / due, 0…1; null when nothing is due yet. */
  onTimeRate: number | null;
  /** The largest lateness among late reports, in milliseconds (0 when none). */
  maxLateByMs: number;
}

/** Counts per regime, agency or period: the table a compliance tile shows. Keys in first-seen order. */
export function summarizeCompliance(entries: readonly ComplianceEntry[], by: 'regime' | 'agency' | 'period'): ComplianceSummary[] {
  const groups = new Map<string, ComplianceSummary>();
  for (const e of entries) {
    const key = e[by];
    let g = groups.get(key);
    if (!g) {
      g = { key, counts: { 'on-time': 0, late: 0, missing: 0, 'not-due': 0 }, due: 0, onTimeRate: null, maxLateByMs: 0 };
      groups.set(key, g);
    }
    g.counts[e.status]++;
    if (e.status === 'late') g.maxLateByMs = Math.max(g.maxLateByMs, e.lateByMs ?? 0);
  }
  for (const g of groups.values()) {
    g.due = g.counts['on-time'] + g.counts.late + g.counts.missing;
    g.onTimeRate = g.due === 0 ? null : g.counts['on-time'] / g.due;
  }
  return [...groups.values()];
}
