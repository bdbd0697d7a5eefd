import { Color, WebGLRenderer, type Camera, type Scene } from 'three';
import { rendererLog } from '../../log';

/**
 * ONE WebGL context per window, shared by every 3D tile of that window.
 *
 * Browsers keep only a handful of live WebGL contexts per page (Chromium: 16, fewer on
 * some GPUs) and silently drop the oldest beyond that, so one context per 3D tile does
 * not scale to a wall of them. Design:
 *
 * - One `WebGLRenderer` on an OFFSCREEN canvas (a detached <canvas>), created when the
 *   first 3D tile registers and released a little after the last one leaves.
 * - Each 3D tile owns a visible 2D <canvas> and registers a `WebglView`. One
 *   requestAnimationFrame loop, for all views: for each view that wants a frame, the
 *   shared renderer renders the view's scene into the bottom-left w × h corner of its
 *   drawing buffer (viewport + scissor; the buffer only grows, to the largest view), and
 *   the pixels are copied at once into the tile's canvas with `drawImage` — in the same
 *   task, so the drawing buffer need not be preserved. Views that are still (no orbit, no
 *   tween, no change) cost nothing. The cost of a frame is measured: over FRAME_BUDGET_MS
 *   the resolution (and the animation's pace) drops, well under it rises to 1.5× the
 *   screen's pixels (supersampling in place of multisampling).
 * - Context loss (GPU reset, driver update, too many contexts elsewhere, or
 *   WEBGL_lose_context in a test): `webglcontextlost` is prevented (which asks the
 *   browser to restore), the loop stops and every view shows that 3D is being restored.
 *   On `webglcontextrestored` three's renderer re-initialises its GL state on the same
 *   canvas, then each view is told (`contextChanged('ready', generation)`) and rebuilds
 *   its materials and textures (geometries re-upload by themselves). If no restore comes
 *   within RESTORE_TIMEOUT_MS, the canvas and its renderer are abandoned and a fresh
 *   canvas with a new renderer (a new context) takes their place. Either way there is
 *   never more than one live context.
 */

export type WebglState = 'idle' | 'ready' | 'lost' | 'unavailable';

export interface ViewSize {
  /** Layout pixels. */
  width: number;
  height: number;
  /** Device pixels per layout pixel. */
  ratio: number;
}

export interface WebglView {
  /** The tile's visible 2D canvas the frames are copied into. */
  readonly canvas: HTMLCanvasElement;
  size(): ViewSize;
  /**
   * Whether this view needs a frame at `now`: it changed, or it is animating and its last
   * frame is at least `minIntervalMs` old (the shared loop's pace, see FRAME_BUDGET_MS).
   */
  wantsFrame(now: number, minIntervalMs: number): boolean;
  /** Whether it will want frames after this one without being told (orbit, tween). */
  animating(): boolean;
  /** Brings the scene to `now` for a `width` × `height` device-pixel frame; null: nothing to draw. */
  prepare(now: number, width: number, height: number): { scene: Scene; camera: Camera } | null;
  /** The frame is in the tile's canvas (e.g. move the HTML labels); `info` says at what cost. */
  drawn?(now: number, info: { quality: number; frameMs: number }): void;
  /** The shared context's state changed. On 'ready', rebuild GPU-side resources. */
  contextChanged(state: WebglState, generation: number): void;
}

export interface WebglStats {
  state: WebglState;
  /** Live WebGL contexts this window holds for 3D tiles: 0 or 1. */
  contexts: number;
  /** Counts the context's lives: 1, then +1 for every recovery from a loss. */
  generation: number;
  views: number;
  /** Frames rendered in total. */
  frames: number;
  /** Resolution scale of every view's frame (1 = the screen's pixels), lowered while frames cost too much. */
  quality: number;
  /** Average main-thread cost of one view's frame (render + copy), ms. */
  frameMs: number;
}

