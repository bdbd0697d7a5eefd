import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../shared/tasks/schema';
import { startHarness, type Harness } from '../helpers/server-harness';

/**
 * The task register against a real server and a real SQLite file: operators register,
 * agencies report on their own tasks only, every change audited, the status judged on
 * the server's clock with the holiday calendar. The clock is the harness's `now`, moved
 * by the test, so "today" is a chosen day and nothing waits.
 */
let h: Harness;
let clock = Date.parse('2026-03-09T02:00:00Z'); // Monday 9 March 2026, 09:00 in Hà Nội
let hanoi: string;
let haiphong: string;

const task = {
  document: { number: '01/NQ-CP', date: '2026-01-08', kind: 'nghi-quyet' },
  title: { vi: 'Trình đề án phát triển kinh tế số của thành phố', en: "Submit the city's digital-economy scheme" },
  agency: 'P01',
  dueDate: '2026-03-07', // a Saturday: the limit ends on Monday 9 March
};

beforeAll(async () => {
  h = await startHarness({ now: () => clock });
  const token = async (agency: string) => (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'submitter', agency, label: agency } })).body.token;
  hanoi = await token('P01');
  haiphong = await token('P31');
});
afterAll(() => h.cleanup());

describe('tasks assigned by the Government and the Prime Minister', () => {
  let id: number;

  it('an operator registers a task; its limit moves past the weekend and it is in progress on the Monday', async () => {
    const created = await h.api<Task>('POST', '/api/v1/tasks', { body: task });
    expect(created.status, created.text).toBe(201);
    id = created.body.id;
    expect(created.body).toMatchObject({ agency: 'P01', dueDate: '2026-03-07', effectiveDue: '2026-03-09', status: 'in-progress', progress: 0, demo: false, version: 1 });
  });

  it('turns overdue the next day by itself, counted in working days', async () => {
    clock = Date.parse('2026-03-10T02:00:00Z');
    const list = await h.api<{ tasks: Task[]; today: string }>('GET', '/api/v1/tasks?status=overdue');
    expect(list.body.today).toBe('2026-03-10');
    expect(list.body.tasks.map((t) => [t.id, t.status, t.workingDaysLate])).toEqual([[id, 'overdue', 1]]);
  });

  it('the agency in charge reports progress; another agency’s token is refused and nothing changes', async () => {
    const other = await h.api<{ error: { code: string } }>('POST', `/api/v1/tasks/${id}/progress`, { token: haiphong, body: { progress: 90 } });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('task.other_agency');
    const seen = await h.api<{ tasks: Task[] }>('GET', '/api/v1/tasks', { token: haiphong });
    expect(seen.body.tasks).toEqual([]);

    const own = await h.api<Task>('POST', `/api/v1/tasks/${id}/progress`, { token: hanoi, body: { progress: 60, note: 'Đã xin ý kiến các sở' } });
    expect(own.status, own.text).toBe(200);
    expect(own.body).toMatchObject({ progress: 60, note: 'Đã xin ý kiến các sở', status: 'overdue', version: 2 });
  });

  it('reported done after the limit is done late, and stays so', async () => {
    const done = await h.api<Task>('POST', `/api/v1/tasks/${id}/progress`, { token: hanoi, body: { progress: 100, completedOn: '2026-03-10' } });
    expect(done.body).toMatchObject({ status: 'done-late', workingDaysLate: 1, completedOn: '2026-03-10' });
    clock = Date.parse('2026-04-01T02:00:00Z');
    expect((await h.api<{ tasks: Task[] }>('GET', '/api/v1/tasks')).body).toMatchObject({ tasks: [{ id, status: 'done-late' }] });
  });

  it('every change is in the audit log with who made it', () => {
    const rows = h.server.audit.list({ objectType: 'task', objectId: String(id) }).rows;
    expect(rows.map((r) => [r.action, r.actor.name])).toEqual([
      ['task.progress', 'P01'],
      ['task.progress', 'P01'],
      ['task.create', expect.any(String)],
    ]);
    expect(rows[0]!.diff).toMatchObject({ before: { progress: 60 }, after: { progress: 100, completedOn: '2026-03-10' } });
  });

  it('bad input is refused naming each fault, and stores nothing', async () => {
    const before = h.server.tasks.list().length;
    const refused = await h.api<{ errors: { path: string }[] }>('POST', '/api/v1/tasks', {
      body: { ...task, agency: 'NOPE', dueDate: '2025-12-31', document: { ...task.document, kind: 'memo' } },
    });
    expect(refused.status).toBe(422);
    const paths = refused.body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.agency', '$.document.kind']));
    const early = await h.api<{ errors: { path: string }[] }>('POST', '/api/v1/tasks', { body: { ...task, dueDate: '2025-12-31' } });
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e) => e.path)).toContain('$.dueDate');
    const unfinished = await h.api('POST', `/api/v1/tasks/${id}/progress`, { token: hanoi, body: { progress: 50, completedOn: '2026-03-10' } });
    expect(unfinished.status).toBe(422);
    expect(h.server.tasks.list().length).toBe(before);
    expect(h.server.tasks.get(id)!.version).toBe(3);
  });

  it('a submitter cannot register tasks; an unknown task is a 404', async () => {
    expect((await h.api('POST', '/api/v1/tasks', { token: hanoi, body: task })).status).toBe(403);
    const missing = await h.api<{ error: { code: string } }>('POST', '/api/v1/tasks/9999/progress', { body: { progress: 10 } });
    expect([missing.status, missing.body.error.code]).toEqual([404, 'task.not_found']);
  });

  it('survives a restart: the register, its statuses and its audit are read back from the file', async () => {
    const before = (await h.api<{ tasks: Task[] }>('GET', '/api/v1/tasks')).body.tasks;
    expect(before.map((t) => t.id)).toContain(id);
    await h.stop();
    const again = await startHarness({ dataDir: h.dataDir, now: () => clock });
    try {
      const after = (await again.api<{ tasks: Task[] }>('GET', '/api/v1/tasks')).body.tasks;
      expect(after).toEqual(before);
      expect(again.server.audit.list({ objectType: 'task', objectId: String(id) }).rows.map((r) => r.action)).toEqual(['task.progress', 'task.progress', 'task.create']);
    } finally {
      await again.stop();
    }
  });
});
