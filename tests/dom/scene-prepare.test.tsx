import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { layoutSchema } from '../../shared/layout/schema';
import { acceptWallState } from '../../renderer/feed/ingest';
import { observation, SEED_VINTAGE, wallStateWith } from './fixtures';
import { atFixedTime, showWall, wallStore } from './render';

atFixedTime(Date.parse(SEED_VINTAGE) + 60_000);

/**
 * "Prepare" mounts the next scene off screen in each wall window (issue 10): the scene is
 * in the DOM, hidden, before the commit; the commit makes that very subtree the one shown
 * (the same DOM nodes, not a new mount) and drops the old scene; the ack waits for it.
 */
const first = [{ id: 'ghi-chu', widget: 'note', x: 0, y: 0, w: 12, h: 6, options: { text: 'Cảnh một' } }];
const second = [
  { id: 'cpi', widget: 'kpi', x: 0, y: 0, w: 12, h: 6, binding: { indicators: ['CPI_AVG'], region: 'VN' }, options: { sparklinePeriods: 0 } },
  { id: 'ghi-chu-2', widget: 'note', x: 12, y: 6, w: 12, h: 6, options: { text: 'Cảnh hai' } },
];

describe.each(['s1', 'all'])('a prepared briefing scene on screen %s', (screenId) => {
  it('is mounted hidden beside the scene on screen, and its commit shows the same nodes', () => {
    const snapshot = {
      seq: 3,
      serverTime: SEED_VINTAGE,
      indicators: [{ code: 'CPI_AVG', name: { vi: 'CPI bình quân', en: 'Average CPI' }, unit: '%', periodicity: 'month', direction: 'down', scope: 'national' }],
      observations: [observation('CPI_AVG', '2025-11', 3.29)],
    };
    const store = wallStore(snapshot, wallStateWith(first));
    const { container } = showWall(store, screenId);
    const next = wallStateWith(second, { id: 'canh-hai', revision: 2 });
    const frames: FrameRequestCallback[] = [];
    const raf = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));

    act(() => store.prepare({ switchId: 7, layout: layoutSchema.parse(next.layout), view: { enlargedTileId: null, province: null } }));
    const hidden = container.querySelector<HTMLElement>('[data-scene-prepared="7"]');
    expect(hidden, 'the next scene is mounted').not.toBeNull();
    expect(hidden!.style.visibility).toBe('hidden');
    const kpi = hidden!.querySelector('[data-tile-id="cpi"]');
    expect(kpi).not.toBeNull();
    // The scene on screen is untouched, and still the only one visible.
    const shownNow = container.querySelector<HTMLElement>('.wall-canvas:not([data-scene-prepared])')!;
    expect(shownNow.querySelector('[data-tile-id="ghi-chu"]')).not.toBeNull();
    expect(shownNow.style.visibility).toBe('');

    // Painted once (two frames): the ack may go.
    expect(store.api.getState().preparedMounted).toBeNull();
    act(() => frames.splice(0).forEach((cb) => cb(0)));
    act(() => frames.splice(0).forEach((cb) => cb(16)));
    expect(store.api.getState().preparedMounted).toBe(7);

    // The commit: the held wall state and the slot flip in one task.
    act(() => {
      expect(acceptWallState(store, next)).toBe(true);
      expect(store.commitPrepared(7)).toBe(true);
    });
    const onScreen = container.querySelector<HTMLElement>('.wall-canvas:not([data-scene-retiring])')!;
    expect(onScreen.style.visibility).toBe('');
    expect(onScreen.querySelector('[data-tile-id="cpi"]'), 'the node mounted at prepare is the one shown').toBe(kpi);
    // The old scene leaves two frames later, hidden meanwhile (its unmount is not in the swap's frame).
    const old = container.querySelector<HTMLElement>('[data-scene-retiring]')!;
    expect(old.style.visibility).toBe('hidden');
    expect(old.querySelector('[data-tile-id="ghi-chu"]')).not.toBeNull();
    act(() => frames.splice(0).forEach((cb) => cb(32)));
    act(() => frames.splice(0).forEach((cb) => cb(48)));
    raf.mockRestore();
    expect(container.querySelectorAll('.wall-canvas')).toHaveLength(1);
    expect(container.querySelector('[data-tile-id="ghi-chu"]')).toBeNull();
    expect(container.querySelector('[data-tile-id="cpi"]')).toBe(kpi);
  });

  it('a commit of another switch drops the prepared scene and shows the wall state', () => {
    const store = wallStore({ seq: 1, serverTime: SEED_VINTAGE, indicators: [], observations: [] }, wallStateWith(first));
    const { container } = showWall(store, screenId);
    act(() => store.prepare({ switchId: 2, layout: layoutSchema.parse(wallStateWith(second).layout), view: { enlargedTileId: null, province: null } }));
    expect(container.querySelectorAll('.wall-canvas')).toHaveLength(2);
    act(() => {
      expect(store.commitPrepared(3)).toBe(false);
    });
    expect(container.querySelectorAll('.wall-canvas')).toHaveLength(1);
    expect(container.querySelector('[data-tile-id="ghi-chu"]')).not.toBeNull();
  });
});