/** What the shared renderer needs of three's WebGLRenderer (a fake in unit tests). */
export interface RendererLike {
  setPixelRatio(ratio: number): void;
  setSize(width: number, height: number, updateStyle?: boolean): void;
  setViewport(x: number, y: number, width: number, height: number): void;
  setScissor(x: number, y: number, width: number, height: number): void;
  setScissorTest(enable: boolean): void;
  setClearColor(color: Color | string, alpha?: number): void;
  render(scene: Scene, camera: Camera): void;
  dispose(): void;
  forceContextLoss(): void;
}

export interface SharedWebglDeps {
  createCanvas?: () => HTMLCanvasElement;
  createRenderer?: (canvas: HTMLCanvasElement) => RendererLike;
  requestFrame?: (cb: (now: number) => void) => number;
  cancelFrame?: (id: number) => void;
  setTimer?: (fn: () => void, ms: number) => number;
  clearTimer?: (id: number) => void;
}

export interface SharedWebgl {
  /** Adds a view; returns its removal. */
  register(view: WebglView): () => void;
  /** Something changed: draw the views that want it at the next frame. */
  invalidate(): void;
  stats(): WebglStats;
  /** Listen to state changes (stats). */
  subscribe(listener: () => void): () => void;
}

/** How long a lost context may take to come back before a new one replaces it. */
export const RESTORE_TIMEOUT_MS = 4000;
/** How long the context outlives its last view (a layout switch re-mounts the tiles). */
export const RELEASE_DELAY_MS = 5000;
/** Largest drawing buffer side. */
export const MAX_BUFFER_SIDE = 4096;
/** Largest frame of one view, in device pixels (SwiftShader and small GPUs stay fluent). */
export const MAX_VIEW_PIXELS = 2_400_000;

export const CLEAR_COLOUR = '#0b1119';

/**
 * What one view's frame (render + copy into its canvas) may cost the main thread. Above
 * it, every view's resolution is lowered (down to MIN_QUALITY) and animation slows down,
 * so a weak or software GPU (SwiftShader) never makes the wall's updates wait.
 */
export const FRAME_BUDGET_MS = 12;
export const MIN_QUALITY = 0.4;
/**
 * Above 1 the frame has more pixels than the screen and the browser's downscaling of the
 * tile's canvas smooths the edges: supersampling instead of the context's multisampling,
 * which software renderers (SwiftShader) pay five times over and cannot turn down.
 */
export const MAX_QUALITY = 1.5;
/** The fastest an animated view is redrawn: 30 fps. */
export const ANIMATION_INTERVAL_MS = 1000 / 30;

const defaultRenderer = (canvas: HTMLCanvasElement): RendererLike => {
  const renderer = new WebGLRenderer({
    canvas,
    // No multisampling: see MAX_QUALITY.
    antialias: false,
    alpha: false,
    preserveDrawingBuffer: false,
    powerPreference: 'default',
    failIfMajorPerformanceCaveat: false,
  });
  renderer.setPixelRatio(1);
  renderer.setClearColor(new Color(CLEAR_COLOUR), 1);
  return renderer;
};

/** A view's frame size in device pixels, capped to MAX_VIEW_PIXELS and the buffer's side. */
export function frameSize(size: ViewSize, quality = 1): { width: number; height: number } {
  let w = size.width * size.ratio * quality;
  let h = size.height * size.ratio * quality;
  const pixels = w * h;
  if (pixels > MAX_VIEW_PIXELS) {
    const k = Math.sqrt(MAX_VIEW_PIXELS / pixels);
    w *= k;
    h *= k;
  }
  const side = Math.max(w, h);
  if (side > MAX_BUFFER_SIDE) {
    w *= MAX_BUFFER_SIDE / side;
    h *= MAX_BUFFER_SIDE / side;
  }
  return { width: Math.max(1, Math.round(w)), height: Math.max(1, Math.round(h)) };
}

