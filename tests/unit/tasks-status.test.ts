import { describe, expect, it } from 'vitest';
import { nonWorkingDay } from '../../shared/regimes/working-days';
import { taskTiming, workingDaysAfter } from '../../shared/tasks/status';

/**
 * Task status against the holiday calendar: the days are taken from the calendar itself
 * (nonWorkingDay), so the test says what the rule is, not what one year's dates are.
 */
describe('taskTiming', () => {
  it('a due date on a working day: done that day is on time, the day after is late, not done the day after is overdue', () => {
    // Tuesday 10 March 2026, a plain working day.
    expect(nonWorkingDay('2026-03-10')).toBeUndefined();
    expect(taskTiming({ dueDate: '2026-03-10', completedOn: '2026-03-10' }, '2026-03-20')).toMatchObject({ status: 'done-on-time', effectiveDue: '2026-03-10', workingDaysLate: 0 });
    expect(taskTiming({ dueDate: '2026-03-10', completedOn: '2026-03-11' }, '2026-03-20')).toMatchObject({ status: 'done-late', workingDaysLate: 1 });
    expect(taskTiming({ dueDate: '2026-03-10', completedOn: null }, '2026-03-10')).toMatchObject({ status: 'in-progress', workingDaysLate: 0 });
    expect(taskTiming({ dueDate: '2026-03-10', completedOn: null }, '2026-03-11')).toMatchObject({ status: 'overdue', workingDaysLate: 1 });
  });

  it('a due date on a Saturday ends with the Monday: not overdue over the weekend', () => {
    expect(nonWorkingDay('2026-03-14')?.kind).toBe('weekend');
    const t = taskTiming({ dueDate: '2026-03-14', completedOn: null }, '2026-03-16');
    expect(t).toMatchObject({ status: 'in-progress', effectiveDue: '2026-03-16' });
    expect(t.movedOver.map((d) => d.date)).toEqual(['2026-03-14', '2026-03-15']);
    expect(taskTiming({ dueDate: '2026-03-14', completedOn: null }, '2026-03-17').status).toBe('overdue');
  });

  it('a due date in the Tết holiday of 2026 moves past every day off of it', () => {
    // 17 February 2026 is mùng 1 Tết Bính Ngọ.
    expect(nonWorkingDay('2026-02-17')?.kind).toBe('holiday');
    const t = taskTiming({ dueDate: '2026-02-17', completedOn: null }, '2026-02-17');
    expect(t.status).toBe('in-progress');
    expect(nonWorkingDay(t.effectiveDue)).toBeUndefined();
    expect(t.effectiveDue > '2026-02-17').toBe(true);
    for (const day of t.movedOver) expect(nonWorkingDay(day.date), day.date).toBeDefined();
    expect(t.movedOver.map((d) => d.name.vi)).toContain('Tết Âm lịch');
    // Reported done on the first working day after Tết: on time.
    expect(taskTiming({ dueDate: '2026-02-17', completedOn: t.effectiveDue }, t.effectiveDue).status).toBe('done-on-time');
  });

  it('counts working days late, not calendar days', () => {
    // Friday 6 March 2026 due, today Monday 9 March: one working day late, not three days.
    expect(workingDaysAfter('2026-03-06', '2026-03-09')).toBe(1);
    expect(taskTiming({ dueDate: '2026-03-06', completedOn: null }, '2026-03-09').workingDaysLate).toBe(1);
    expect(workingDaysAfter('2026-03-09', '2026-03-06')).toBe(0);
  });

  it('refuses a day that is not YYYY-MM-DD, naming it', () => {
    expect(() => taskTiming({ dueDate: '10/03/2026', completedOn: null }, '2026-03-11')).toThrow(/dueDate/);
    expect(() => taskTiming({ dueDate: '2026-03-10', completedOn: 'yesterday' }, '2026-03-11')).toThrow(/completedOn/);
  });
});
