import type { Logger } from '../../shared/log';
import { complianceFor, type ComplianceEntry } from '../../shared/compliance/status';
import { comparePeriods, parsePeriod } from '../../shared/period';
import type { ComplianceEntryWire, RegimeMeta } from '../../shared/protocol/compliance';
import { dataWindow, deadlineOf, periodsBetween, vietnamDate, vietnamInstant } from '../../shared/regimes/calendar';
import type { Regime } from '../../shared/regimes/schema';
import type { ComplianceQuery, ComplianceRow } from '../db/compliance';
import type { Store, WriteContext } from '../db/store';
import type { Receipt } from '../db/submissions';

/**
 * Reporting compliance, kept current in the `compliance` table and pushed to walls.
 *
 * Which regime × agency × period is judged: every period of a regular regime whose data
 * window has begun and whose deadline falls on or after the regime's *tracking start*, for
 * every reporter; plus every key some submission names (ad-hoc regimes have only those).
 * The tracking start of a regime is the earlier of the day the store was created and its
 * earliest submission: a new installation does not call two years of reports "missing"
 * because it was not there to receive them, while a demo backfill (receivedAt backdated by
 * a demo token) makes its history judged.
 *
 * Statuses come from shared/compliance/status.ts (timeliness of the FIRST accepted
 * submission; not-due until the deadline day is over, then missing). They change:
 * - when a submission arrives (in the submission's own transaction: `afterSubmission`);
 * - when time passes: a window opens (a new not-due row) or a deadline passes (not-due →
 *   missing). A timer wakes at the next such instant (or every `tickMs` at the latest, so an
 *   injected clock that jumps is noticed) and reconciles.
 * Each new row and each change of status (or first receipt) is a 'compliance' change in the
 * change log; a later revision only updates the row's `revisions` count.
 */
export interface ComplianceOptions {
  /** The longest the timer sleeps before looking at the clock again. */
  tickMs: number;
  /** How many recent periods per regime a feed snapshot carries. */
  snapshotPeriods: number;
}

export const DEFAULT_COMPLIANCE_OPTIONS: ComplianceOptions = { tickMs: 60_000, snapshotPeriods: 3 };

const CREATED_KEY = 'store.createdAt';

export class ComplianceService {
  private readonly regimes: ReadonlyMap<string, Regime>;
  private timer: NodeJS.Timeout | null = null;
  private nextEventMs = Number.POSITIVE_INFINITY;
  private stopped = false;
  /** store.createdAt (epoch ms): written once, by the first start, so read once. */
  private readonly createdMs: number;

  constructor(
    private readonly store: Store,
    regimes: readonly Regime[],
    private readonly log: Logger,
    private readonly options: ComplianceOptions = DEFAULT_COMPLIANCE_OPTIONS,
  ) {
    this.regimes = new Map(regimes.map((r) => [r.code, r]));
    if (store.getState(CREATED_KEY) === null) store.setState(CREATED_KEY, new Date(store.now()).toISOString());
    this.createdMs = Date.parse(store.getState(CREATED_KEY)!);
  }

  regime(code: string): Regime | undefined {
    return this.regimes.get(code);
  }

  /** The regime's tracking start (epoch ms). */
  sinceMs(regime: string): number {
    const earliest = this.store.submissions.earliestReceived(regime);
    return earliest === null ? this.createdMs : Math.min(this.createdMs, Date.parse(earliest));
  }

