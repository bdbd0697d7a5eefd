import { describe, expect, it } from 'vitest';
import type { FleetBoard } from '../../shared/fleet/board';
import { alertsBetween, darkNow, withAlerts } from '../../renderer/console/pages/fleet/alerts';
import { bodyOf, draftOf, errorsByScreen, sameMap, withDisplayMoved, withScreen } from '../../renderer/console/pages/fleet/mapDraft';

/** The fleet page's pure parts: the alerts it finds between two polled boards, and the display map being edited. */
const board = (at: string, screens: [string, 'green' | 'amber' | 'red', string[]][]): FleetBoard => ({
  evaluatedAt: at,
  screens: screens.map(([screenId, level, reasons]) => ({ screenId, level, reasons: reasons as FleetBoard['screens'][number]['reasons'], hostId: 'may-a', since: at })),
});

describe('fleet page alerts', () => {
  it('alerts a screen turned red and one back from red, as the server does, not a change within green and amber', () => {
    const before = board('t1', [['s1', 'green', []], ['s2', 'red', ['host-gone']], ['s3', 'green', []]]);
    const after = board('t2', [['s1', 'red', ['disconnected']], ['s2', 'amber', ['report-stale']], ['s3', 'amber', ['fps-low']]]);
    expect(alertsBetween(before, after).map((a) => [a.screenId, a.from, a.level, a.at])).toEqual([
      ['s1', 'green', 'red', 't2'],
      ['s2', 'red', 'amber', 't2'],
    ]);
    expect(alertsBetween(after, after)).toEqual([]);
  });

  it('on the first board, alerts the screens already dark (their PC or window gone), not those nobody ever showed', () => {
    const first = board('t1', [['s1', 'red', ['host-gone']], ['s2', 'red', ['no-window']], ['s3', 'red', ['disconnected']]]);
    expect(alertsBetween(null, first).map((a) => a.screenId)).toEqual(['s1', 's3']);
  });

  it('keeps the newest first, bounded, and says which screens are dark now', () => {
    const red = alertsBetween(board('t1', [['s1', 'green', []], ['s2', 'green', []]]), board('t2', [['s1', 'red', ['host-gone']], ['s2', 'red', ['host-gone']]]));
    const back = alertsBetween(board('t2', [['s1', 'red', ['host-gone']]]), board('t3', [['s1', 'green', []]]));
    const list = withAlerts(withAlerts([], red), back);
    expect(list.map((a) => [a.screenId, a.level])).toEqual([['s1', 'green'], ['s1', 'red'], ['s2', 'red']]);
    expect(darkNow(list).map((a) => a.screenId)).toEqual(['s2']);
    let many = list;
    for (let i = 0; i < 30; i++) many = withAlerts(many, red);
    expect(many).toHaveLength(20);
  });
});

describe('fleet page display map', () => {
  it('moves a display dropped on another screen, and leaves the other displays where they are', () => {
    const stored = draftOf([
      { screenId: 's1', hostId: 'may-a', displayId: 1, by: 'x', at: 't' },
      { screenId: 's2', hostId: 'may-a', displayId: 2, by: 'x', at: 't' },
    ]);
    const moved = withDisplayMoved(stored, 's3', { hostId: 'may-a', displayId: 1 });
    expect(bodyOf(moved, ['s1', 's2', 's3'])).toEqual([
      { screenId: 's2', hostId: 'may-a', displayId: 2 },
      { screenId: 's3', hostId: 'may-a', displayId: 1 },
    ]);
    // Dropped where it already is: nothing changes.
    expect(sameMap(withDisplayMoved(stored, 's1', { hostId: 'may-a', displayId: 1 }), stored)).toBe(true);
    // The same display number of another PC is another display.
    expect(bodyOf(withDisplayMoved(stored, 's3', { hostId: 'may-b', displayId: 1 }), ['s1', 's2', 's3'])).toHaveLength(3);
  });

  it('edits the map by screen, sends it in the wall order, and puts each refusal at the screen it names', () => {
    const stored = draftOf([{ screenId: 's2', hostId: 'may-a', displayId: 2, by: 'x', at: 't' }]);
    const draft = withScreen(withScreen(stored, 's1', { hostId: 'may-a', displayId: 2 }), 's3', { hostId: 'may-b', displayId: 1 });
    expect(sameMap(stored, draft)).toBe(false);
    expect(sameMap(withScreen(withScreen(draft, 's1', null), 's3', null), stored)).toBe(true);
    const sent = bodyOf(draft, ['s1', 's2', 's3', 's4']);
    expect(sent.map((a) => a.screenId)).toEqual(['s1', 's2', 's3']);
    const errors = errorsByScreen([{ path: '$.assignments[1].displayId', message_vi: 'hai lần', message_en: 'twice' }, { path: '$', message_vi: '?', message_en: '?' }], sent);
    expect([...errors.keys()]).toEqual(['s2']);
  });
});
