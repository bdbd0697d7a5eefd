import { NO_DATA_FILL, NO_DATA_STRIPE, type Choropleth } from '../common/map-data';
import { LABEL_LINE_HEIGHT, LABEL_WEIGHT, type GeoLayout, type LabelPlan } from './model';

/**
 * Draws a laid-out geographic map on a 2D canvas: fills (class colour, or the "no data"
 * hatch), province borders, the highlighted province's outline, the archipelagos with
 * their names, "Biển Đông", and the labels the model placed. Nothing here decides
 * anything; it is called at most once per animation frame.
 */

export const FONT_FAMILY = "'Be Vietnam Pro', 'Segoe UI', 'Noto Sans', system-ui, sans-serif";
export const labelFont = (px: number, weight = LABEL_WEIGHT, style = '') => `${style ? `${style} ` : ''}${weight} ${px}px ${FONT_FAMILY}`;

const BORDER = 'rgba(5, 8, 13, 0.9)';
const COAST = 'rgba(190, 205, 225, 0.55)';
const HIGHLIGHT = '#ffffff';
const SEA_TEXT = 'rgba(143, 190, 235, 0.8)';
const LABEL_HALO = 'rgba(5, 8, 13, 0.88)';

/** Path2D objects of a layout, built once per layout (resize or new boundaries). */
export interface PathCache {
  layout: GeoLayout;
  provinces: Map<string, Path2D>;
  archipelagos: Path2D[];
  all: Path2D;
}

export function buildPaths(layout: GeoLayout): PathCache {
  const provinces = new Map<string, Path2D>();
  const all = new Path2D();
  for (const p of layout.provinces) {
    const path = new Path2D(p.path);
    provinces.set(p.code, path);
    all.addPath(path);
  }
  const archipelagos = layout.archipelagoShapes.filter((a) => a.path).map((a) => new Path2D(a.path));
  for (const a of archipelagos) all.addPath(a);
  return { layout, provinces, archipelagos, all };
}

let hatchTile: HTMLCanvasElement | null = null;

/** The "no data" pattern: grey with light diagonal stripes, `px` wide (device pixels). */
function hatchPattern(ctx: CanvasRenderingContext2D, px: number): CanvasPattern | string {
  const size = Math.max(4, Math.round(px));
  if (!hatchTile || hatchTile.width !== size) {
    hatchTile = document.createElement('canvas');
    hatchTile.width = size;
    hatchTile.height = size;
    const h = hatchTile.getContext('2d');
    if (!h) return NO_DATA_FILL;
    h.fillStyle = NO_DATA_FILL;
    h.fillRect(0, 0, size, size);
    h.strokeStyle = NO_DATA_STRIPE;
    h.lineWidth = Math.max(1, size * 0.22);
    h.beginPath();
    // Three strokes so the stripes join across tiles.
    for (const o of [-size, 0, size]) {
      h.moveTo(o, size);
      h.lineTo(o + size, 0);
    }
    h.stroke();
  }
  return ctx.createPattern(hatchTile, 'repeat') ?? NO_DATA_FILL;
}

export interface PaintInput {
  layout: GeoLayout;
  paths: PathCache;
  view: Choropleth | null;
  labels: LabelPlan;
  highlight: string | undefined;
  /** Device pixels per layout pixel. */
  ratio: number;
  /** The tile's height in layout pixels (line widths follow it). */
  tileHeight: number;
}

function haloText(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, halo: number) {
  ctx.lineWidth = halo;
  ctx.strokeText(text, x, y);
  ctx.fillText(text, x, y);
}

/** Returns how many provinces were drawn. */
export function paintGeoMap(ctx: CanvasRenderingContext2D, input: PaintInput): number {
  const { layout, paths, view, labels, highlight, ratio } = input;
  const canvas = ctx.canvas;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.lineJoin = 'round';
  const hatch = hatchPattern(ctx, 9 * ratio * Math.max(1, input.tileHeight / 900));

  let drawn = 0;
  for (const shape of layout.provinces) {
    const path = paths.provinces.get(shape.code);
    if (!path) continue;
    const province = view?.byCode.get(shape.code);
    ctx.fillStyle = province?.fill ?? hatch;
    ctx.fill(path);
    drawn += 1;
  }
  // The inset's archipelagos, in their province's colour.
  layout.archipelagoShapes.forEach((shape, i) => {
    const path = paths.archipelagos[i];
    if (!path) return;
    ctx.fillStyle = view?.byCode.get(shape.province)?.fill ?? hatch;
    ctx.fill(path);
  });

  // Borders between provinces, then the coast and land border lighter on top.
  ctx.strokeStyle = BORDER;
  ctx.lineWidth = Math.max(0.75, input.tileHeight / 900);
  for (const path of paths.provinces.values()) ctx.stroke(path);
  ctx.strokeStyle = COAST;
  ctx.lineWidth = Math.max(0.5, input.tileHeight / 1800);
  ctx.stroke(paths.all);

  if (highlight) {
    const path = paths.provinces.get(highlight);
    if (path) {
      ctx.strokeStyle = 'rgba(5, 8, 13, 0.95)';
      ctx.lineWidth = Math.max(3, input.tileHeight / 160);
      ctx.stroke(path);
      ctx.strokeStyle = HIGHLIGHT;
      ctx.lineWidth = Math.max(1.5, input.tileHeight / 320);
      ctx.stroke(path);
    }
  }

  const fontPx = labels.fontPx;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';

  // The inset's frame.
  if (layout.inset) {
    const { x, y, width, height } = layout.inset;
    ctx.strokeStyle = 'rgba(190, 205, 225, 0.6)';
    ctx.lineWidth = Math.max(1, input.tileHeight / 900);
    ctx.strokeRect(x, y, width, height);
  }

  // The names at sea (placed by the model): the archipelagos, "Biển Đông".
  ctx.font = labelFont(fontPx, 500, 'italic');
  ctx.fillStyle = SEA_TEXT;
  ctx.strokeStyle = LABEL_HALO;
  for (const label of labels.sea) {
    const top = label.y - ((label.lines.length - 1) * fontPx * LABEL_LINE_HEIGHT) / 2;
    label.lines.forEach((line, i) => haloText(ctx, line, label.x, top + i * fontPx * LABEL_LINE_HEIGHT, fontPx * 0.22));
  }

  // Province labels: white on a dark halo reads on every class colour and on the hatch.
  for (const label of labels.labels) {
    const top = label.y - ((label.lines.length - 1) * fontPx * LABEL_LINE_HEIGHT) / 2;
    label.lines.forEach((line, i) => {
      ctx.font = labelFont(fontPx, LABEL_WEIGHT);
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = LABEL_HALO;
      haloText(ctx, line, label.x, top + i * fontPx * LABEL_LINE_HEIGHT, fontPx * 0.24);
    });
  }
  return drawn;
}
