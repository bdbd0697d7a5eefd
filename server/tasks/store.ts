import { taskTiming } from '../../shared/tasks/status';
import type { Task, TaskCreate, TaskProgress } from '../../shared/tasks/schema';
import type { AuditActor, AuditLog, AuditOrigin } from '../audit/log';
import type { Db } from '../db/open';
import type { Clock } from '../db/store';

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

/** Today in Viet Nam (UTC+7, no daylight saving): the day deadlines are judged on. */
export function vietnamDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface TaskChangeBy {
  actor: AuditActor;
  origin: AuditOrigin;
}

/**
 * The register of tasks assigned by the Government and the Prime Minister (migration 8).
 * Every change is written with its audit row in one transaction; the status is computed on
 * read from today and the holiday calendar, never stored, so it turns overdue by itself.
 * Listeners hear every accepted change (the feed will push it to the walls).
 */
export class TaskStore {
  private readonly listeners = new Set<(task: Task) => void>();

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly now: Clock,
  ) {}

  today(): string {
    return vietnamDay(this.now());
  }

  onChange(listener: (task: Task) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    const at = new Date(this.now()).toISOString();
    const task = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO tasks (doc_number, doc_date, doc_kind, title_vi, title_en, agency, due_date, demo, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.document.number, input.document.date, input.document.kind, input.title.vi, input.title.en ?? null, input.agency, input.dueDate, input.demo ? 1 : 0, at, at);
      const created = this.get(Number(lastInsertRowid))!;
      this.audit.record({ ...by, action: 'task.create', objectType: 'task', objectId: String(created.id), diff: { after: input } });
      return created;
    })();
    this.emit(task);
    return task;
  }

  /** The agency's report: progress, a note, the day it was done. Undefined when there is no such task. */
  report(id: number, progress: TaskProgress, by: TaskChangeBy): Task | undefined {
    const at = new Date(this.now()).toISOString();
    const task = this.db.transaction(() => {
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
      return after;
    })();
    if (task) this.emit(task);
    return task;
  }

  private emit(task: Task): void {
    for (const listener of this.listeners) listener(task);
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
