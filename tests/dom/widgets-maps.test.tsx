import { readFileSync } from 'node:fs';
import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { acceptSnapshot, acceptWallState } from '../../renderer/feed/ingest';
import { createBoundaryLoader, setPageBoundaryLoader, type BoundaryLoader } from '../../renderer/geo/boundaries';
import { ApiError } from '../../renderer/api/client';
import { appError } from '../../shared/errors';
import { createWallStore, type WallStore } from '../../renderer/store/wallStore';
import { createSharedWebgl, setSharedWebgl, type RendererLike, type SharedWebgl } from '../../renderer/widgets/common/webgl-shared';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { PROVINCE_CODES } from '../../shared/regions';
import { rankScores, rankText } from '../../shared/rankings';
import { shortSource, sourceLine } from '../../shared/format/source';
import { readJson } from './fixtures';
import { cleanup, showWall, tileEl, waitUntil, wallStore } from './render';
import { provincesTopoPath } from '../support/paths';
import type { Object3D, Scene } from 'three';

/**
 * The three province maps mounted in the real wall view (2×2 55" profile), with the real
 * boundary file and tile grid: what they show, what they repaint, how they fail.
 * jsdom has no canvas and no WebGL: a recording 2D context and a fake renderer stand in,
 * and animation frames run when the test says so.
 */

const VINTAGE = '2025-10-20T09:00:00+07:00';
const GROWTH: IndicatorMeta = {
  code: 'PROV_GRDP_GROWTH',
  name: { vi: 'Tốc độ tăng GRDP', en: 'GRDP growth' },
  unit: '% so với cùng kỳ',
  periodicity: 'quarter',
  direction: 'up',
};
const OTHER: IndicatorMeta = { ...GROWTH, code: 'GDP_GROWTH', name: { vi: 'Tốc độ tăng GDP', en: 'GDP growth' } };

const obs = (region: string, value: number | null, indicator = GROWTH.code, vintage = VINTAGE): Observation => ({
  indicator,
  region,
  period: '2025-Q3',
  value,
  vintage,
  status: 'official',
  demo: false,
  provenance: { submissionId: null, agency: `P${region}`, regime: null, source: null },
});

/** 6,0 + 0,2 × index; Hưng Yên (33) and Cần Thơ (92) have not reported. */
const figures = () =>
  PROVINCE_CODES.filter((c) => c !== '33' && c !== '92').map((code) => obs(code, Math.round((6 + 0.2 * PROVINCE_CODES.indexOf(code)) * 10) / 10));

const layout = {
  schemaVersion: 1,
  id: 'maps-dom',
  title: { vi: 'Bản đồ' },
  grid: { columns: 24, rows: 12 },
  tiles: [
    { id: 'geo', widget: 'map-geo', x: 0, y: 0, w: 8, h: 12, binding: { indicators: [GROWTH.code] }, options: { highlight: '79' } },
    { id: 'grid', widget: 'map-tiles', x: 8, y: 0, w: 4, h: 12, binding: { indicators: [GROWTH.code] }, options: { highlight: '01' } },
    { id: 'm3d-a', widget: 'map-3d', x: 12, y: 0, w: 12, h: 6, binding: { indicators: [GROWTH.code] } },
    { id: 'm3d-b', widget: 'map-3d', x: 12, y: 6, w: 12, h: 6, binding: { indicators: [GROWTH.code] }, options: { orbitSpeed: 0, topLabels: 3 } },
  ],
};

/** The wall with the layout's tiles (or only those named). */
function wall(only?: string[], observations: Observation[] = figures()): WallStore {
  const tiles = only ? layout.tiles.filter((t) => only.includes(t.id)) : layout.tiles;
  return wallStore({ seq: 1, serverTime: VINTAGE, indicators: [GROWTH, OTHER], observations }, { revision: 1, profile: readJson('assets/profiles/wall-2x2-55in.json'), layout: { ...layout, tiles } });
}

