import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import type { WallState } from '../../shared/protocol/control';
import { csvValue, kpiWallState, observation, seededSnapshot } from './fixtures';
import { cleanup, showWall, text } from './render';

/**
 * One widget that throws must not take the wall down. The failure here is real: a KPI
 * tile whose options ask Intl for 200 decimals (the layout schema would refuse that; the
 * store is handed it directly, as a buggy future code path might), which Intl rejects.
 */

let errors: MockInstance<typeof console.error>;
let store: WallStore;

function brokenState(revision: number, patch: (tiles: WallState['layout']['tiles']) => void): WallState {
  const state = store.api.getState().wall!;
  const tiles = structuredClone(state.layout.tiles);
  patch(tiles);
  return { revision, profile: state.profile, layout: { ...state.layout, tiles } };
}

beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  store = createWallStore({ schedule: () => () => {} });
  acceptSnapshot(store, seededSnapshot());
  acceptWallState(store, kpiWallState(1));
  store.flush();
});

afterEach(() => {
  cleanup();
  errors.mockRestore();
});

const showAll = () => showWall(store);

describe('tile error boundary', () => {
  it('shows "Lỗi hiển thị" in the failing tile only; the rest of the wall keeps updating', () => {
    store.setWallState(
      brokenState(2, (tiles) => {
        (tiles.find((t) => t.id === 'cpi-avg')!.options as { decimals: number }).decimals = 200;
      }),
    );
    const { container } = showAll();
    const broken = container.querySelector<HTMLElement>('[data-tile-id="cpi-avg"]')!;
    expect(broken.textContent).toContain('Lỗi hiển thị');
    expect(broken.textContent).toContain('Display error');
    expect(broken.querySelector('[data-field="value"]')).toBeNull();
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1);
    // The frame stays where the geometry put it.
    expect(broken.style.width).not.toBe('');
    expect(broken.dataset.widget).toBe('kpi');

    const logged = errors.mock.calls.map((c) => c.map(String).join(' ')).join('\n');
    expect(logged).toContain('tile "cpi-avg" (widget "kpi") failed to render');

    // Every other tile rendered, and still follows the feed.
    // GDP in nghìn tỷ đồng is written whole, with vi-VN grouping: the data file's figure.
    const gdp = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(csvValue('GDP_VND', '2025'));
    expect(text(container.querySelector('[data-tile-id="gdp-vnd"]')!, 'value')).toBe(gdp);
    act(() => {
      store.ingestChanges({ seq: 101, changes: [{ seq: 101, kind: 'observation', observation: observation('GDP_VND', '2026', 14000) }] });
      store.flush();
    });
    expect(text(container.querySelector('[data-tile-id="gdp-vnd"]')!, 'value')).toBe('14.000');
    expect(container.querySelectorAll('[data-tile-id]')).toHaveLength((kpiWallState() as { layout: { tiles: unknown[] } }).layout.tiles.length);
  });

  it('gives the tile another try when a new layout revision arrives', () => {
    store.setWallState(
      brokenState(2, (tiles) => {
        (tiles.find((t) => t.id === 'cpi-avg')!.options as { decimals: number }).decimals = 200;
      }),
    );
    const { container } = showAll();
    expect(container.querySelector('[data-tile-id="cpi-avg"]')!.textContent).toContain('Lỗi hiển thị');
    act(() => {
      acceptWallState(store, kpiWallState(3));
    });
    const tile = container.querySelector('[data-tile-id="cpi-avg"]')!;
    expect(tile.textContent).not.toContain('Lỗi hiển thị');
    expect(text(tile, 'value')).toBe('3,31');
  });

  it('shows a placeholder for a widget type this renderer does not know', () => {
    store.setWallState(
      brokenState(2, (tiles) => {
        (tiles[0] as { widget: string }).widget = 'hologram';
      }),
    );
    const { container } = showAll();
    const tile = container.querySelector<HTMLElement>('[data-tile-id="gdp-growth"]')!;
    expect(tile.dataset.widget).toBe('hologram');
    expect(tile.textContent).toContain('Loại ô chưa hỗ trợ');
    expect(tile.textContent).toContain('hologram');
    expect(container.querySelectorAll('[data-field="value"]').length).toBeGreaterThan(10);
  });
});
