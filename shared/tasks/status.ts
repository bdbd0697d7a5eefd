import { addDays } from '../regimes/days';
import { isWorkingDay, workingDayOnOrAfter, type NonWorkingDay } from '../regimes/working-days';

/**
 * The status of a task assigned by the Government or the Prime Minister (nhiệm vụ Chính
 * phủ, Thủ tướng Chính phủ giao), from its due date, the day it was reported done and
 * today — all Viet Nam calendar days (YYYY-MM-DD). Pure, so the server that stores tasks,
 * the feed that pushes them and the widget that draws them agree on every day.
 *
 * The due date is the assigning document's; when it falls on a weekend or a public holiday
 * the time limit ends with the next working day (Civil Code 91/2015/QH13, art. 148(4)),
 * from the holiday calendar of shared/regimes. A task done on or before that day is done
 * on time; done after it, done late; not done by the end of it, overdue.
 */
export type TaskStatus = 'done-on-time' | 'done-late' | 'in-progress' | 'overdue';

export const TASK_STATUSES: readonly TaskStatus[] = ['overdue', 'in-progress', 'done-late', 'done-on-time'];

export interface TaskDates {
  /** The due date the assigning document sets. */
  dueDate: string;
  /** The day the agency in charge reported it done; null while it is not. */
  completedOn: string | null;
}

export interface TaskTiming {
  status: TaskStatus;
  /** The last day of the time limit: the due date, or the first working day after it. */
  effectiveDue: string;
  /** The days off the limit was moved over (empty when the due date is a working day). */
  movedOver: NonWorkingDay[];
  /** Working days past the limit: to today while overdue, to the day it was done when done late; else 0. */
  workingDaysLate: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

export function taskTiming(task: TaskDates, today: string): TaskTiming {
  for (const [name, value] of [['dueDate', task.dueDate], ['today', today], ['completedOn', task.completedOn ?? '0000-01-01']] as const) {
    if (!DAY.test(value)) throw new RangeError(`task status: ${name} must be a day YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  const { date: effectiveDue, skipped } = workingDayOnOrAfter(task.dueDate);
  const done = task.completedOn;
  if (done !== null) {
    const late = done > effectiveDue;
    return { status: late ? 'done-late' : 'done-on-time', effectiveDue, movedOver: skipped, workingDaysLate: late ? Math.max(1, workingDaysAfter(effectiveDue, done)) : 0 };
  }
  const overdue = today > effectiveDue;
  return { status: overdue ? 'overdue' : 'in-progress', effectiveDue, movedOver: skipped, workingDaysLate: overdue ? Math.max(1, workingDaysAfter(effectiveDue, today)) : 0 };
}

/** Today in Viet Nam (UTC+7, no daylight saving), the day deadlines are judged on, for an instant in epoch ms. */
export function vietnamDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}
