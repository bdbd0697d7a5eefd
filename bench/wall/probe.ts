/**
 * What the wall benchmark installs in every wall page before the page's own scripts run
 * (`context.addInitScript(installProbe)`): Playwright sends the function's source text to
 * the page, so it must not use anything from outside its own body.
 *
 * - frames: the timestamp of every animation frame (requestAnimationFrame's argument)
 *   while recording;
 * - feed: when each `/feed` "changes" batch reached the page, by its seq (a tap on the
 *   WebSocket's "message" event, added before socket.io's own handler, reading only the
 *   packet's head: `42/feed,["changes",{"seq":N,…`);
 * - probes: for each watched KPI tile, every new text of its `[data-field="value"]`, with
 *   when the DOM changed (a MutationObserver callback: the microtask right after React's
 *   commit) and when the first animation frame after that change ran (see bench/README.md);
 *   and when the frame that PRESENTS the change had been rendered (`presented`): the frame
 *   whose update-the-rendering step ran after the change (the same frame when the change
 *   was made in one of its animation-frame callbacks, as the wall's store commits; the next
 *   one when it was made in a task between frames, as the bare baseline page writes), timed
 *   by a MessageChannel message posted from that frame's first animation-frame callback,
 *   which runs right after the frame's style, layout and paint ("after paint").
 *
 * Times are `performance.now()` of the page; `timeOrigin` turns them into epoch ms.
 */

export interface ProbeRecord {
  tile: string;
  text: string;
  dom: number;
  /** The first animation frame after the change (performance.now() inside its callback); -1 if none yet. */
  frame: number;
  /** The presenting frame's timestamp (requestAnimationFrame's argument: its start); -1 if none yet. */
  frameStart: number;
  /** performance.now() right after the presenting frame's paint on the main thread; -1 if none yet. */
  presented: number;
}

export interface ProbeData {
  timeOrigin: number;
  /** Date.now() − (timeOrigin + performance.now()) at collection: the page clocks' disagreement. */
  clockSkewMs: number;
  visibility: string;
  frames: number[];
  /** Flat triples: seq, arrival (performance.now()), message length in characters. */
  feed: number[];
  probes: ProbeRecord[];
  longTasks: number;
}

export interface WallBench {
  start(): void;
  stop(): void;
  /** Watches the value of these tiles; returns the ids found in this page. */
  watch(tileIds: string[]): string[];
  collect(): ProbeData;
  /** The /feed `subscribe` request this page sent last (read off its WebSocket), or null. */
  subscribeRequest(): unknown;
  /** Current value text of a tile, or null. */
  value(tileId: string): string | null;
}

export function installProbe(): void {
  const w = window as unknown as { __wallBench?: WallBench; WebSocket: typeof WebSocket };
  if (w.__wallBench) return;

  let recording = false;
  let frames: number[] = [];
  let feed: number[] = [];
  let probes: ProbeRecord[] = [];
  let longTasks = 0;
  const waiting: ProbeRecord[] = [];
  let frameRequested = false;

  // After paint. This loop's callback runs first in every frame (registered first, before the
  // page's scripts, and again first thing in each frame), so `frameOpen` is true from the
  // start of a frame's callbacks until the message it posts runs, after that frame's style,
  // layout and paint (one task in Chromium). A change seen while it is open is in that frame;
  // one seen between frames waits for the next frame's.
  let frameOpen = false;
  let frameStart = -1;
  let inFrame: ProbeRecord[] = [];
  let nextFrame: ProbeRecord[] = [];
  const painted = () => {
    if (!frameOpen) return;
    const t = performance.now();
    for (const r of inFrame) r.presented = t;
    inFrame = [];
    frameOpen = false;
  };
  const afterPaint = new MessageChannel();
  afterPaint.port1.onmessage = painted;
  const loop = (ts: number) => {
    if (recording) frames.push(ts);
    frameOpen = true;
    frameStart = ts;
    for (const r of nextFrame) r.frameStart = ts;
    inFrame.push(...nextFrame);
    nextFrame = [];
    afterPaint.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);

  try {
    new PerformanceObserver((list) => {
      if (recording) longTasks += list.getEntries().length;
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    // no long-task timing here
  }

  const Native = w.WebSocket;
  const head = /^42\/feed,\["changes",\{"seq":(\d+)/;
  const subscribe = /^42\/feed,\d*\["subscribe",/;
  let subscribeRequest: unknown = null;
  class TappedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        // A socket message is a task of its own, never the frame's: if the frame's after-paint
        // message has not run yet (another task queue went first), that frame is painted now.
        painted();
        if (!recording || typeof event.data !== 'string') return;
        const m = head.exec(event.data);
        if (m) feed.push(Number(m[1]), performance.now(), event.data.length);
      });
    }
  }
  const nativeSend = Native.prototype.send;
  TappedWebSocket.prototype.send = function send(this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (typeof data === 'string' && subscribe.test(data)) subscribeRequest = (JSON.parse(data.slice(data.indexOf('['))) as unknown[])[1] ?? null;
    nativeSend.call(this, data);
  };
  w.WebSocket = TappedWebSocket;

  const afterFrame = () => {
    const t = performance.now();
    for (const r of waiting) r.frame = t;
    waiting.length = 0;
    frameRequested = false;
  };

  const valueOf = (tile: Element): string | null => tile.querySelector('[data-field="value"]')?.textContent ?? null;

  w.__wallBench = {
    start() {
      frames = [];
      feed = [];
      probes = [];
      longTasks = 0;
      recording = true;
    },
    stop() {
      recording = false;
    },
    watch(tileIds) {
      const found: string[] = [];
      for (const id of tileIds) {
        const tile = document.querySelector(`[data-tile-id="${CSS.escape(id)}"]`);
        if (!tile) continue;
        found.push(id);
        let last = valueOf(tile);
        new MutationObserver(() => {
          const text = valueOf(tile);
          if (text === last) return;
          last = text;
          if (!recording || text === null) return;
          const record: ProbeRecord = { tile: id, text, dom: performance.now(), frame: -1, frameStart: frameOpen ? frameStart : -1, presented: -1 };
          probes.push(record);
          (frameOpen ? inFrame : nextFrame).push(record);
          waiting.push(record);
          if (!frameRequested) {
            frameRequested = true;
            requestAnimationFrame(afterFrame);
          }
        }).observe(tile, { subtree: true, childList: true, characterData: true });
      }
      return found;
    },
    collect() {
      return {
        timeOrigin: performance.timeOrigin,
        clockSkewMs: Date.now() - (performance.timeOrigin + performance.now()),
        visibility: document.visibilityState,
        frames,
        feed,
        probes,
        longTasks,
      };
    },
    subscribeRequest: () => subscribeRequest,
    value(tileId) {
      const tile = document.querySelector(`[data-tile-id="${CSS.escape(tileId)}"]`);
      return tile ? valueOf(tile) : null;
    },
  };
}
