import { formatPeriod } from '../../../shared/format/date';
import { formatValue } from '../../../shared/format/number';
import type { ComplianceEntryWire } from '../../../shared/protocol/compliance';
import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';
import { regionName } from '../../../shared/regions';
import type { TickerOptions, TickerThreshold } from '../../../shared/widgets/ticker/definition';
import type { Task } from '../../../shared/tasks/schema';
import { taskTiming, vietnamDay } from '../../../shared/tasks/status';
import { agencyWallName, DAY_MS, daysLate, lateText, overdueText, reportName } from '../common/board-compliance';

/**
 * The alert ticker's items, computed without React: thresholds crossed by the latest
 * figures, and reports that came in late or are missing, newest first. Pure.
 */

export type TickerItemKind = 'threshold' | 'late' | 'missing' | 'task';

export interface TickerItem {
  /** Stable across updates (React key). */
  id: string;
  kind: TickerItemKind;
  /** When it happened (epoch ms): the figure's release, the late report's arrival, the missed deadline. */
  at: number;
  /** The mark before the text: ▲/▼ for a threshold, ! late, ✕ missing. */
  mark: string;
  /** The sentence, in Vietnamese. */
  text: string;
  indicator?: string;
  region?: string;
  regime?: string;
  period?: string;
  agencies?: string[];
}

export interface TickerInput {
  options: TickerOptions;
  indicators: Readonly<Record<string, IndicatorMeta>>;
  /** The latest observation of indicator × region (selectLatest). */
  latest: (indicator: string, region: string) => Observation | undefined;
  compliance: readonly ComplianceEntryWire[];
  /** The task register (selectTasks); its status is judged here on `now`. None: no tasks held. */
  tasks?: readonly Task[];
  now: number;
}

export interface TickerView {
  items: TickerItem[];
  /** Whether any source had data at all (no data vs. nothing to report). */
  hasData: boolean;
}

/**
 * "3,31% so với cùng kỳ", "11.511,9 nghìn tỷ đồng": a value as the reports write it.
 * `bare`: a rate's "%" without the rest of its unit (the threshold after the figure).
 */
export function valueWithUnit(value: number, unit: string, bare = false): string {
  const text = formatValue(value, unit, 'vi');
  if (!unit) return text;
  if (unit.startsWith('%')) return bare ? `${text}%` : `${text}${unit}`;
  return `${text} ${unit}`;
}

export function thresholdItem(rule: TickerThreshold, meta: IndicatorMeta | undefined, latest: Observation | undefined): TickerItem | null {
  if (!latest || typeof latest.value !== 'number' || !Number.isFinite(latest.value)) return null;
  const crossed = rule.when === 'above' ? latest.value > rule.value : latest.value < rule.value;
  if (!crossed) return null;
  const unit = meta?.unit ?? '';
  const name = rule.label?.vi ?? meta?.name.vi ?? rule.indicator;
  const where = rule.region === 'VN' ? '' : ` – ${regionName(rule.region) ?? rule.region}`;
  const verb = rule.when === 'above' ? 'vượt ngưỡng' : 'dưới ngưỡng';
  const at = Date.parse(latest.vintage);
  return {
    id: `threshold|${rule.indicator}|${rule.region}|${rule.when}|${rule.value}`,
    kind: 'threshold',
    at: Number.isFinite(at) ? at : 0,
    mark: rule.when === 'above' ? '▲' : '▼',
    text: `${name}${where} ${formatPeriod(latest.period, 'vi').replace(/^./, (c) => c.toLocaleLowerCase('vi'))}: ${valueWithUnit(latest.value, unit)}, ${verb} ${valueWithUnit(rule.value, unit, true)}`,
    indicator: rule.indicator,
    region: rule.region,
    period: latest.period,
  };
}

/** At most this many agencies are named in one "missing" item; the rest are counted. */
export const MAX_NAMED_AGENCIES = 6;

