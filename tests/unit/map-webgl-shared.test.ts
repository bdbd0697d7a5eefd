import { describe, expect, it, vi } from 'vitest';
import { Camera, Scene } from 'three';
import {
  createSharedWebgl,
  frameSize,
  MAX_VIEW_PIXELS,
  RELEASE_DELAY_MS,
  RESTORE_TIMEOUT_MS,
  type RendererLike,
  type WebglState,
  type WebglView,
} from '../../renderer/widgets/common/webgl-shared';

/** A canvas stand-in: events (context loss) and a size. */
class FakeCanvas extends EventTarget {
  width = 0;
  height = 0;
}

/** A 2D canvas of a tile: records what was copied into it. */
function tileCanvas() {
  const copies: number[][] = [];
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({ drawImage: (_src: unknown, ...args: number[]) => copies.push(args) }),
  } as unknown as HTMLCanvasElement;
  return { canvas, copies };
}

function harness(options: { failCreate?: number } = {}) {
  const canvases: FakeCanvas[] = [];
  const renderers: (RendererLike & { renders: number; disposed: boolean; size: [number, number] })[] = [];
  let frameQueue: ((now: number) => void)[] = [];
  let timers: { at: number; fn: () => void }[] = [];
  let clock = 0;
  let failures = options.failCreate ?? 0;
  const shared = createSharedWebgl({
    createCanvas: () => {
      const c = new FakeCanvas();
      canvases.push(c);
      return c as unknown as HTMLCanvasElement;
    },
    createRenderer: () => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('no WebGL');
      }
      const r = {
        renders: 0,
        disposed: false,
        size: [0, 0] as [number, number],
        setPixelRatio() {},
        setSize(w: number, h: number) {
          r.size = [w, h];
        },
        setViewport() {},
        setScissor() {},
        setScissorTest() {},
        setClearColor() {},
        render() {
          r.renders += 1;
        },
        dispose() {
          r.disposed = true;
        },
        forceContextLoss() {},
      };
      renderers.push(r);
      return r;
    },
    requestFrame: (cb) => frameQueue.push(cb),
    cancelFrame: () => {
      frameQueue = [];
    },
    setTimer: (fn, ms) => {
      timers.push({ at: clock + ms, fn });
      return timers.length;
    },
    clearTimer: () => {},
  });
  const frame = (dt = 16) => {
    clock += dt;
    const queue = frameQueue;
    frameQueue = [];
    queue.forEach((cb) => cb(clock));
  };
  const wait = (ms: number) => {
    clock += ms;
    const due = timers.filter((t) => t.at <= clock);
    timers = timers.filter((t) => t.at > clock);
    due.forEach((t) => t.fn());
  };
  return { shared, canvases, renderers, frame, wait, pending: () => frameQueue.length };
}

function view(width = 400, height = 300, animate = false) {
  const { canvas, copies } = tileCanvas();
  const states: [WebglState, number][] = [];
  let dirty = true;
  const v: WebglView & { drawnCount: number } = {
    canvas,
    drawnCount: 0,
    size: () => ({ width, height, ratio: 1 }),
    wantsFrame: () => dirty || animate,
    animating: () => animate,
    prepare: () => ({ scene: new Scene(), camera: new Camera() }),
    drawn() {
      dirty = false;
      v.drawnCount += 1;
    },
    contextChanged(state, generation) {
      states.push([state, generation]);
      if (state === 'ready') dirty = true;
    },
  };
  return { v, copies, states, touch: () => (dirty = true) };
}