function change(store: WallStore, seq: number, observation: Observation) {
  act(() => {
    store.ingestChanges({ seq, changes: [{ seq, kind: 'observation', observation }] });
    store.flush();
  });
}

const show = showWall;
const tile = tileEl;
const mapOf = (root: ParentNode, id: string) => tile(root, id).querySelector<HTMLElement>('.map')!;
/** The highlighted province's name and figure, without its rank line. */
const highlightFigure = (map: HTMLElement) =>
  ['.map-header__highlight-name', '.map-header__highlight-value'].map((s) => map.querySelector(`[data-field="highlight"] ${s}`)!.textContent).join(' ');

// ------------------------------------------------------------------ stand-ins

/** Animation frames run only in `runFrames()`. */
let frames: FrameRequestCallback[] = [];
function runFrames(rounds = 1) {
  act(() => {
    for (let i = 0; i < rounds; i++) {
      const due = frames;
      frames = [];
      due.forEach((cb) => cb(performance.now()));
    }
  });
}

/** A 2D context that records its calls; enough for the painter and the hatch. */
const calls: string[] = [];
function fake2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const target: Record<string, unknown> = {
    canvas,
    measureText: (text: string) => ({ width: text.length * 10 }),
    createPattern: () => ({}) as CanvasPattern,
  };
  return new Proxy(target, {
    get(t, key: string) {
      if (key in t) return t[key];
      return (..._args: unknown[]) => {
        calls.push(key);
      };
    },
    set(t, key: string, value) {
      t[key] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
}

class FakePath2D {
  constructor(readonly d?: string) {}
  addPath() {}
}

let topology: unknown;
let restoreGetContext: () => void;
beforeAll(() => {
  topology = JSON.parse(readFileSync(provincesTopoPath, 'utf8'));
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string) {
    return kind === '2d' ? fake2d(this) : null;
  } as typeof HTMLCanvasElement.prototype.getContext;
  restoreGetContext = () => {
    HTMLCanvasElement.prototype.getContext = original;
  };
  vi.stubGlobal('Path2D', FakePath2D);
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {});
});
afterAll(() => {
  restoreGetContext();
  vi.unstubAllGlobals();
});

let loader: BoundaryLoader;
let renderers: { renders: number; disposed: boolean }[];
/** Every scene a renderer was asked to draw. */
let scenes: Set<Scene>;
let shared: SharedWebgl;
let glCanvases: HTMLCanvasElement[];
beforeEach(() => {
  frames = [];
  calls.length = 0;
  loader = createBoundaryLoader({ load: async () => topology, backoff: () => 60_000 });
  setPageBoundaryLoader(loader);
  renderers = [];
  scenes = new Set();
  glCanvases = [];
  shared = createSharedWebgl({
    createCanvas: () => {
      const c = document.createElement('canvas');
      glCanvases.push(c);
      return c;
    },
    createRenderer: () => {
      const r: RendererLike & { renders: number; disposed: boolean } = {
        renders: 0,
        disposed: false,
        setPixelRatio() {},
        setSize() {},
        setViewport() {},
        setScissor() {},
        setScissorTest() {},
        setClearColor() {},
        render(scene) {
          r.renders += 1;
          scenes.add(scene);
        },
        dispose() {
          r.disposed = true;
        },
        forceContextLoss() {},
      };
      renderers.push(r);
      return r;
    },
    requestFrame: (cb) => frames.push(cb),
    cancelFrame: () => {},
  });
  setSharedWebgl(shared);
});
afterEach(() => {
  cleanup();
  loader.dispose();
  setPageBoundaryLoader(null);
  setSharedWebgl(null);
});

// ------------------------------------------------------------------ tile map

