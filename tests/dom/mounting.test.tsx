import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import { gridLines, tileRect, wallCanvas, type Rect } from '../../shared/geometry';
import { layoutSchema, type Layout } from '../../shared/layout/schema';
import { wallProfileSchema, type WallProfile } from '../../shared/wall/profile';
import { presetWallState, readJson, seededSnapshot } from './fixtures';
import { cleanup, showWall } from './render';

/**
 * Each window mounts only the tiles that meet its screen's viewport, each at exactly the
 * rectangle the geometry predicts: the real preset layout on the real 2×2 55" profile.
 */

const profile: WallProfile = wallProfileSchema.parse(readJson('assets/profiles/wall-2x2-55in.json'));
const layout: Layout = layoutSchema.parse(readJson('layouts/tong-quan-kinh-te-xa-hoi.json'));
const canvas = wallCanvas(profile);
const lines = gridLines(canvas, profile, layout.grid);
const rects = new Map(layout.tiles.map((t) => [t.id, tileRect(lines, t)]));

const meets = (a: Rect, b: Rect) =>
  Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);

function setWindowSize(width: number, height: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: height });
  act(() => {
    window.dispatchEvent(new Event('resize'));
  });
}

let store: WallStore;
beforeAll(() => {
  store = createWallStore({ schedule: () => () => {} });
  acceptSnapshot(store, seededSnapshot());
  acceptWallState(store, presetWallState());
  store.flush();
});

afterEach(cleanup);

const show = (screenId: string) => showWall(store, screenId);

const mountedIds = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('[data-tile-id]')].map((el) => el.dataset.tileId!).sort();

describe('tile mounting per screen', () => {
  it('the 2×2 wall has four 1920×1080 viewports', () => {
    expect(canvas.screens.map((s) => s.screenId)).toEqual(['s1', 's2', 's3', 's4']);
    for (const s of canvas.screens) expect([s.viewport.width, s.viewport.height]).toEqual([1920, 1080]);
  });

  it.each(['s1', 's2', 's3', 's4'])('screen %s mounts exactly the tiles meeting its viewport, at their canvas rectangles', (screenId) => {
    setWindowSize(1920, 1080);
    const { container } = show(screenId);
    const screen = canvas.screens.find((s) => s.screenId === screenId)!;
    const expected = layout.tiles.filter((t) => meets(rects.get(t.id)!, screen.viewport)).map((t) => t.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(layout.tiles.length);
    expect(mountedIds(container)).toEqual(expected);

    const root = container.querySelector<HTMLElement>('[data-screen-id]')!;
    expect(root.dataset.screenId).toBe(screenId);
    const layer = root.querySelector<HTMLElement>('.wall-layer')!;
    expect(layer.style.width).toBe(`${screen.viewport.width}px`);
    expect(layer.style.height).toBe(`${screen.viewport.height}px`);
    expect(layer.style.transform).toBe('translate(0px, 0px) scale(1)');
    const canvasLayer = layer.querySelector<HTMLElement>('.wall-canvas')!;
    expect(canvasLayer.style.left).toBe(`${-screen.viewport.x}px`);
    expect(canvasLayer.style.top).toBe(`${-screen.viewport.y}px`);

    for (const el of container.querySelectorAll<HTMLElement>('[data-tile-id]')) {
      const r = rects.get(el.dataset.tileId!)!;
      expect(el.dataset.widget).toBe(layout.tiles.find((t) => t.id === el.dataset.tileId)!.widget);
      expect(el.style.position).toBe('absolute');
      expect(el.style.boxSizing).toBe('border-box');
      expect([el.style.left, el.style.top, el.style.width, el.style.height]).toEqual([`${r.x}px`, `${r.y}px`, `${r.width}px`, `${r.height}px`]);
    }
  });

  it('a tile crossing the bezels is mounted on every screen it covers', () => {
    setWindowSize(1920, 1080);
    // The preset keeps every tile inside one screen; this fixture puts one across all four.
    acceptWallState(store, { revision: 50, profile: readJson('assets/profiles/wall-2x2-55in.json'), layout: readJson('tests/e2e/fixtures/across-bezels.layout.json') });
    store.flush();
    for (const id of ['s1', 's2', 's3', 's4']) {
      const r = show(id);
      expect(mountedIds(r.container)).toContain('across-four');
      r.unmount();
    }
    acceptWallState(store, presetWallState(51));
    store.flush();
  });

  it('rescales when the window is not the screen’s size', () => {
    setWindowSize(960, 540);
    const { container } = show('s4');
    expect(container.querySelector<HTMLElement>('.wall-layer')!.style.transform).toBe('translate(0px, 0px) scale(0.5)');
    setWindowSize(1920, 1200); // taller: scale 1, centred vertically
    expect(container.querySelector<HTMLElement>('.wall-layer')!.style.transform).toBe('translate(0px, 60px) scale(1)');
  });

  it('the preview shows every tile, each screen outlined and labelled, and the bezel gaps', () => {
    setWindowSize(1280, 720);
    const { container } = show('all');
    const root = container.querySelector<HTMLElement>('[data-screen-id]')!;
    expect(root.dataset.screenId).toBe('all');
    expect(mountedIds(container)).toEqual(layout.tiles.map((t) => t.id).sort());
    expect([...container.querySelectorAll<HTMLElement>('[data-preview-label]')].map((el) => el.textContent)).toEqual([
      'Màn hình 1s1',
      'Màn hình 2s2',
      'Màn hình 3s3',
      'Màn hình 4s4',
    ]);
    expect(container.querySelectorAll('[data-preview-viewport]')).toHaveLength(4);
    expect(container.querySelector('[data-preview="bezel-gaps"]')?.getAttribute('fill-rule')).toBe('evenodd');
    const layer = root.querySelector<HTMLElement>('.wall-layer')!;
    expect(layer.style.width).toBe(`${canvas.width}px`);
    expect(layer.style.transform).toMatch(/^translate\([\d.]+px, [\d.]+px\) scale\(0\.\d+\)$/);
    expect(root.querySelector('.conn-status')?.textContent).toContain(layout.title.vi);
  });

  it('an unknown screen id mounts nothing and says so', () => {
    const { container } = show('s9');
    expect(mountedIds(container)).toEqual([]);
    expect(container.textContent).toContain('Màn hình này không có trong cấu hình tường');
  });
});