describe('one WebGL context per window, shared by every 3D tile', () => {
  it('draws every tile through ONE renderer and copies each frame from the buffer’s bottom-left corner', () => {
    const h = harness();
    const a = view(400, 300);
    const b = view(200, 500);
    const c = view(640, 360);
    h.shared.register(a.v);
    h.shared.register(b.v);
    h.shared.register(c.v);
    h.frame();
    expect(h.canvases).toHaveLength(1);
    expect(h.renderers).toHaveLength(1);
    expect(h.shared.stats()).toMatchObject({ state: 'ready', contexts: 1, views: 3, generation: 1 });
    expect(h.renderers[0]!.renders).toBe(3);
    // The buffer fits the largest frame wanted; each copy is the w × h corner at the bottom.
    const [bw, bh] = h.renderers[0]!.size;
    expect([bw, bh]).toEqual([640, 500]);
    expect(a.copies[0]).toEqual([0, bh - 300, 400, 300, 0, 0, 400, 300]);
    expect(b.copies[0]).toEqual([0, bh - 500, 200, 500, 0, 0, 200, 500]);
    expect(a.v.canvas.width).toBe(400);
  });

  it('draws a still view only when it changed, an animated one every frame', () => {
    const h = harness();
    const still = view();
    const moving = view(400, 300, true);
    h.shared.register(still.v);
    h.shared.register(moving.v);
    h.frame();
    h.frame(40);
    h.frame(40);
    expect(still.v.drawnCount).toBe(1);
    expect(moving.v.drawnCount).toBe(3);
    still.touch();
    h.shared.invalidate();
    h.frame(40);
    expect(still.v.drawnCount).toBe(2);
  });

  it('goes quiet with no animation: no frame is requested', () => {
    const h = harness();
    const still = view();
    h.shared.register(still.v);
    h.frame();
    expect(h.pending()).toBe(0);
  });

  it('stops on context loss and, once restored, has every view rebuild on the same context', () => {
    const h = harness();
    const a = view();
    const b = view();
    h.shared.register(a.v);
    h.shared.register(b.v);
    h.frame();
    const lost = new Event('webglcontextlost', { cancelable: true });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    h.canvases[0]!.dispatchEvent(lost);
    expect(lost.defaultPrevented).toBe(true); // asks the browser to restore it
    expect(h.shared.stats().state).toBe('lost');
    expect(a.states.at(-1)).toEqual(['lost', 1]);
    const before = h.renderers[0]!.renders;
    h.frame();
    expect(h.renderers[0]!.renders).toBe(before);
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    h.canvases[0]!.dispatchEvent(new Event('webglcontextrestored'));
    // three's renderer re-initialises first (its own listener on the same event), then the views.
    expect(h.shared.stats().state).toBe('lost');
    h.wait(0);
    expect(h.renderers).toHaveLength(1);
    expect(h.canvases).toHaveLength(1);
    expect(h.shared.stats()).toMatchObject({ state: 'ready', contexts: 1, generation: 2 });
    expect(a.states.at(-1)).toEqual(['ready', 2]);
    expect(b.states.at(-1)).toEqual(['ready', 2]);
    h.frame();
    expect(h.renderers[0]!.renders).toBe(before + 2);
    // No stray replacement later.
    h.wait(RESTORE_TIMEOUT_MS * 2);
    expect(h.renderers).toHaveLength(1);
    errors.mockRestore();
    info.mockRestore();
  });

  it('replaces a context that is never restored with a fresh canvas after the timeout', () => {
    const h = harness();
    const a = view();
    h.shared.register(a.v);
    h.frame();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    h.canvases[0]!.dispatchEvent(new Event('webglcontextlost', { cancelable: true }));
    h.wait(RESTORE_TIMEOUT_MS - 1);
    expect(h.shared.stats().state).toBe('lost');
    h.wait(1);
    expect(h.canvases).toHaveLength(2);
    expect(h.shared.stats()).toMatchObject({ state: 'ready', contexts: 1, generation: 2 });
    // The abandoned canvas no longer speaks for the window.
    h.canvases[0]!.dispatchEvent(new Event('webglcontextrestored'));
    expect(h.renderers).toHaveLength(2);
    h.frame();
    expect(a.v.drawnCount).toBe(2);
    errors.mockRestore();
  });

  it('releases the context a while after the last tile leaves, and creates one again for a new tile', () => {
    const h = harness();
    const a = view();
    const off = h.shared.register(a.v);
    h.frame();
    off();
    h.wait(RELEASE_DELAY_MS - 1);
    expect(h.shared.stats().contexts).toBe(1);
    h.wait(1);
    expect(h.shared.stats()).toMatchObject({ state: 'idle', contexts: 0 });
    expect(h.renderers[0]!.disposed).toBe(true);
    h.shared.register(view().v);
    expect(h.shared.stats()).toMatchObject({ state: 'ready', contexts: 1, generation: 2 });
  });

  it('says WebGL is unavailable when no context can be made, and tries again later', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = harness({ failCreate: 1 });
    const a = view();
    h.shared.register(a.v);
    expect(h.shared.stats()).toMatchObject({ state: 'unavailable', contexts: 0 });
    expect(a.states.at(-1)![0]).toBe('unavailable');
    h.wait(15_000);
    expect(h.shared.stats()).toMatchObject({ state: 'ready', contexts: 1 });
    errors.mockRestore();
  });

  it('caps a frame’s pixels and scales it by the quality', () => {
    expect(frameSize({ width: 400, height: 300, ratio: 1 }, 0.5)).toEqual({ width: 200, height: 150 });
    const big = frameSize({ width: 3840, height: 2160, ratio: 1 });
    expect(big.width * big.height).toBeLessThanOrEqual(MAX_VIEW_PIXELS * 1.01);
    expect(big.width / big.height).toBeCloseTo(3840 / 2160, 2);
  });
});