export function createSharedWebgl(deps: SharedWebglDeps = {}): SharedWebgl {
  const createCanvas = deps.createCanvas ?? (() => document.createElement('canvas'));
  const createRenderer = deps.createRenderer ?? defaultRenderer;
  const requestFrame = deps.requestFrame ?? ((cb) => requestAnimationFrame(cb));
  const cancelFrame = deps.cancelFrame ?? ((id) => cancelAnimationFrame(id));
  const setTimer = deps.setTimer ?? ((fn, ms) => window.setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((id) => window.clearTimeout(id));

  const views = new Set<WebglView>();
  const listeners = new Set<() => void>();
  let canvas: HTMLCanvasElement | null = null;
  let renderer: RendererLike | null = null;
  let state: WebglState = 'idle';
  let generation = 0;
  let frames = 0;
  let raf = 0;
  let restoreTimer = 0;
  let releaseTimer = 0;
  let retryTimer = 0;
  let bufferWidth = 0;
  let bufferHeight = 0;
  let quality = 1;
  let frameMs = 0;

  const stats = (): WebglStats => ({ state, contexts: renderer ? 1 : 0, generation, views: views.size, frames, quality, frameMs });
  const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  /** Frame cost → resolution and pace: over budget, 20 % fewer pixels a side; well under, back up. */
  function adapt(cost: number): void {
    frameMs = frameMs === 0 ? cost : frameMs * 0.8 + cost * 0.2;
    if (frameMs > FRAME_BUDGET_MS && quality > MIN_QUALITY) {
      quality = Math.max(MIN_QUALITY, quality * 0.8);
      frameMs = 0;
    } else if (frameMs < FRAME_BUDGET_MS / 3 && quality < MAX_QUALITY) {
      quality = Math.min(MAX_QUALITY, quality * 1.1);
    }
  }

  function setState(next: WebglState): void {
    state = next;
    for (const view of [...views]) {
      try {
        view.contextChanged(state, generation);
      } catch (error) {
        rendererLog.error('3D view failed to follow the WebGL context', { err: error });
      }
    }
    for (const listener of [...listeners]) listener();
  }

  function onLost(event: Event): void {
    event.preventDefault(); // ask the browser to restore the context
    rendererLog.error('WebGL context lost; waiting for it to be restored');
    if (raf) cancelFrame(raf);
    raf = 0;
    if (restoreTimer) clearTimer(restoreTimer);
    restoreTimer = setTimer(() => {
      restoreTimer = 0;
      if (state !== 'lost') return;
      rendererLog.error('WebGL context not restored; creating a new one', { timeoutMs: RESTORE_TIMEOUT_MS });
      discard();
      create();
    }, RESTORE_TIMEOUT_MS);
    setState('lost');
  }

  function onRestored(): void {
    if (restoreTimer) clearTimer(restoreTimer);
    restoreTimer = 0;
    if (!canvas || !renderer) return;
    rendererLog.info('WebGL context restored; rebuilding the 3D resources');
    // three's renderer re-initialises its own GL state on this same event, after this
    // listener: let it, then have every view rebuild its materials and textures on the
    // fresh state (geometry is uploaded again by itself).
    setTimer(() => {
      if (state !== 'lost' || !renderer) return;
      generation += 1;
      bufferWidth = 0;
      bufferHeight = 0;
      setState('ready');
      invalidate();
    }, 0);
  }

  /** A renderer on `target`; state 'ready' or 'unavailable'. */
  function start(target: HTMLCanvasElement): void {
    try {
      renderer = createRenderer(target);
    } catch (error) {
      renderer = null;
      rendererLog.error('WebGL is not available for the 3D map', { err: error });
      setState('unavailable');
      if (!retryTimer && views.size > 0) {
        retryTimer = setTimer(() => {
          retryTimer = 0;
          if (state === 'unavailable' && views.size > 0) {
            discard();
            create();
          }
        }, 15_000);
      }
      return;
    }
    generation += 1;
    bufferWidth = 0;
    bufferHeight = 0;
    setState('ready');
    invalidate();
  }

  function create(): void {
    canvas = createCanvas();
    canvas.width = 1;
    canvas.height = 1;
    canvas.addEventListener('webglcontextlost', onLost, false);
    canvas.addEventListener('webglcontextrestored', onRestored, false);
    start(canvas);
  }

  /** Drops the canvas and renderer (listeners first: forcing a loss must not look like one). */
  function discard(): void {
    if (raf) cancelFrame(raf);
    raf = 0;
    if (canvas) {
      canvas.removeEventListener('webglcontextlost', onLost, false);
      canvas.removeEventListener('webglcontextrestored', onRestored, false);
    }
    if (renderer) {
      try {
        renderer.dispose();
        if (state === 'ready') renderer.forceContextLoss();
      } catch {
        /* already gone */
      }
    }
    renderer = null;
    canvas = null;
  }

  function release(): void {
    releaseTimer = 0;
    if (views.size > 0) return;
    if (restoreTimer) clearTimer(restoreTimer);
    restoreTimer = 0;
    discard();
    state = 'idle';
    for (const listener of [...listeners]) listener();
  }

  /**
   * The drawing buffer fits the largest frame wanted: it grows at once, and shrinks when it
   * is more than a third too large (every pixel of it costs at each frame's resolve, even
   * outside the viewport).
   */
  function ensureBuffer(width: number, height: number): void {
    if (!renderer) return;
    const grow = width > bufferWidth || height > bufferHeight;
    const shrink = width * height < bufferWidth * bufferHeight * 0.66;
    if (!grow && !shrink) return;
    bufferWidth = Math.min(MAX_BUFFER_SIDE, grow ? Math.max(width, bufferWidth) : width);
    bufferHeight = Math.min(MAX_BUFFER_SIDE, grow ? Math.max(height, bufferHeight) : height);
    renderer.setSize(bufferWidth, bufferHeight, false);
  }

  function tick(now: number): void {
    raf = 0;
    if (state !== 'ready' || !renderer || !canvas) return;
    let again = false;
    // Animation keeps to 30 fps, or slower while frames cost more than a third of the time.
    const pace = Math.max(ANIMATION_INTERVAL_MS, frameMs * 3);
    const due = [...views].flatMap((view) => {
      const size = view.size();
      return size.width > 0 && size.height > 0 && view.wantsFrame(now, pace) ? [{ view, ...frameSize(size, quality) }] : [];
    });
    if (due.length > 0) ensureBuffer(Math.max(...due.map((d) => d.width)), Math.max(...due.map((d) => d.height)));
    for (const view of [...views]) {
      if (state !== 'ready' || !renderer) break;
      const frame = due.find((d) => d.view === view);
      if (frame) {
        const { width, height } = frame;
        try {
          const started = clock();
          const prepared = view.prepare(now, width, height);
          if (prepared) {
            renderer.setViewport(0, 0, width, height);
            renderer.setScissor(0, 0, width, height);
            renderer.setScissorTest(true);
            renderer.render(prepared.scene, prepared.camera);
            const target = view.canvas;
            if (target.width !== width) target.width = width;
            if (target.height !== height) target.height = height;
            const ctx = target.getContext('2d');
            // The view's pixels sit in the buffer's bottom-left corner (WebGL's origin).
            ctx?.drawImage(canvas, 0, bufferHeight - height, width, height, 0, 0, width, height);
            frames += 1;
            adapt(clock() - started);
            view.drawn?.(now, { quality, frameMs });
          }
        } catch (error) {
          rendererLog.error('a 3D view failed to render', { err: error });
        }
      }
      if (view.animating()) again = true;
    }
    if (again) invalidate();
  }

  function invalidate(): void {
    if (raf || state !== 'ready' || views.size === 0) return;
    raf = requestFrame(tick);
  }

  return {
    register(view) {
      views.add(view);
      if (releaseTimer) clearTimer(releaseTimer);
      releaseTimer = 0;
      if (state === 'idle') create();
      else view.contextChanged(state, generation);
      for (const listener of [...listeners]) listener();
      invalidate();
      return () => {
        if (!views.delete(view)) return;
        for (const listener of [...listeners]) listener();
        if (views.size === 0 && !releaseTimer) releaseTimer = setTimer(release, RELEASE_DELAY_MS);
      };
    },
    invalidate,
    stats,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let page: SharedWebgl | null = null;

/** The window's one shared renderer. */
export function sharedWebgl(): SharedWebgl {
  page ??= createSharedWebgl();
  return page;
}

/** Replaces the window's shared renderer (tests). Returns the old one. */
export function setSharedWebgl(next: SharedWebgl | null): SharedWebgl | null {
  const previous = page;
  page = next;
  return previous;
}
