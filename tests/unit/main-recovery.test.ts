import { describe, expect, it } from 'vitest';
import { autostartPlan } from '../../main/autostart';
import { parseAgentConfig } from '../../main/config';
import { paintVerdict, PAINT_STALL_MS } from '../../main/paint-watch';
import { DEFAULT_RELAUNCH_POLICY, recordAgentFailure, RecoveryPolicy, relaunchMethod, initialRecoveryState } from '../../main/recovery-policy';
import { nextRecycleAt, parseQuietTime, recycleWindows, type RecycleDependencies } from '../../main/recycle';
import { HealthRegistry, type HealthEvent } from '../../main/window-health';
import { isOffPlan, type WindowPlan } from '../../main/window-plan';
import { windowStatusSchema } from '../../shared/ipc';
import { offlineSince } from '../../shared/i18n';

describe('recovery policy: N failures within T → relaunch', () => {
  it('reloads until the sixth failure within ten minutes, then relaunches and starts counting again', () => {
    let state = initialRecoveryState;
    const decisions: string[] = [];
    for (let i = 0; i < 7; i++) {
      const next = recordAgentFailure(state, i * 60_000);
      state = next.state;
      decisions.push(next.decision);
    }
    expect(DEFAULT_RELAUNCH_POLICY).toEqual({ maxFailures: 6, windowMs: 600_000 });
    expect(decisions).toEqual(['reload', 'reload', 'reload', 'reload', 'reload', 'relaunch', 'reload']);
  });

  it('forgets failures older than the window: a flaky page once an hour never relaunches the app', () => {
    let now = 0;
    const policy = new RecoveryPolicy(() => now);
    for (let i = 0; i < 100; i++) {
      now += 11 * 60_000;
      expect(policy.failed()).toBe('reload');
    }
    expect(policy.recentFailures).toBe(1);
  });

  it('keeps only the failures inside the window, however many there were', () => {
    let state = initialRecoveryState;
    for (let i = 0; i < 1_000; i++) state = recordAgentFailure(state, i, { maxFailures: 1_000_000, windowMs: 10 }).state;
    expect(state.failures.length).toBeLessThanOrEqual(1_000_000);
    expect(state.failures.length).toBe(10);
  });

  it('exits for the service manager under systemd, relaunches itself otherwise', () => {
    expect(relaunchMethod({ TOANCANH_SUPERVISED: '1' })).toBe('exit');
    expect(relaunchMethod({})).toBe('relaunch');
    expect(relaunchMethod({ TOANCANH_SUPERVISED: 'yes' })).toBe('relaunch');
  });
});

describe('paint watch', () => {
  const loadedAt = 1_000_000;
  it('waits while loading and for a grace period after the load', () => {
    expect(paintVerdict({ loadedAt: null, lastHeartbeatAt: null, lastFrameAt: null }, loadedAt + 10 * PAINT_STALL_MS)).toBe('loading');
    expect(paintVerdict({ loadedAt, lastHeartbeatAt: null, lastFrameAt: null }, loadedAt + PAINT_STALL_MS)).toBe('ok');
  });

  it('says no-heartbeat when the page stops reporting', () => {
    expect(paintVerdict({ loadedAt, lastHeartbeatAt: null, lastFrameAt: null }, loadedAt + PAINT_STALL_MS + 1)).toBe('no-heartbeat');
    expect(paintVerdict({ loadedAt, lastHeartbeatAt: loadedAt + 5_000, lastFrameAt: loadedAt + 5_000 }, loadedAt + 5_000 + PAINT_STALL_MS + 1)).toBe('no-heartbeat');
  });

  it('says no-frame when heartbeats go on but frames stopped', () => {
    const now = loadedAt + 100_000;
    expect(paintVerdict({ loadedAt, lastHeartbeatAt: now - 1_000, lastFrameAt: now - PAINT_STALL_MS - 1 }, now)).toBe('no-frame');
    expect(paintVerdict({ loadedAt, lastHeartbeatAt: now - 1_000, lastFrameAt: now - 1_000 }, now)).toBe('ok');
  });

  it('does not count a frame time from before the current load', () => {
    const now = loadedAt + 1_000;
    expect(paintVerdict({ loadedAt, lastHeartbeatAt: now, lastFrameAt: loadedAt - 10 * PAINT_STALL_MS }, now)).toBe('ok');
  });
});

