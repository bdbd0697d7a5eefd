import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotSchema, subscribeRequestSchema, type Snapshot, type SubscribeReply } from '../../shared/protocol/feed';
import { observationKey, type Observation } from '../../shared/protocol/model';
import { periodYear } from '../../shared/widgets/history-span';
import { emitWithAck, startHarness, type Harness } from '../helpers/server-harness';
import { nextEvent } from '../helpers/wait';

/**
 * A subscribe with `historyYears` gets a snapshot of the newest N calendar years of each
 * indicator × region, counted from that series' own newest year: what the wall's tiles can
 * draw, not every period the store ever took. Expectations come from the store's own
 * unwindowed answer (the real national figures and the DEMO rankings it seeds), filtered here.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.cleanup();
});

async function snapshotFor(historyYears?: number): Promise<Snapshot> {
  const socket = await h.connect('/feed', h.server.wallToken);
  try {
    const next = nextEvent<unknown>(socket, 'snapshot');
    const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: null, indicators: null, regions: null, ...(historyYears ? { historyYears } : {}) });
    expect(reply).toMatchObject({ ok: true, mode: 'snapshot' });
    return snapshotSchema.parse(await next);
  } finally {
    socket.disconnect();
  }
}

/** The window applied by hand: per series, the years above its newest year − N. */
function windowed(all: readonly Observation[], years: number): string[] {
  const top = new Map<string, number>();
  for (const o of all) {
    const series = `${o.indicator}|${o.region}`;
    top.set(series, Math.max(top.get(series) ?? -Infinity, periodYear(o.period) ?? -Infinity));
  }
  return all.filter((o) => (periodYear(o.period) ?? 0) > top.get(`${o.indicator}|${o.region}`)! - years).map(observationKey).sort();
}

describe('feed snapshot windowed to the years a wall draws', () => {
  it('holds, per series, its newest N years and nothing older', async () => {
    const all = await snapshotFor();
    for (const years of [1, 2, 3]) {
      const snapshot = await snapshotFor(years);
      const keys = snapshot.observations.map(observationKey).sort();
      expect(keys, `${years} year(s)`).toEqual(windowed(all.observations, years));
      // Every series of the full snapshot still has its newest figure.
      const series = (list: readonly Observation[]) => new Set(list.map((o) => `${o.indicator}|${o.region}`));
      expect(series(snapshot.observations)).toEqual(series(all.observations));
    }
    // The seeded figures span at most three years a series: one year leaves some out.
    const one = await snapshotFor(1);
    expect(one.observations.length).toBeLessThan(all.observations.length);
    console.info(`[history-window] snapshot of ${all.observations.length} figures (${JSON.stringify(all).length} B) → ${one.observations.length} with 1 year (${JSON.stringify(one).length} B)`);
  });

  it('refuses a window outside 1–50 years by name, keeping the connection', async () => {
    for (const historyYears of [0, 51, 2.5]) {
      expect(subscribeRequestSchema.safeParse({ lastSeq: null, indicators: null, regions: null, historyYears }).success).toBe(false);
      const socket = await h.connect('/feed', h.server.wallToken);
      const reply = await emitWithAck<SubscribeReply>(socket, 'subscribe', { lastSeq: null, indicators: null, regions: null, historyYears });
      expect(reply.ok).toBe(false);
      expect(JSON.stringify(reply)).toContain('historyYears');
      expect(socket.connected).toBe(true);
      socket.disconnect();
    }
  });
});
