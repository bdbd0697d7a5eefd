import { geoPath, type GeoProjection } from 'd3';
import { fitProjection } from '../../../shared/geo';
import type { PreparedGeo } from '../../geo/prepare';
import { splitName, type Choropleth } from '../common/map-data';

/**
 * The geographic map without a canvas: where each province, archipelago and label goes in
 * a box of the tile's size, and which labels fit. The painter (paint.ts) only draws what
 * this decides, so the rules are tested without a browser.
 */

export type Box = [[number, number], [number, number]];

export interface ProvinceShape {
  code: string;
  /** SVG path data of every polygon of the province (islands, archipelagos) in this box. */
  path: string;
  /** The projected box of its mainland polygon: what its label must fit inside. */
  box: Box;
  /** Where its label is centred (labelPoint, projected). */
  label: [number, number];
  /** The projected area of its mainland box, for label priority. */
  boxArea: number;
}

export interface ArchipelagoShape {
  id: string | null;
  name: string | null;
  province: string;
  path: string;
  box: Box;
}

export interface GeoLayout {
  width: number;
  height: number;
  archipelagos: 'in-place' | 'inset';
  provinces: ProvinceShape[];
  archipelagoShapes: ArchipelagoShape[];
  /** The framed inset box (archipelagos: 'inset'). */
  inset: { x: number; y: number; width: number; height: number } | null;
  /** Where "Biển Đông" goes in the sea, when there is room. */
  sea: [number, number] | null;
}

/** Padding around the map, as a fraction of the box's smaller side. */
const PAD = 0.03;
/** In inset mode, the share of the width the inset column takes. */
const INSET_SHARE = 0.3;

const boxOf = (path: ReturnType<typeof geoPath>, object: Parameters<ReturnType<typeof geoPath>['bounds']>[0]): Box => {
  const [[x0, y0], [x1, y1]] = path.bounds(object);
  return [
    [x0, y0],
    [x1, y1],
  ];
};

/**
 * The map laid out in a `width` × `height` box: the projection fitted to the whole
 * territory (archipelagos in place), or to the mainland with the archipelagos in a framed
 * inset on the right.
 */