describe('scheduled recycling', () => {
  it('reads HH:MM quiet times and refuses anything else', () => {
    expect(parseQuietTime('03:30')).toEqual({ hour: 3, minute: 30 });
    expect(parseQuietTime('3:05')).toEqual({ hour: 3, minute: 5 });
    expect(parseQuietTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '03:60', '0330', '3h30', '', '03:30:00', '-1:00']) expect(parseQuietTime(bad), bad).toBeNull();
  });

  it('schedules the next local quiet time, tomorrow once today’s has passed', () => {
    const morning = new Date(2026, 2, 10, 1, 0, 0).getTime();
    expect(new Date(nextRecycleAt(morning, { hour: 3, minute: 30 }))).toEqual(new Date(2026, 2, 10, 3, 30, 0));
    const later = new Date(2026, 2, 10, 3, 30, 0).getTime();
    expect(new Date(nextRecycleAt(later, { hour: 3, minute: 30 }))).toEqual(new Date(2026, 2, 11, 3, 30, 0));
    const endOfMonth = new Date(2026, 2, 31, 12, 0, 0).getTime();
    expect(new Date(nextRecycleAt(endOfMonth, { hour: 3, minute: 30 }))).toEqual(new Date(2026, 3, 1, 3, 30, 0));
  });

  /** A fake wall: records what happens, in order, so the test can check "one blank screen at most". */
  function fakeWall(options: { answers?: boolean[]; paints?: Record<string, boolean> } = {}) {
    const trace: string[] = [];
    const answers = [...(options.answers ?? [])];
    let blank: string | null = null;
    const deps: RecycleDependencies = {
      serverAnswers: async () => {
        const ok = answers.length > 0 ? answers.shift()! : true;
        trace.push(`health ${ok}`);
        return ok;
      },
      reload: async (key) => {
        if (blank !== null) throw new Error(`${key} reloaded while ${blank} is still blank`);
        blank = key;
        trace.push(`reload ${key}`);
      },
      paintedAgain: async (key) => {
        const ok = options.paints?.[key] ?? true;
        if (ok) blank = null;
        trace.push(`painted ${key} ${ok}`);
        return ok;
      },
      sleep: async (ms) => void trace.push(`sleep ${ms}`),
      stillOpen: () => true,
      log: () => undefined,
    };
    return { deps, trace };
  }

  it('reloads one window after the other, each after a health check and the previous repaint', async () => {
    const { deps, trace } = fakeWall();
    const outcome = await recycleWindows(['s1', 's2', 's3'], deps);
    expect(outcome).toEqual({ reloaded: ['s1', 's2', 's3'], stoppedBecause: null });
    expect(trace).toEqual(['health true', 'reload s1', 'painted s1 true', 'health true', 'reload s2', 'painted s2 true', 'health true', 'reload s3', 'painted s3 true']);
  });

  it('waits for the server, and gives the round up if it never answers: no reload without the server', async () => {
    const { deps, trace } = fakeWall({ answers: [false, false, true] });
    expect((await recycleWindows(['s1'], deps, { healthRetryMs: 1_000, healthAttempts: 5 })).reloaded).toEqual(['s1']);
    expect(trace.slice(0, 5)).toEqual(['health false', 'sleep 1000', 'health false', 'sleep 1000', 'health true']);

    const down = fakeWall({ answers: [false, false, false] });
    const outcome = await recycleWindows(['s1', 's2'], down.deps, { healthRetryMs: 1_000, healthAttempts: 3 });
    expect(outcome).toEqual({ reloaded: [], stoppedBecause: 'the server did not answer before window s1' });
    expect(down.trace.some((t) => t.startsWith('reload'))).toBe(false);
  });

  it('stops when a window does not paint again, so a second screen is never blanked', async () => {
    const { deps, trace } = fakeWall({ paints: { s2: false } });
    const outcome = await recycleWindows(['s1', 's2', 's3'], deps);
    expect(outcome).toEqual({ reloaded: ['s1'], stoppedBecause: 'window s2 did not paint again after its reload' });
    expect(trace).not.toContain('reload s3');
  });

  it('is configured with --recycle-at or TOANCANH_RECYCLE_AT, with a clear error for a bad time', () => {
    const base = { env: {}, cwd: '/w', userData: '/u' };
    expect(parseAgentConfig({ ...base, argv: ['--recycle-at', '03:30'] }).recycleAt).toEqual({ hour: 3, minute: 30 });
    expect(parseAgentConfig({ ...base, argv: [], env: { TOANCANH_RECYCLE_AT: '04:15' } }).recycleAt).toEqual({ hour: 4, minute: 15 });
    expect(parseAgentConfig({ ...base, argv: [] }).recycleAt).toBeNull();
    expect(() => parseAgentConfig({ ...base, argv: ['--recycle-at=25:00'] })).toThrow(/--recycle-at: expected a local time HH:MM, as 03:30 \(got "25:00"\)/);
  });
});