/** Late reports, one item each; missing ones, one item per regime × period listing who. */
export function reportItems(entries: readonly ComplianceEntryWire[], now: number, withinDays: number): TickerItem[] {
  const since = now - withinDays * DAY_MS;
  const items: TickerItem[] = [];
  const missing = new Map<string, { regime: string; period: string; at: number; agencies: string[] }>();
  for (const e of entries) {
    if (e.status === 'late' && e.receivedAt) {
      const at = Date.parse(e.receivedAt);
      const days = daysLate(e.lateByMs);
      if (!Number.isFinite(at) || at < since || days === null) continue;
      items.push({
        id: `late|${e.regime}|${e.agency}|${e.period}`,
        kind: 'late',
        at,
        mark: '!',
        text: `${agencyWallName(e.agency)} — ${reportName(e.regime, e.period)}: ${lateText(days)}`,
        regime: e.regime,
        period: e.period,
        agencies: [e.agency],
      });
    } else if (e.status === 'missing') {
      const deadline = Date.parse(e.deadline);
      if (!Number.isFinite(deadline)) continue;
      const at = deadline + 1000; // missing from the first second after the deadline day
      if (at < since) continue;
      const key = `${e.regime}|${e.period}`;
      let group = missing.get(key);
      if (!group) missing.set(key, (group = { regime: e.regime, period: e.period, at, agencies: [] }));
      group.agencies.push(e.agency);
    }
  }
  for (const group of missing.values()) {
    const names = group.agencies.map(agencyWallName).sort((a, b) => a.localeCompare(b, 'vi'));
    const shown = names.slice(0, MAX_NAMED_AGENCIES).join(', ');
    const rest = names.length - MAX_NAMED_AGENCIES;
    const who = rest > 0 ? `${shown} và ${rest} đơn vị khác` : shown;
    const days = daysLate(now - (group.at - 1000));
    items.push({
      id: `missing|${group.regime}|${group.period}`,
      kind: 'missing',
      at: group.at,
      mark: '✕',
      text: `${reportName(group.regime, group.period)} chưa gửi${days === null ? '' : ` (${overdueText(days)})`}: ${who}`,
      regime: group.regime,
      period: group.period,
      agencies: [...group.agencies].sort(),
    });
  }
  return items;
}

/**
 * Overdue tasks, one item each: who, how many working days, what, by which document. Dated
 * from the end of the last day of the limit (as a missed report from its deadline day).
 */
export function taskItems(tasks: readonly Task[], now: number): TickerItem[] {
  const today = vietnamDay(now);
  return tasks.flatMap((task) => {
    const timing = taskTiming({ dueDate: task.dueDate, completedOn: task.completedOn }, today);
    if (timing.status !== 'overdue') return [];
    return [
      {
        id: `task|${task.id}`,
        kind: 'task' as const,
        at: Date.parse(`${timing.effectiveDue}T17:00:00Z`), // 24:00 in Hà Nội of the last day
        mark: '!',
        text: `${agencyWallName(task.agency)} — nhiệm vụ quá hạn ${timing.workingDaysLate} ngày làm việc: ${task.title.vi} (${task.document.number})`,
        agencies: [task.agency],
      },
    ];
  });
}

const KIND_ORDER: Record<TickerItemKind, number> = { missing: 0, task: 1, late: 2, threshold: 3 };

export function tickerView(input: TickerInput): TickerView {
  const { options } = input;
  const items: TickerItem[] = [];
  let hasData = false;
  for (const rule of options.thresholds) {
    const latest = input.latest(rule.indicator, rule.region);
    if (latest) hasData = true;
    const item = thresholdItem(rule, input.indicators[rule.indicator], latest);
    if (item) items.push(item);
  }
  if (options.reports && input.compliance.length) {
    hasData = true;
    items.push(...reportItems(input.compliance, input.now, options.reportsWithinDays));
  }
  if (options.tasks && input.tasks?.length) {
    hasData = true;
    items.push(...taskItems(input.tasks, input.now));
  }
  // Newest first; at the same instant the graver kind first.
  items.sort((a, b) => b.at - a.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : 1));
  return { items: items.slice(0, options.maxItems), hasData };
}
