/**
 * What `npm run bench:growth` installs in the wall page before the page's own scripts run
 * (`context.addInitScript(installGrowthProbe)`; Playwright sends the function's source, so
 * it uses nothing from outside its body):
 *
 * - turns on the store's commit timing (renderer/store/wallStore.ts COMMIT_TIMING_FLAG:
 *   each commit leaves a `wall-store:commit` performance measure, read at the end);
 * - notes when the page sent each feed `subscribe` (a tap on WebSocket.send: socket.io's
 *   packet `42/feed,N["subscribe",…`) and when each feed snapshot arrived, its length, and
 *   the text itself, held only until `snapshots()` has counted its figures (then dropped,
 *   before the heap is measured).
 *
 * Times are the page's performance.now().
 */

export interface GrowthProbeData {
  subscribes: number[];
  /** Per snapshot frame: arrival, characters, figures (observations) it carried. */
  snapshots: { at: number; chars: number; figures: number }[];
  /** Every commit: start, duration, whether it was a snapshot's, its seq and changed figures. */
  commits: { start: number; duration: number; snapshot: boolean; seq: number | null; changed: number }[];
}

export interface GrowthProbe {
  collect(): GrowthProbeData;
  /** Drops the commits noted so far (the live phase starts clean). */
  clearCommits(): void;
}

export function installGrowthProbe(): void {
  const w = window as unknown as { __growth?: GrowthProbe; __toancanhCommitTiming?: boolean; WebSocket: typeof WebSocket };
  if (w.__growth) return;
  w.__toancanhCommitTiming = true;
  const subscribes: number[] = [];
  const snapshotFrames: { at: number; text: string | null; chars: number; figures: number }[] = [];
  const Native = w.WebSocket;
  class TappedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.startsWith('42/feed,["snapshot"')) {
          snapshotFrames.push({ at: performance.now(), text: event.data, chars: event.data.length, figures: -1 });
        }
      });
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (typeof data === 'string' && /^42\/feed,\d*\["subscribe"/.test(data)) subscribes.push(performance.now());
      super.send(data);
    }
  }
  w.WebSocket = TappedWebSocket;
  w.__growth = {
    collect() {
      for (const f of snapshotFrames) {
        if (f.text === null) continue;
        const [, payload] = JSON.parse(f.text.slice('42/feed,'.length)) as [string, { observations: unknown[] }];
        f.figures = payload.observations.length;
        f.text = null;
      }
      const commits = performance.getEntriesByName('wall-store:commit', 'measure').map((e) => {
        const detail = (e as PerformanceMeasure).detail as { snapshot: boolean; seq: number | null; changed: number };
        return { start: e.startTime, duration: e.duration, ...detail };
      });
      return { subscribes: [...subscribes], snapshots: snapshotFrames.map(({ at, chars, figures }) => ({ at, chars, figures })), commits };
    },
    clearCommits() {
      performance.clearMeasures('wall-store:commit');
    },
  };
}