describe('window health', () => {
  const status = { connected: true, lastSeq: 41, layoutId: 'l', lastFrameAt: 5, fps: 60, heapMb: 30.5, restored: false };

  it('counts failures as restarts, keeps the last error and the heartbeat, and reports every event', () => {
    let now = 100;
    const seen: HealthEvent[] = [];
    const registry = new HealthRegistry(() => now, (event) => seen.push(event));
    registry.opened('s1', 's1', 7);
    registry.loaded('s1');
    registry.heartbeat('s1', status);
    now = 200;
    registry.event('s1', 'renderer-gone', 'crashed (1)');
    registry.event('s1', 'reloading', 'in 1 s');
    const health = registry.get('s1')!;
    expect(health).toMatchObject({ restarts: 1, lastError: { at: 200, kind: 'renderer-gone', detail: 'crashed (1)' }, lastSeq: 41, fps: 60, heapMb: 30.5, loadedAt: 100 });
    expect(seen.map((e) => e.kind)).toEqual(['opened', 'loaded', 'renderer-gone', 'reloading']);
    // A window re-opened elsewhere keeps its history; a fresh load forgets the old frame times.
    registry.opened('s1', 's1', 8);
    expect(registry.get('s1')).toMatchObject({ restarts: 1, displayId: 8, lastFrameAt: null });
  });

  it('keeps a bounded list of recent events', () => {
    const registry = new HealthRegistry(() => 0);
    for (let i = 0; i < 1_000; i++) registry.event(null, 'gpu-gone', String(i));
    const { events } = registry.snapshot();
    expect(events.length).toBe(200);
    expect(events.at(-1)!.detail).toBe('999');
  });

  it('the status schema takes what a page sends and refuses anything else, whole', () => {
    expect(windowStatusSchema.safeParse(status).success).toBe(true);
    expect(windowStatusSchema.safeParse({ ...status, extra: 1 }).success).toBe(false);
    expect(windowStatusSchema.safeParse({ ...status, lastFrameAt: -1 }).success).toBe(false);
    expect(windowStatusSchema.safeParse({ ...status, fps: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(windowStatusSchema.safeParse({ ...status, layoutId: 'x'.repeat(65) }).success).toBe(false);
    const { restored: _restored, ...withoutRestored } = status;
    expect(windowStatusSchema.safeParse(withoutRestored).success).toBe(false);
  });
});

describe('windows on their displays', () => {
  const plan: WindowPlan = { key: 's1', screenId: 's1', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, fullscreen: true, frameless: true, displayId: 2 };
  it('notices a window that left its planned bounds by even a pixel', () => {
    expect(isOffPlan({ x: 1920, y: 0, width: 1920, height: 1080 }, plan)).toBe(false);
    expect(isOffPlan({ x: 1921, y: 0, width: 1920, height: 1080 }, plan)).toBe(true);
    expect(isOffPlan({ x: 1920, y: 0, width: 1280, height: 720 }, plan)).toBe(true);
  });
});

describe('auto-start', () => {
  it('registers a login item on Windows only, and nothing for a development run', () => {
    expect(autostartPlan('win32', true).loginItem).toBe(true);
    expect(autostartPlan('linux', true)).toMatchObject({ loginItem: false, describe: expect.stringContaining('toancanh-agent.service') });
    expect(autostartPlan('win32', false).loginItem).toBe(false);
    expect(autostartPlan('linux', false).loginItem).toBe(false);
  });
});

describe('the offline mark', () => {
  it('says as of when the figures were current, in the wall’s time zone, with the day when not today', () => {
    const at = Date.parse('2026-03-10T07:05:00Z'); // 14:05 in Hà Nội
    expect(offlineSince(at, at + 60_000)).toEqual({ vi: 'Mất kết nối — số liệu lúc 14:05', en: 'Connection lost — figures as of 14:05' });
    expect(offlineSince(at, at + 24 * 3_600_000).vi).toBe('Mất kết nối — số liệu lúc 14:05 10/03');
  });
});
