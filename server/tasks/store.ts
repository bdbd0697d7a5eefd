import { taskTiming, vietnamDay } from '../../shared/tasks/status';
import type { Task, TaskCreate, TaskProgress } from '../../shared/tasks/schema';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Store } from '../db/store';

interface TaskRow {
  id: number;
  doc_number: string;
  doc_date: string;
  doc_kind: Task['document']['kind'];
  title_vi: string;
  title_en: string | null;
  agency: string;
  due_date: string;
  progress: number;
  note: string | null;
  completed_on: string | null;
  demo: number;
  version: number;
  updated_at: string;
}


export interface TaskChangeBy {
  actor: AuditActor;
  origin: AuditOrigin;
}

/**
 * The register of tasks assigned by the Government and the Prime Minister (migration 8).
 * Every change is one store write: the row, its audit row and a `task` change in the feed's
 * log, committed together and pushed to the walls right after the commit. The status is
 * computed on read from today and the holiday calendar, never stored, so a task turns
 * overdue by itself (the walls recompute it from the same shared rule).
 */
export class TaskStore {
  private readonly db;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
  ) {
    this.db = store.db;
  }

  today(): string {
    return vietnamDay(this.store.now());
  }

  list(filter: { agency?: string; status?: Task['status'] } = {}): Task[] {
    const rows = (
      filter.agency
        ? this.db.prepare('SELECT * FROM tasks WHERE agency = ? ORDER BY due_date, id').all(filter.agency)
        : this.db.prepare('SELECT * FROM tasks ORDER BY due_date, id').all()
    ) as TaskRow[];
    const today = this.today();
    const tasks = rows.map((row) => toTask(row, today));
    return filter.status ? tasks.filter((t) => t.status === filter.status) : tasks;
  }

  get(id: number): Task | undefined {
    const row = this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row ? toTask(row, this.today()) : undefined;
  }

  create(input: TaskCreate, by: TaskChangeBy): Task {
    const { result: task } = this.store.write((tx) => {
      const at = tx.now;
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO tasks (doc_number, doc_date, doc_kind, title_vi, title_en, agency, due_date, demo, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.document.number, input.document.date, input.document.kind, input.title.vi, input.title.en ?? null, input.agency, input.dueDate, input.demo ? 1 : 0, at, at);
      const created = this.get(Number(lastInsertRowid))!;
      this.audit.record({ ...by, action: 'task.create', objectType: 'task', objectId: String(created.id), diff: { after: input } });
      tx.log({ kind: 'task', task: created });
      return created;
    });
    return task;
  }

  /** The agency's report: progress, a note, the day it was done. Undefined when there is no such task. */
  report(id: number, progress: TaskProgress, by: TaskChangeBy): Task | undefined {
    const { result: task } = this.store.write((tx) => {
      const at = tx.now;
      const before = this.db.prepare('SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
      if (!before) return undefined;
      const completedOn = progress.completedOn === undefined ? before.completed_on : progress.completedOn;
      const note = progress.note === undefined ? before.note : progress.note;
      this.db
        .prepare('UPDATE tasks SET progress = ?, note = ?, completed_on = ?, version = version + 1, updated_at = ? WHERE id = ?')
        .run(progress.progress, note, completedOn, at, id);
      const after = this.get(id)!;
      this.audit.record({
        ...by,
        action: 'task.progress',
        objectType: 'task',
        objectId: String(id),
        diff: { before: { progress: before.progress, note: before.note, completedOn: before.completed_on }, after: { progress: after.progress, note: after.note, completedOn: after.completedOn } },
      });
      tx.log({ kind: 'task', task: after });
      return after;
    });
    return task;
  }
}

function toTask(row: TaskRow, today: string): Task {
  const timing = taskTiming({ dueDate: row.due_date, completedOn: row.completed_on }, today);
  return {
    id: row.id,
    document: { number: row.doc_number, date: row.doc_date, kind: row.doc_kind },
    title: row.title_en ? { vi: row.title_vi, en: row.title_en } : { vi: row.title_vi },
    agency: row.agency,
    dueDate: row.due_date,
    effectiveDue: timing.effectiveDue,
    status: timing.status,
    workingDaysLate: timing.workingDaysLate,
    progress: row.progress,
    note: row.note,
    completedOn: row.completed_on,
    demo: row.demo === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