describe('province tile map', () => {
  it('draws 34 equal squares with short name, vi-VN figure and class colour; hatches the missing; outlines the highlight', () => {
    const { container } = show(wall(['grid']));
    const map = mapOf(container, 'grid');
    expect(map.dataset.provincesDrawn).toBe('34');
    expect(map.dataset.highlight).toBe('01');
    expect(map.dataset.arrangement).toBe('overlay'); // 640 × 2160: the header and legend sit in the grid's hole
    const cells = map.querySelectorAll<HTMLElement>('[data-province]');
    expect(cells).toHaveLength(34);
    const hcm = map.querySelector<HTMLElement>('[data-province="79"]')!;
    expect(hcm.querySelector('[data-field="province-name"]')!.textContent).toBe('Hồ ChíMinh');
    expect(hcm.querySelector('[data-field="province-value"]')!.textContent).toBe('11,4'); // 6 + 0,2 × 27
    expect(hcm.dataset.fill).toMatch(/^(#|rgb)/);
    const hungYen = map.querySelector<HTMLElement>('[data-province="33"]')!;
    expect(hungYen.dataset.noData).toBe('');
    expect(hungYen.querySelector('.map-hatch')).not.toBeNull();
    expect(hungYen.querySelector('[data-field="province-value"]')!.textContent).toBe('—');
    expect(map.querySelector<HTMLElement>('[data-province="01"]')!.dataset.highlighted).toBe('');
    const legend = [...map.querySelectorAll<HTMLElement>('[data-legend-entry]')];
    expect(legend.map((e) => e.textContent)).toEqual(['12 – 14', '10 – 12', '8 – 10', '6 – 8', 'Chưa có số liệu']);
    expect(legend.at(-1)!.dataset.count).toBe('2');
    expect(map.querySelector('[data-field="legend-unit"]')!.textContent).toBe('% so với cùng kỳ');
    expect(map.querySelector('[data-field="period"]')!.textContent).toBe('Quý 3/2025');
  });

  it('names the highlighted province with its rank among the provinces with a figure, and re-ranks as reports arrive', () => {
    const store = wall(['grid']);
    const { container } = show(store);
    const map = mapOf(container, 'grid');
    const rankOf01 = (observations: Observation[]) => {
      const ranking = rankScores(observations.map((o) => ({ code: o.region, value: o.value! })), GROWTH.direction);
      return rankText(ranking.rankOf('01')!, ranking.total);
    };
    const rank = () => map.querySelector('[data-field="highlight"][data-highlight-province="01"] [data-field="highlight-rank"]')!.textContent;
    expect(rank()).toBe(rankOf01(figures()));
    // Hưng Yên reports a figure above Hà Nội's: one more province ranked, Hà Nội one place down.
    const hungYen = obs('33', 9.05, GROWTH.code, '2025-10-21T09:00:00+07:00');
    change(store, 2, hungYen);
    expect(rank()).toBe(rankOf01([...figures(), hungYen]));
    expect(map.querySelector('[data-field="source"]')).toBeNull(); // not a ranking: no publisher line
  });

  it('changes when a province reports, and not at all for another indicator or the national figure', () => {
    const store = wall(['grid']);
    const { container } = show(store);
    const map = mapOf(container, 'grid');
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((m) => mutations.push(...m));
    observer.observe(map, { subtree: true, childList: true, characterData: true, attributes: true });
    change(store, 2, obs('01', 7.7, OTHER.code));
    change(store, 3, obs('VN', 8.1));
    expect(observer.takeRecords().concat(mutations)).toHaveLength(0);
    change(store, 4, obs('33', 9.05, GROWTH.code, '2025-10-21T09:00:00+07:00'));
    const hungYen = map.querySelector<HTMLElement>('[data-province="33"]')!;
    expect(hungYen.dataset.noData).toBeUndefined();
    expect(hungYen.querySelector('[data-field="province-value"]')!.textContent).toBe('9,05');
    observer.disconnect();
  });

  it('shows a bad figure as no data for that province only', () => {
    const bad = figures().map((o) => (o.region === '01' ? { ...o, value: Number.NaN } : o));
    // NaN cannot pass the feed's validation; it reaches a widget only through a bug — the map still holds.
    const store = wall(['grid']);
    act(() => {
      store.api.setState((s) => ({ observations: { ...s.observations, [`${GROWTH.code}|01|2025-Q3`]: bad.find((o) => o.region === '01')! } }));
    });
    const { container } = show(store);
    const map = mapOf(container, 'grid');
    expect(map.querySelector<HTMLElement>('[data-province="01"]')!.dataset.noData).toBe('');
    expect(map.querySelector<HTMLElement>('[data-province="79"]')!.dataset.noData).toBeUndefined();
    expect(map.dataset.provincesWithData).toBe('31');
  });
});

// ------------------------------------------------------------------ geographic map

describe('geographic province map', () => {
  it('says it is loading, then paints the 34 provinces once the boundaries arrive, with legend and highlight', async () => {
    const { container } = show(wall(['geo', 'grid']));
    const map = mapOf(container, 'geo');
    expect(map.querySelector('[data-field="geo-loading"]')).not.toBeNull();
    await waitUntil(() => expect(map.dataset.geoState).toBe('ready'));
    runFrames();
    expect(map.dataset.provincesDrawn).toBe('34');
    expect(map.dataset.highlight).toBe('79');
    expect(map.querySelector('[data-field="geo-loading"]')).toBeNull();
    expect(calls.filter((c) => c === 'fill').length).toBeGreaterThanOrEqual(34);
    expect(map.dataset.seaLabels).toBe('hoang-sa truong-sa bien-dong');
    // The highlighted province is always labelled; its figure is in the header.
    expect(map.dataset.labels!.split(' ')).toContain('79');
    expect(highlightFigure(map)).toBe('Hồ Chí Minh 11,4');
    const ranking = rankScores(figures().map((o) => ({ code: o.region, value: o.value! })), GROWTH.direction);
    expect(map.querySelector('[data-field="highlight-rank"]')!.textContent).toBe(rankText(ranking.rankOf('79')!, ranking.total));
    expect([...map.querySelectorAll('[data-legend-entry]')].map((e) => e.getAttribute('data-legend-entry'))).toEqual([
      'class',
      'class',
      'class',
      'class',
      'no-data',
    ]);
  });

  it('repaints only when this indicator’s provincial figures change, once per frame', async () => {
    const store = wall(['geo']);
    const { container } = show(store);
    const map = mapOf(container, 'geo');
    await waitUntil(() => expect(map.dataset.geoState).toBe('ready'));
    runFrames();
    const paints = Number(map.dataset.paints);
    change(store, 2, obs('01', 7.7, OTHER.code));
    change(store, 3, obs('VN', 8.1));
    runFrames();
    expect(Number(map.dataset.paints)).toBe(paints);
    change(store, 4, obs('79', 6.5, GROWTH.code, '2025-10-21T09:00:00+07:00'));
    change(store, 5, obs('01', 6.6, GROWTH.code, '2025-10-21T09:00:00+07:00'));
    expect(Number(map.dataset.paints)).toBe(paints); // nothing painted inside the store's commit
    runFrames();
    expect(Number(map.dataset.paints)).toBe(paints + 1); // two changes, one frame, one paint
    expect(highlightFigure(map)).toBe('Hồ Chí Minh 6,5');
  });

  it('shows a clear message when the boundaries cannot be fetched, and draws once a retry succeeds', async () => {
    let attempts = 0;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    loader.dispose();
    loader = createBoundaryLoader({
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new ApiError(503, appError('client.http_error', { status: 503 }));
        return topology;
      },
      backoff: () => 50,
    });
    setPageBoundaryLoader(loader);
    const { container } = show(wall(['geo', 'grid']));
    const map = mapOf(container, 'geo');
    await waitUntil(() => expect(map.querySelector('[data-field="geo-error"]')).not.toBeNull());
    const message = map.querySelector<HTMLElement>('[data-field="geo-error"]')!;
    expect(message.getAttribute('role')).toBe('alert');
    expect(message.textContent).toContain('Chưa tải được bản đồ ranh giới tỉnh');
    expect(message.textContent).toContain('HTTP 503');
    // The tile map needs no boundary file: it is already complete.
    expect(mapOf(container, 'grid').dataset.provincesDrawn).toBe('34');
    await waitUntil(() => expect(map.dataset.geoState).toBe('ready'), 3000);
    runFrames();
    expect(map.dataset.provincesDrawn).toBe('34');
    expect(attempts).toBe(2);
    errors.mockRestore();
  });

  it('fetches nothing in a window whose screen shows no map', () => {
    const store = createWallStore({ schedule: () => () => {} });
    acceptSnapshot(store, { seq: 1, serverTime: VINTAGE, indicators: [GROWTH], observations: figures() });
    const kpiOnly = { ...layout, tiles: [{ id: 'k', widget: 'kpi', x: 0, y: 0, w: 4, h: 3, binding: { indicators: [GROWTH.code], region: '01' } }, { ...layout.tiles[2]!, x: 12, y: 6 }] };
    acceptWallState(store, { revision: 1, profile: readJson('assets/profiles/wall-2x2-55in.json'), layout: kpiOnly });
    store.flush();
    show(store, 's1');
    expect(loader.getState().status).toBe('idle');
  });
});

// ------------------------------------------------------------------ 3D map

describe('3D province map', () => {
  const build = async (root: ParentNode) => {
    await waitUntil(() => expect(root.querySelectorAll('.map-3d:not([data-provinces-drawn="0"])')).toHaveLength(2), 15_000);
    runFrames(2);
  };
  /** The province codes of the boundary file the maps were given. */
  const fileCodes = () => (topology as { objects: { provinces: { geometries: { id: string }[] } } }).objects.provinces.geometries.map((g) => g.id).sort();
  /** For each scene drawn, the provinces it holds a mesh for (meshes are named by province code). */
  const meshCodes = () =>
    [...scenes].map((scene) => {
      const codes = new Set<string>();
      scene.traverse((o: Object3D) => {
        if ((o as Object3D & { isMesh?: boolean }).isMesh && o.name) codes.add(o.name);
      });
      return [...codes].sort();
    });

  it('draws every 3D tile of the window through ONE WebGL context', async () => {
    const { container } = show(wall(['m3d-a', 'm3d-b']));
    await build(container);
    const maps = [mapOf(container, 'm3d-a'), mapOf(container, 'm3d-b')];
    expect(renderers).toHaveLength(1);
    expect(glCanvases).toHaveLength(1);
    for (const m of maps) {
      expect(m.dataset.webglContexts).toBe('1');
      expect(m.dataset.webglViews).toBe('2');
      expect(m.dataset.webglState).toBe('ready');
      expect(Number(m.dataset.frames)).toBeGreaterThan(0);
    }
    expect(renderers[0]!.renders).toBeGreaterThanOrEqual(2);
    // Each tile's scene, as drawn, holds a mesh for every province of the boundary file.
    expect(fileCodes()).toHaveLength(34);
    expect(meshCodes()).toEqual([fileCodes(), fileCodes()]);
    for (const m of maps) expect(m.dataset.provincesDrawn).toBe(String(fileCodes().length));
  }, 30_000);

  it('lists and labels the top provinces, highest first', async () => {
    const { container } = show(wall(['m3d-a', 'm3d-b']));
    await build(container);
    const a = mapOf(container, 'm3d-a');
    const ranks = [...a.querySelectorAll<HTMLElement>('[data-top-rank]')];
    // Cà Mau (index 33) is the highest: 6 + 0,2 × 33 = 12,6; Cần Thơ has no figure.
    expect(ranks.map((r) => r.dataset.province)).toEqual(['96', '91', '86', '82', '80']);
    expect(ranks[0]!.textContent).toBe('1Cà Mau12,6');
    expect(a.querySelectorAll('[data-label]')).toHaveLength(5);
    expect(mapOf(container, 'm3d-b').querySelectorAll('[data-top-rank]')).toHaveLength(3);
    // The archipelagos are named on the 3D map too.
    expect([...a.querySelectorAll<HTMLElement>('[data-archipelago-id]')].map((e) => e.textContent)).toEqual(['Quần đảo Hoàng Sa', 'Quần đảo Trường Sa']);
  }, 30_000);

  it('lists a published ranking by rank, «hạng N/total», under its publisher', async () => {
    const pci: IndicatorMeta = {
      code: 'PROV_PCI',
      name: { vi: 'Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)', en: 'PCI' },
      unit: 'điểm',
      periodicity: 'year',
      direction: 'up',
      scope: 'province',
      source: 'Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)',
      ranking: true,
    };
    // Scores with a tie at the top (two provinces share rank 1) and one province without a figure.
    const scores = PROVINCE_CODES.filter((c) => c !== '92').map((code, i) => ({ ...obs(code, i < 2 ? 75 : 60 + (i % 13), pci.code), period: '2025' }));
    const tiles = [{ id: 'pci', widget: 'map-3d', x: 12, y: 0, w: 12, h: 6, binding: { indicators: [pci.code] }, options: { orbitSpeed: 0, topLabels: 4 } }];
    const store = wallStore({ seq: 1, serverTime: VINTAGE, indicators: [pci], observations: scores }, { revision: 1, profile: readJson('assets/profiles/wall-2x2-55in.json'), layout: { ...layout, tiles } });
    const { container } = show(store);
    await waitUntil(() => expect(container.querySelectorAll('.map-3d:not([data-provinces-drawn="0"])')).toHaveLength(1), 15_000);
    runFrames(2);
    const map = mapOf(container, 'pci');
    const ranking = rankScores(scores.map((o) => ({ code: o.region, value: o.value! })), pci.direction);
    const items = [...map.querySelectorAll<HTMLElement>('[data-top-rank]')];
    expect(items.map((e) => e.dataset.province)).toEqual(ranking.rows.slice(0, 4).map((r) => r.code));
    for (const e of items) {
      const r = ranking.rankOf(e.dataset.province!)!;
      expect(e.dataset.topRank).toBe(String(r.rank));
      expect(e.dataset.rankText).toBe(rankText(r, ranking.total));
    }
    expect(items[0]!.dataset.rankText).toBe(`hạng 1/${ranking.total} (đồng hạng)`);
    expect(map.querySelector('[data-field="top-title"]')!.textContent).toBe(`Xếp hạng /${ranking.total}`);
    expect(map.querySelector('[data-field="source"]')!.textContent).toBe(sourceLine(shortSource(pci.source)!));
    expect(map.querySelector('[data-field="period"]')!.textContent).toBe('Năm 2025');
  }, 30_000);

  it('says 3D is being restored when the context is lost, and draws again once it is back', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const { container } = show(wall(['m3d-a', 'm3d-b']));
    await build(container);
    const a = mapOf(container, 'm3d-a');
    act(() => {
      glCanvases[0]!.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    });
    expect(a.dataset.webglState).toBe('lost');
    expect(a.querySelector('[data-field="webgl-lost"]')!.textContent).toContain('Đang khôi phục hiển thị 3D');
    act(() => {
      glCanvases[0]!.dispatchEvent(new Event('webglcontextrestored'));
    });
    await waitUntil(() => expect(a.dataset.webglState).toBe('ready'));
    expect(a.dataset.webglGeneration).toBe('2');
    expect(a.querySelector('[data-field="webgl-lost"]')).toBeNull();
    const before = Number(a.dataset.frames);
    runFrames(2);
    expect(Number(a.dataset.frames)).toBeGreaterThan(before);
    expect(renderers).toHaveLength(1);
    expect(a.dataset.webglContexts).toBe('1');
    errors.mockRestore();
    info.mockRestore();
  }, 30_000);
});
