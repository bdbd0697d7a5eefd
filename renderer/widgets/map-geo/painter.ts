import type { PreparedGeo } from '../../geo/prepare';
import type { Choropleth } from '../common/map-data';
import { layoutGeoMap, planLabels, type GeoLayout, type Measure } from './model';
import { buildPaths, labelFont, paintGeoMap, type PathCache } from './paint';

/**
 * Owns one map tile's canvas outside React: takes the boundaries, the choropleth, the
 * size and the options as they change, and repaints at most once per animation frame
 * (never from inside a store commit). The layout (projection, Path2D objects) is rebuilt
 * only when the size, the boundaries or the archipelago placement change; a new figure
 * only refills.
 *
 * It writes what it drew onto the tile's root for tests and technicians:
 * `data-provinces-drawn`, `data-labels` (codes of the labels shown), `data-paints`.
 */

export interface GeoPainterOptions {
  labels: 'names' | 'names-values' | 'none';
  archipelagos: 'in-place' | 'inset';
  highlight: string | undefined;
}

type Frame = (cb: () => void) => number;

const defaultFrame: Frame = (cb) =>
  typeof requestAnimationFrame === 'function' ? requestAnimationFrame(cb) : (setTimeout(cb, 16) as unknown as number);
const defaultCancel = (id: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(id) : clearTimeout(id));

/** Pixels of backing store per layout pixel: the screen's density times the wall's scale. */
export function pixelRatioOf(el: Element): number {
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const scaled = el.closest<HTMLElement>('[data-scale]');
  const wall = scaled ? Number(scaled.dataset.scale) : 1;
  const ratio = dpr * (Number.isFinite(wall) && wall > 0 ? wall : 1);
  return Math.min(3, Math.max(0.25, ratio));
}

const MAX_BACKING_PIXELS = 16_000_000;

export class GeoPainter {
  private geo: PreparedGeo | null = null;
  private view: Choropleth | null = null;
  private width = 0;
  private height = 0;
  private ratio = 1;
  private tileWidth = 0;
  private tileHeight = 0;
  private options: GeoPainterOptions = { labels: 'names', archipelagos: 'in-place', highlight: undefined };
  private layout: GeoLayout | null = null;
  private paths: PathCache | null = null;
  private layoutDirty = true;
  private frame = 0;
  private disposed = false;
  private measureCache = new Map<string, number>();
  paints = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly root: HTMLElement,
    private readonly requestFrame: Frame = defaultFrame,
    private readonly cancelFrame: (id: number) => void = defaultCancel,
  ) {}

  setGeo(geo: PreparedGeo | null): void {
    if (geo === this.geo) return;
    this.geo = geo;
    this.layoutDirty = true;
    this.request();
  }

  setView(view: Choropleth): void {
    this.view = view;
    this.request();
  }

  setSize(width: number, height: number, ratio: number, tile: { width: number; height: number }): void {
    const { width: tileWidth, height: tileHeight } = tile;
    if (width === this.width && height === this.height && ratio === this.ratio && tileHeight === this.tileHeight && tileWidth === this.tileWidth) {
      return;
    }
    if (width !== this.width || height !== this.height) this.layoutDirty = true;
    this.width = width;
    this.height = height;
    this.ratio = ratio;
    this.tileWidth = tileWidth;
    this.tileHeight = tileHeight;
    this.request();
  }

  setOptions(options: GeoPainterOptions): void {
    if (options.archipelagos !== this.options.archipelagos) this.layoutDirty = true;
    this.options = options;
    this.request();
  }

  /** Text metrics changed (the web font arrived): measure again. */
  fontsChanged(): void {
    this.measureCache.clear();
    this.request();
  }

  request(): void {
    if (this.frame || this.disposed) return;
    this.frame = this.requestFrame(() => {
      this.frame = 0;
      if (!this.disposed) this.paint();
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame) this.cancelFrame(this.frame);
    this.frame = 0;
  }

  /** Draws now. Public for tests; the page goes through request(). */
  paint(): void {
    if (this.layoutDirty) {
      this.layoutDirty = false;
      this.layout = this.geo ? layoutGeoMap(this.geo, this.width, this.height, this.options.archipelagos) : null;
      this.paths = null;
    }
    const ctx = this.layout ? this.canvas.getContext('2d') : null;
    if (!this.layout || !ctx || typeof Path2D === 'undefined') {
      this.root.dataset.provincesDrawn = '0';
      return;
    }
    this.paths ??= buildPaths(this.layout);
    let ratio = this.ratio;
    if (this.width * this.height * ratio * ratio > MAX_BACKING_PIXELS) ratio = Math.sqrt(MAX_BACKING_PIXELS / (this.width * this.height));
    const w = Math.max(1, Math.round(this.width * ratio));
    const h = Math.max(1, Math.round(this.height * ratio));
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;

    const measure: Measure = (text, px, weight) => {
      const key = `${weight}|${px}|${text}`;
      let width = this.measureCache.get(key);
      if (width === undefined) {
        ctx.font = labelFont(px, weight);
        width = ctx.measureText(text).width;
        this.measureCache.set(key, width);
      }
      return width;
    };
    const labels = planLabels(
      this.layout,
      this.view,
      this.options.labels,
      { width: this.tileWidth, height: this.tileHeight },
      measure,
      this.options.highlight,
    );
    const drawn = paintGeoMap(ctx, {
      layout: this.layout,
      paths: this.paths,
      view: this.view,
      labels,
      highlight: this.options.highlight,
      ratio: w / this.width,
      tileHeight: this.tileHeight,
    });
    this.paints += 1;
    this.root.dataset.provincesDrawn = String(drawn);
    this.root.dataset.labels = labels.labels.map((l) => l.code).join(' ');
    this.root.dataset.seaLabels = labels.sea.map((l) => l.id).join(' ');
    this.root.dataset.paints = String(this.paints);
  }
}