  /** Reconciles every regime now, then keeps doing so at every calendar event. */
  start(): void {
    this.reconcileAll();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Brings every regime's rows up to date with the clock; returns the number of changes logged. */
  reconcileAll(): number {
    const nowMs = this.store.now();
    const { changes } = this.store.write((tx) => {
      for (const regime of this.regimes.values()) this.reconcileRegime(tx, regime, nowMs);
    });
    this.nextEventMs = this.nextEvent(nowMs);
    if (changes.length > 0) this.log.info('compliance: statuses changed with the calendar', { changes: changes.length });
    return changes.length;
  }

  /**
   * Inside a submission's transaction, after it was inserted: updates its key (or, when the
   * submission moved the regime's tracking start back, the whole regime). Returns the key's entry.
   * `submitted` is the new submission; its revision is how many its key now has.
   */
  afterSubmission(
    tx: WriteContext,
    regime: Regime,
    submitted: { id: string; agency: string; period: string; receivedAt: string; revision: number },
    sinceBefore: number,
    receivedMs: number,
  ): ComplianceEntryWire | null {
    const nowMs = this.store.now();
    const { agency, period } = submitted;
    if (receivedMs < sinceBefore) {
      this.reconcileRegime(tx, regime, nowMs);
      const row = tx.compliance.get(regime.code, agency, period);
      return row ? toWire(row, nowMs) : null;
    }
    // The first of its key is the one just stored; a later revision may have been backdated
    // before the first (a demo token), so then it is looked up.
    const first = submitted.revision === 1 ? { id: submitted.id, agency, period, receivedAt: submitted.receivedAt } : tx.submissions.firstOfKey(regime.code, agency, period);
    const [entry] = this.judge(regime, [agency], [period], first ? [first] : [], nowMs);
    if (!entry) return null;
    const row = toRow(entry, submitted.revision);
    this.apply(tx, row, nowMs);
    return toWire(row, nowMs);
  }

  /**
   * Reconciles now when a calendar event has passed and the timer has not run yet, so that
   * what is read is never behind the clock.
   */
  catchUp(): void {
    if (this.store.now() >= this.nextEventMs) this.reconcileAll();
  }

  /** Rows matching the query (periods lying wholly within [from, to], days), as wire entries judged at now. */
  query(q: ComplianceQuery & { from?: string; to?: string }): ComplianceEntryWire[] {
    this.catchUp();
    const nowMs = this.store.now();
    return this.store.compliance
      .query(q)
      .filter((r) => {
        if (q.from === undefined && q.to === undefined) return true;
        const p = parsePeriod(r.period);
        return p !== null && (q.from === undefined || p.start >= q.from) && (q.to === undefined || p.end <= q.to);
      })
      .map((r) => toWire(r, nowMs));
  }

  entry(regime: string, agency: string, period: string): ComplianceEntryWire | null {
    this.catchUp();
    return this.storedEntry(regime, agency, period);
  }

  /**
   * The entry as stored, without catching up with the clock: for use inside a transaction,
   * where a catch-up would be a write of its own nested in it (and published before the
   * outer commit).
   */
  storedEntry(regime: string, agency: string, period: string): ComplianceEntryWire | null {
    const row = this.store.compliance.get(regime, agency, period);
    return row ? toWire(row, this.store.now()) : null;
  }

  /** For a feed snapshot: per regime, every agency's entries of its most recent periods. */
  snapshotEntries(): ComplianceEntryWire[] {
    const nowMs = this.store.now();
    const out: ComplianceEntryWire[] = [];
    for (const regime of this.regimes.values()) {
      const rows = this.store.compliance.byRegime(regime.code);
      const periods = [...new Set(rows.map((r) => r.period))].sort(comparePeriods).slice(-this.options.snapshotPeriods);
      const keep = new Set(periods);
      for (const r of rows) if (keep.has(r.period)) out.push(toWire(r, nowMs));
    }
    return out;
  }

  regimeMetas(): RegimeMeta[] {
    return [...this.regimes.values()].map((r) => ({ code: r.code, name: { vi: r.name.vi, en: r.name.en }, periodicity: r.periodicity, owner: r.owner }));
  }

  private reconcileRegime(tx: WriteContext, regime: Regime, nowMs: number): void {
    const since = this.sinceMs(regime.code);
    const receipts = tx.submissions.receipts(regime.code);
    const byKey = new Map<string, Receipt[]>();
    for (const r of receipts) {
      const key = `${r.agency}|${r.period}`;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push(r);
    }
    const expected: ComplianceRow[] = [];
    if (regime.periodicity === 'ad-hoc') {
      for (const [key, list] of byKey) {
        const [agency, period] = key.split('|') as [string, string];
        expected.push(...this.judge(regime, [agency], [period], list, nowMs).map((e) => toRow(e, list.length)));
      }
    } else {
      const periods = this.judgedPeriods(regime, since, nowMs);
      const named = new Set([...byKey.keys()].map((k) => k.split('|')[1]!));
      const all = [...new Set([...periods, ...named])];
      const entries = complianceFor({ regime, periods: all, submissions: firstReceipts(regime.code, receipts), now: nowMs });
      const judged = new Set(periods);
      for (const e of entries) {
        const count = byKey.get(`${e.agency}|${e.period}`)?.length ?? 0;
        // A period before the tracking start is judged only for the agencies that reported it.
        if (judged.has(e.period) || count > 0) expected.push(toRow(e, count));
      }
    }
    const existing = new Map(tx.compliance.byRegime(regime.code).map((r) => [`${r.agency}|${r.period}`, r]));
    for (const row of expected) this.apply(tx, row, nowMs, existing.get(`${row.agency}|${row.period}`) ?? null);
  }

  /** Writes a row if it differs; logs a change when it is new or its status or first receipt changed. */
  private apply(tx: WriteContext, row: ComplianceRow, nowMs: number, before: ComplianceRow | null | undefined = undefined): void {
    const old = before === undefined ? tx.compliance.get(row.regime, row.agency, row.period) : before;
    const statusChanged = !old || old.status !== row.status || old.receivedAt !== row.receivedAt || old.deadline !== row.deadline;
    if (!statusChanged && old.revisions === row.revisions && old.firstSubmissionId === row.firstSubmissionId) return;
    tx.compliance.upsert(row, tx.now);
    if (statusChanged) tx.log({ kind: 'compliance', entry: toWire(row, nowMs) });
  }

  private judge(regime: Regime, agencies: string[], periods: string[], receipts: readonly Receipt[], nowMs: number): ComplianceEntry[] {
    return complianceFor({ regime, agencies, periods, submissions: firstReceipts(regime.code, receipts), now: nowMs });
  }

  /** Regular periods whose window has begun by now and whose deadline is on or after `since`. */
  private judgedPeriods(regime: Regime, since: number, nowMs: number): string[] {
    const today = vietnamDate(nowMs);
    const firstYear = Math.max(Number(regime.effectiveFrom.slice(0, 4)), Number(vietnamDate(since).slice(0, 4)) - 1);
    const lastYear = Number(today.slice(0, 4)) + 1;
    if (firstYear > lastYear) return [];
    return periodsBetween(regime.periodicity, String(firstYear), String(lastYear)).filter((p) => {
      const w = dataWindow(regime, p);
      return w.end >= regime.effectiveFrom && w.start <= today && deadlineOf(regime, p).ms >= since;
    });
  }

  /** The next instant a status can change with time alone: a window opening or a deadline passing. */
  private nextEvent(nowMs: number): number {
    let next = Number.POSITIVE_INFINITY;
    const today = vietnamDate(nowMs);
    const year = Number(today.slice(0, 4));
    for (const regime of this.regimes.values()) {
      if (regime.periodicity === 'ad-hoc') continue;
      for (const p of periodsBetween(regime.periodicity, String(year - 1), String(year + 1))) {
        const w = dataWindow(regime, p);
        if (w.end < regime.effectiveFrom) continue;
        for (const t of [vietnamInstant(w.start), deadlineOf(regime, p).ms + 1000]) if (t > nowMs && t < next) next = t;
      }
    }
    return next;
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.max(10, Math.min(this.options.tickMs, this.nextEventMs - this.store.now()));
    this.timer = setTimeout(() => {
      this.timer = null;
      try {
        if (this.store.now() >= this.nextEventMs) this.reconcileAll();
      } catch (error) {
        this.log.error('compliance: reconciling failed', { err: error });
      }
      this.schedule();
    }, delay);
    this.timer.unref();
  }
}

/** The first receipt of each agency × period, with the number of submissions (for revisions). */
function firstReceipts(regime: string, receipts: readonly Receipt[]): { regime: string; agency: string; period: string; receivedAt: string; id: string }[] {
  const first = new Map<string, Receipt>();
  for (const r of receipts) {
    const key = `${r.agency}|${r.period}`;
    const seen = first.get(key);
    if (!seen || r.receivedAt < seen.receivedAt) first.set(key, r);
  }
  return [...first.values()].map((r) => ({ regime, agency: r.agency, period: r.period, receivedAt: r.receivedAt, id: r.id }));
}

function toRow(e: ComplianceEntry, submissions: number): ComplianceRow {
  return {
    regime: e.regime,
    agency: e.agency,
    period: e.period,
    status: e.status,
    deadline: e.deadline,
    deadlineMs: e.deadlineMs,
    receivedAt: e.receivedAt ?? null,
    lateByMs: e.lateByMs ?? null,
    revisions: Math.max(0, submissions - 1),
    firstSubmissionId: e.submissionId ?? null,
  };
}

export function toWire(r: ComplianceRow, nowMs: number): ComplianceEntryWire {
  return {
    regime: r.regime,
    agency: r.agency,
    period: r.period,
    status: r.status,
    deadline: r.deadline,
    receivedAt: r.receivedAt,
    lateByMs: r.lateByMs,
    overdueByMs: r.status === 'missing' ? Math.max(0, nowMs - r.deadlineMs) : null,
    revisions: r.revisions,
  };
}
