import { describe, expect, it } from 'vitest';
import { advanceBoard, classifyScreen, heapGrowing, type ObservedWindow } from '../../shared/fleet/health';
import { checkAssignments } from '../../server/fleet/assign';

const NOW = 1_000_000;
const seen = (over: Partial<ObservedWindow> = {}, window: Partial<ObservedWindow['window']> = {}): ObservedWindow => ({
  hostId: 'may-a',
  hostConnected: true,
  window: { screenId: 's1', displayId: 1, connection: 'connected', lastSeq: 1, fps: 60, heapMb: 80, restarts: 0, lastError: null, ...window },
  reportedAt: NOW - 1000,
  statusEveryMs: 5000,
  heapSamples: [80, 80, 81, 80, 80],
  restartedAt: null,
  ...over,
});

describe('the health classifier', () => {
  it('red when nobody shows the screen, its host is gone or its window disconnected', () => {
    expect(classifyScreen([], NOW)).toEqual({ level: 'red', reasons: ['no-window'], hostId: null });
    expect(classifyScreen([seen({ hostConnected: false })], NOW).reasons).toEqual(['host-gone']);
    expect(classifyScreen([seen({}, { connection: 'disconnected' })], NOW).reasons).toEqual(['disconnected']);
    // Assigned elsewhere: the old host's window does not keep it green.
    expect(classifyScreen([seen()], NOW, 'may-b')).toEqual({ level: 'red', reasons: ['no-window'], hostId: 'may-b' });
  });

  it('amber for low fps, a stale report, a growing heap, a recent restart; green otherwise; the best window wins', () => {
    expect(classifyScreen([seen()], NOW)).toEqual({ level: 'green', reasons: [], hostId: 'may-a' });
    expect(classifyScreen([seen({}, { fps: 12 })], NOW).reasons).toEqual(['fps-low']);
    expect(classifyScreen([seen({ reportedAt: NOW - 10_001 })], NOW).reasons).toEqual(['report-stale']);
    expect(classifyScreen([seen({ heapSamples: [100, 130, 160, 190, 220] })], NOW).reasons).toEqual(['heap-growing']);
    expect(classifyScreen([seen({ restartedAt: NOW - 60_000 })], NOW).reasons).toEqual(['restarted']);
    expect(classifyScreen([seen({ restartedAt: NOW - 11 * 60_000 })], NOW).level).toBe('green');
    expect(classifyScreen([seen({ hostConnected: false }), seen({ hostId: 'may-b' })], NOW)).toEqual({ level: 'green', reasons: [], hostId: 'may-b' });
  });

  it('a heap that falls back (a garbage collection) or has few samples is not growing', () => {
    expect(heapGrowing([100, 200, 90, 200, 220])).toBe(false);
    expect(heapGrowing([100, 300])).toBe(false);
  });

  it('keeps the time of the last change of level, and reports reason changes', () => {
    const first = advanceBoard(new Map(), new Map([['s1', { level: 'green', reasons: [], hostId: 'a' }]]), 't1');
    expect(first.changes).toEqual([{ screenId: 's1', from: null, to: 'green', reasons: [] }]);
    const same = advanceBoard(first.board, new Map([['s1', { level: 'green', reasons: [], hostId: 'a' }]]), 't2');
    expect([same.board.get('s1')?.since, same.changes]).toEqual(['t1', []]);
    const amber = advanceBoard(same.board, new Map([['s1', { level: 'amber', reasons: ['fps-low'], hostId: 'a' }]]), 't3');
    expect([amber.board.get('s1')?.since, amber.changes.map((c) => c.to)]).toEqual(['t3', ['amber']]);
  });
});

describe('the display map check', () => {
  it('names both screens of a display given twice, and unknown or repeated screens, each at its field', () => {
    const errors = checkAssignments(
      [
        { screenId: 's1', hostId: 'a', displayId: 1 },
        { screenId: 's2', hostId: 'a', displayId: 1 },
        { screenId: 's1', hostId: 'b', displayId: 1 },
        { screenId: 'zz', hostId: 'b', displayId: 2 },
      ],
      ['s1', 's2'],
    );
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['$.assignments[1].displayId', 'fleet.display_assigned_twice'],
      ['$.assignments[2].screenId', 'fleet.screen_assigned_twice'],
      ['$.assignments[3].screenId', 'fleet.screen_unknown'],
    ]);
    expect(errors[0]!.message_en).toBe('display 1 of host a is already assigned to screen "s1"; it cannot show "s2" too');
  });

  it('refuses a display of a browser wall page at its host field (a host not seen yet may be assigned ahead)', () => {
    const errors = checkAssignments(
      [
        { screenId: 's1', hostId: 'tab', displayId: 0 },
        { screenId: 's2', hostId: 'pc-not-seen-yet', displayId: 1 },
      ],
      ['s1', 's2'],
      new Set(['tab']),
    );
    expect(errors.map((e) => [e.path, e.code, e.message_en])).toEqual([
      ['$.assignments[0].hostId', 'fleet.display_of_browser', 'host "tab" is a wall page in a browser: it opens its screen from its address (?screen=…) and takes no display map'],
    ]);
  });
});
