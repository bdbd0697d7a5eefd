import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_POLICY, initialSupervisorState, recordFailure, recordStart, Supervisor } from '../../main/supervisor';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('restart supervisor', () => {
  it('backs off 1 s, 2 s, 4 s … up to 30 s for a crash loop', () => {
    const clock = fakeClock();
    const supervisor = new Supervisor(clock.now);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      supervisor.started();
      clock.advance(500); // dies half a second after each start
      const delay = supervisor.failed();
      delays.push(delay);
      clock.advance(delay);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('keeps backing off when the process cannot even start', () => {
    const supervisor = new Supervisor(fakeClock().now);
    expect([supervisor.failed(), supervisor.failed(), supervisor.failed()]).toEqual([1_000, 2_000, 4_000]);
  });

  it('starts over at 1 s after 60 s of health, not before', () => {
    const clock = fakeClock();
    const supervisor = new Supervisor(clock.now);
    for (let i = 0; i < 4; i++) {
      supervisor.started();
      supervisor.failed();
    }
    supervisor.started();
    clock.advance(59_999);
    expect(supervisor.failed()).toBe(16_000);

    supervisor.started();
    clock.advance(60_000);
    expect(supervisor.failed()).toBe(1_000);
    supervisor.started();
    clock.advance(10);
    expect(supervisor.failed()).toBe(2_000);
  });

  it('never gives up (a wall runs 24/7)', () => {
    const clock = fakeClock();
    const supervisor = new Supervisor(clock.now);
    let delay = 0;
    for (let i = 0; i < 10_000; i++) {
      supervisor.started();
      delay = supervisor.failed();
    }
    expect(delay).toBe(30_000);
    expect(supervisor.failures).toBe(10_000);
  });

  it('is a pure state machine underneath', () => {
    const started = recordStart(initialSupervisorState, 5);
    expect(initialSupervisorState).toEqual({ failures: 0, startedAt: null });
    expect(recordFailure(started, 10)).toEqual({ state: { failures: 1, startedAt: null }, delayMs: 1_000 });
    expect(recordFailure(started, 10, { ...DEFAULT_RESTART_POLICY, initialDelayMs: 250, maxDelayMs: 400 }).delayMs).toBe(250);
    expect(recordFailure({ failures: 5, startedAt: 0 }, 10, { ...DEFAULT_RESTART_POLICY, initialDelayMs: 250, maxDelayMs: 400 }).delayMs).toBe(400);
  });
});
