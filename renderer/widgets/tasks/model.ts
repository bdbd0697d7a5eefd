import type { Task } from '../../../shared/tasks/schema';
import { taskTiming, vietnamDay, type TaskStatus } from '../../../shared/tasks/status';
import { agencyWallName } from '../common/board-compliance';

/**
 * The board of overdue tasks, without React: every task's status judged on `now` with the
 * shared rule (so a task turns overdue at midnight without a change from the server), then
 * one row per agency with overdue tasks, most first. Pure.
 */
export interface TasksRow {
  agency: string;
  name: string;
  overdue: number;
  /** The longest overdue of its tasks, in working days. */
  longest: number;
  /** The assigning document of that task. */
  document: string;
}

export interface TasksView {
  counts: Record<TaskStatus, number>;
  rows: TasksRow[];
  /** Agencies with overdue tasks beyond the rows shown. */
  more: number;
  demo: boolean;
}

export function tasksView(tasks: readonly Task[], now: number, maxRows: number): TasksView | null {
  if (tasks.length === 0) return null;
  const today = vietnamDay(now);
  const counts: Record<TaskStatus, number> = { overdue: 0, 'in-progress': 0, 'done-late': 0, 'done-on-time': 0 };
  const byAgency = new Map<string, TasksRow>();
  for (const task of tasks) {
    const timing = taskTiming({ dueDate: task.dueDate, completedOn: task.completedOn }, today);
    counts[timing.status]++;
    if (timing.status !== 'overdue') continue;
    const row = byAgency.get(task.agency) ?? { agency: task.agency, name: agencyWallName(task.agency), overdue: 0, longest: 0, document: task.document.number };
    row.overdue++;
    if (timing.workingDaysLate > row.longest) {
      row.longest = timing.workingDaysLate;
      row.document = task.document.number;
    }
    byAgency.set(task.agency, row);
  }
  const rows = [...byAgency.values()].sort((a, b) => b.overdue - a.overdue || b.longest - a.longest || a.name.localeCompare(b.name, 'vi'));
  return { counts, rows: rows.slice(0, maxRows), more: Math.max(0, rows.length - maxRows), demo: tasks.some((t) => t.demo) };
}