export function layoutGeoMap(geo: PreparedGeo, width: number, height: number, archipelagos: 'in-place' | 'inset' = 'in-place'): GeoLayout | null {
  if (!(width > 8 && height > 8)) return null;
  const pad = Math.max(2, Math.min(width, height) * PAD);
  const hasArchipelagos = geo.archipelagos.length > 0;
  const inset = archipelagos === 'inset' && hasArchipelagos;
  const mainWidth = inset ? width * (1 - INSET_SHARE) : width;
  let projection: GeoProjection;
  try {
    projection = inset
      ? fitProjection(
          geo.provinces.map((p) => p.near),
          mainWidth,
          height,
          { padding: pad },
        )
      : fitProjection(geo.collection, width, height, { padding: pad });
  } catch {
    return null;
  }
  const path = geoPath(projection);
  const provinces: ProvinceShape[] = geo.provinces.map((p) => {
    const box = boxOf(path, p.mainland);
    const label = projection(p.label) ?? [(box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2];
    return {
      code: p.code,
      path: path(inset ? p.near : p.feature) ?? '',
      box,
      label: [label[0], label[1]],
      boxArea: (box[1][0] - box[0][0]) * (box[1][1] - box[0][1]),
    };
  });

  let insetBox: GeoLayout['inset'] = null;
  let archipelagoShapes: ArchipelagoShape[];
  if (inset) {
    const x = mainWidth + pad * 0.5;
    const w = width - x - pad;
    const h = Math.min(height - 2 * pad, w * 1.5);
    insetBox = { x, y: (height - h) / 2, width: w, height: h };
    let insetProjection: GeoProjection | null = null;
    try {
      insetProjection = fitProjection(
        geo.archipelagos.map((a) => a.feature),
        width,
        height,
        {
          padding: {
            left: insetBox.x + w * 0.08,
            right: width - insetBox.x - w * 0.92,
            top: insetBox.y + h * 0.1,
            bottom: height - insetBox.y - h * 0.9,
          },
        },
      );
    } catch {
      insetProjection = null;
    }
    const insetPath = insetProjection ? geoPath(insetProjection) : null;
    archipelagoShapes = insetPath
      ? geo.archipelagos.map((a) => ({
          id: a.id,
          name: a.name?.vi ?? null,
          province: a.province,
          path: insetPath(a.feature) ?? '',
          box: boxOf(insetPath, a.feature),
        }))
      : [];
  } else {
    archipelagoShapes = geo.archipelagos.map((a) => ({
      id: a.id,
      name: a.name?.vi ?? null,
      province: a.province,
      path: '', // drawn with their province
      box: boxOf(path, a.feature),
    }));
  }
  // "Biển Đông" between the coast and the archipelagos (≈ 112° E, 13.5° N) when in place.
  const seaPoint = !inset && hasArchipelagos ? projection([112.2, 13.4]) : null;
  return {
    width,
    height,
    archipelagos: inset ? 'inset' : 'in-place',
    provinces,
    archipelagoShapes,
    inset: insetBox,
    sea: seaPoint ? [seaPoint[0], seaPoint[1]] : null,
  };
}

// ---------------------------------------------------------------- labels

export interface LabelVariant {
  lines: string[];
  /** The text box's size. */
  width: number;
  height: number;
}

export interface LabelCandidate {
  code: string;
  /** Ways to write the label, tried in order (one line, then the name on two lines). */
  variants: LabelVariant[];
  /** Centre of the label. */
  x: number;
  y: number;
  /** Must lie inside this box (the province's projected mainland box). */
  box: Box;
  /** Higher goes first. */
  priority: number;
  /** Placed even when it does not fit its box (the highlighted province). */
  force?: boolean;
}

export interface PlacedLabel {
  code: string;
  lines: string[];
  /** Centre of the text box actually used. */
  x: number;
  y: number;
  width: number;
  height: number;
  rect: Box;
}

const overlaps = (a: Box, b: Box) => a[0][0] < b[1][0] && b[0][0] < a[1][0] && a[0][1] < b[1][1] && b[0][1] < a[1][1];
const inside = (a: Box, b: Box) => a[0][0] >= b[0][0] && a[1][0] <= b[1][0] && a[0][1] >= b[0][1] && a[1][1] <= b[1][1];

/**
 * Which labels to draw: a label shows only when its text box — centred on its label
 * point, or slid towards the middle of the box as far as it must while still covering the
 * point — lies inside its province's projected box at this scale, on one line or else with
 * the name on two lines, and meets no label already placed nor a name at sea (highest
 * priority first: the highlighted province, then the larger provinces). A forced label is
 * kept inside the map's bounds instead.
 */
export function fitLabels(
  candidates: readonly LabelCandidate[],
  bounds: { width: number; height: number },
  occupied: readonly Box[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const order = [...candidates].sort((a, b) => Number(!!b.force) - Number(!!a.force) || b.priority - a.priority || a.code.localeCompare(b.code));
  for (const c of order) {
    for (const v of c.variants) {
      let x = c.x;
      let y = c.y;
      if (c.force) {
        x = Math.min(Math.max(x, v.width / 2), bounds.width - v.width / 2);
        y = Math.min(Math.max(y, v.height / 2), bounds.height - v.height / 2);
      } else {
        // Slide the text towards the box's middle as far as it must to fit, never so far
        // that it stops covering its label point.
        const [[bx0, by0], [bx1, by1]] = c.box;
        x = Math.min(Math.max(x, bx0 + v.width / 2), bx1 - v.width / 2, c.x + v.width / 2);
        x = Math.max(x, c.x - v.width / 2);
        y = Math.min(Math.max(y, by0 + v.height / 2), by1 - v.height / 2, c.y + v.height / 2);
        y = Math.max(y, c.y - v.height / 2);
      }
      const rect: Box = [
        [x - v.width / 2, y - v.height / 2],
        [x + v.width / 2, y + v.height / 2],
      ];
      if (!c.force && !inside(rect, c.box)) continue;
      if (placed.some((p) => overlaps(p.rect, rect)) || occupied.some((o) => overlaps(o, rect))) continue;
      placed.push({ code: c.code, lines: v.lines, x, y, width: v.width, height: v.height, rect });
      break;
    }
  }
  return placed;
}

/** Measures a line of text at a font size (ctx.measureText in the browser). */
export type Measure = (text: string, fontPx: number, weight: number) => number;

/** A rough measure for tests and for a page without a 2D context: 0.56 em a character. */
export const approximateMeasure: Measure = (text, fontPx) => text.length * 0.56 * fontPx;

/**
 * The label font's size: 2.8 % of the TILE's height, or 4.2 % of its width when the tile is
 * narrower than 2:3 (2.8 mu, the `min(1cqh, 1.5cqw)` unit of the HTML around the map, see
 * map.css). A map tile the whole height of the 2×2 55" wall (1 370 mm) then writes 38 mm
 * letters, 28 mm capitals: above the 26 mm that 0.3° asks for at 5 m. Larger type would
 * fit no province at all; the catalogue declares the smallest this gets.
 */
export const LABEL_FONT_FRACTION = 0.028;
export const LABEL_LINE_HEIGHT = 1.12;
export const LABEL_WEIGHT = 600;

export function labelFontPx(tileWidth: number, tileHeight: number): number {
  return Math.max(6, LABEL_FONT_FRACTION * Math.min(tileHeight, 1.5 * tileWidth));
}

export interface SeaLabel {
  kind: 'archipelago' | 'sea';
  /** The archipelago's id, or "bien-dong". */
  id: string;
  lines: string[];
  /** Centre of the text block. */
  x: number;
  y: number;
  rect: Box;
}

const rectAt = (x: number, y: number, w: number, h: number): Box => [
  [x - w / 2, y - h / 2],
  [x + w / 2, y + h / 2],
];

/**
 * The names at sea, which an official map always shows: "Quần đảo Hoàng Sa" above its
 * islands, "Quần đảo Trường Sa" below them (or above, where the map's box ends), on two
 * lines; then "Biển Đông" between them if it meets neither. Each tries its positions in
 * order and takes the first inside the map's box (the inset's box in inset mode) that
 * meets no name placed before and no province's mainland box; an archipelago's name is
 * placed even when none fits.
 */
export function planSeaLabels(layout: GeoLayout, fontPx: number, measure: Measure): SeaLabel[] {
  const placed: SeaLabel[] = [];
  const lineH = fontPx * LABEL_LINE_HEIGHT;
  const area = layout.inset
    ? ([
        [layout.inset.x, layout.inset.y],
        [layout.inset.x + layout.inset.width, layout.inset.y + layout.inset.height],
      ] as Box)
    : ([
        [0, 0],
        [layout.width, layout.height],
      ] as Box);
  // At sea: off every province's mainland box (in place), off the names placed before, off the islands named.
  const land = layout.inset ? [] : layout.provinces.map((p) => p.box);
  const free = (rect: Box, own?: Box) =>
    inside(rect, area) &&
    !placed.some((p) => overlaps(p.rect, rect)) &&
    !(own && overlaps(rect, own)) &&
    !land.some((box) => overlaps(box, rect));
  const fallback = (rect: Box) => inside(rect, area) && !placed.some((p) => overlaps(p.rect, rect));
  const gap = fontPx * 0.35;
  const ordered = [...layout.archipelagoShapes].sort((a, b) => (a.id === 'hoang-sa' ? -1 : b.id === 'hoang-sa' ? 1 : 0));
  for (const a of ordered) {
    if (!a.name) continue;
    const lines = ['Quần đảo', a.name.replace(/^Quần đảo\s+/, '')];
    const w = Math.max(...lines.map((l) => measure(l, fontPx, 500))) + fontPx * 0.3;
    const h = lines.length * lineH;
    const [[x0, y0], [x1, y1]] = a.box;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const clampX = (x: number) => Math.min(Math.max(x, area[0][0] + w / 2), area[1][0] - w / 2);
    const above: [number, number] = [clampX(cx), y0 - gap - h / 2];
    const below: [number, number] = [clampX(cx), y1 + gap + h / 2];
    const left: [number, number] = [x0 - gap - w / 2, cy];
    const right: [number, number] = [x1 + gap + w / 2, cy];
    const candidates = a.id === 'truong-sa' ? [below, above, right, left] : [above, right, below, left];
    const chosen =
      candidates.find(([x, y]) => free(rectAt(x, y, w, h), a.box)) ??
      candidates.find(([x, y]) => fallback(rectAt(x, y, w, h))) ??
      candidates[0]!;
    placed.push({ kind: 'archipelago', id: a.id ?? a.province, lines, x: chosen[0], y: chosen[1], rect: rectAt(chosen[0], chosen[1], w, h) });
  }
  if (layout.sea) {
    const lines = ['Biển Đông'];
    const w = measure(lines[0]!, fontPx, 500) + fontPx * 0.3;
    const [sx, sy] = layout.sea;
    for (const [x, y] of [
      [sx, sy],
      [sx, sy - lineH],
      [sx, sy + lineH],
      [sx + w / 2, sy],
    ] as [number, number][]) {
      const rect = rectAt(x, y, w, lineH);
      if (free(rect)) {
        placed.push({ kind: 'sea', id: 'bien-dong', lines, x, y, rect });
        break;
      }
    }
  }
  return placed;
}

export interface LabelPlan {
  fontPx: number;
  labels: PlacedLabel[];
  sea: SeaLabel[];
}

/** The province labels and the names at sea of a laid-out map for a choropleth. */
export function planLabels(
  layout: GeoLayout,
  view: Choropleth | null,
  mode: 'names' | 'names-values' | 'none',
  tile: { width: number; height: number },
  measure: Measure,
  highlight?: string,
): LabelPlan {
  const fontPx = labelFontPx(tile.width, tile.height);
  const sea = planSeaLabels(layout, fontPx, measure);
  if (mode === 'none') return { fontPx, labels: [], sea };
  const variant = (lines: string[]): LabelVariant => ({
    lines,
    width: Math.max(...lines.map((line) => measure(line, fontPx, LABEL_WEIGHT))) + fontPx * 0.3,
    height: lines.length * fontPx * LABEL_LINE_HEIGHT,
  });
  const candidates: LabelCandidate[] = layout.provinces.map((shape) => {
    const province = view?.byCode.get(shape.code);
    const name = province?.name ?? shape.code;
    const value = mode === 'names-values' && province ? [province.valueText] : [];
    const split = splitName(name);
    const variants = [variant([name, ...value])];
    if (split.length > 1) variants.push(variant([...split, ...value]));
    return { code: shape.code, variants, x: shape.label[0], y: shape.label[1], box: shape.box, priority: shape.boxArea, force: shape.code === highlight };
  });
  return { fontPx, labels: fitLabels(candidates, layout, sea.map((s) => s.rect)), sea };
}
