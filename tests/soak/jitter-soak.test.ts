import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../shared/random';
import { ServerProcess } from '../e2e/support/server';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { waitFor } from '../helpers/wait';
import { WALL_RECONNECTION, expectEveryChangeOnce, headOnceWallsCaughtUp, incidents, lagsOf, openWall, pace, percentiles, postReports, provinceTokens, type Wall } from './support';

/**
 * A bad network between the walls and the server: each of WALLS wall clients reaches the
 * real server process through its own TCP proxy, which the test controls. Every 5–30 s
 * (at random, per wall) the proxy cuts the wall's connection and refuses new ones for
 * 0.5–2 s, then lets them through again, while the provinces post RATE reports a second
 * straight to the server. The walls reconnect with the wall page's own settings
 * (renderer/feed/reconnect.ts: 0.5 s doubling to 1.5 s, ±30 %).
 *
 * Asserted: 100 % delivery, in order, none twice (every change after the first snapshot,
 * every accepted submission), each resume a replay. Measured and printed, not asserted: how
 * long after the network returned each wall was subscribed again (the goal is 2 s).
 *
 * `npm test` runs 1 minute; `npm run soak:jitter` 10 (TOANCANH_SOAK_JITTER_SECONDS=600).
 */
const RATE = Number(process.env.TOANCANH_SOAK_JITTER_RATE ?? 100);
const DURATION_MS = Number(process.env.TOANCANH_SOAK_JITTER_SECONDS ?? 60) * 1000;
const SEED = Number(process.env.TOANCANH_SOAK_SEED ?? 12);
const WALLS = 8;
const BACK_GOAL_MS = 2000;

interface Outage {
  wall: number;
  cutAt: number;
  returnedAt: number;
}

describe(`jitter soak: ${WALLS} walls through proxies that drop them every 5–30 s, ${DURATION_MS / 1000} s`, () => {
  const server = new ServerProcess();
  const proxies: TcpProxy[] = [];
  const walls: Wall[] = [];

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    for (const w of walls) w.socket.disconnect();
    for (const p of proxies) await p.close();
    await server.stop();
  });

  it(
    'delivers every change to every wall, in order and once, and says how fast each came back',
    async () => {
      const tokens = await provinceTokens(server);
      for (let i = 0; i < WALLS; i++) {
        const proxy = await startTcpProxy({ port: server.port });
        proxies.push(proxy);
        walls.push(openWall(proxy.url, server.wallToken, WALL_RECONNECTION));
      }
      await waitFor(() => walls.every((w) => w.firstSnapshotSeq !== null), 10_000, 'the walls getting their snapshot');

      // --- the network: per wall, a cut every 5–30 s, down for 0.5–2 s
      const random = mulberry32(SEED);
      const between = (lo: number, hi: number) => lo + (hi - lo) * random();
      const outages: Outage[] = [];
      let jittering = true;
      const jitter = proxies.map(async (proxy, wall) => {
        const started = performance.now();
        for (;;) {
          const wait = between(5_000, 30_000);
          if (performance.now() - started + wait > DURATION_MS) return;
          await pace(wait);
          if (!jittering) return;
          const cutAt = performance.now();
          proxy.setDown(true);
          proxy.cut();
          await pace(between(500, 2_000));
          proxy.setDown(false);
          outages.push({ wall, cutAt, returnedAt: performance.now() });
        }
      });

      const loadBefore = loadavg()[0]!;
      const posted = await postReports(server, tokens, { rate: RATE, total: Math.round((RATE * DURATION_MS) / 1000) });
      jittering = false;
      await Promise.all(jitter);

      const head = await headOnceWallsCaughtUp(server, walls);

      // From the network's return to the wall's next answered subscribe.
      const back = outages.map((o) => {
        const at = walls[o.wall]!.subscribedAt.find((t) => t > o.returnedAt);
        return at === undefined ? Number.POSITIVE_INFINITY : at - o.returnedAt;
      });
      const lags = lagsOf(walls, posted);
      const summary = {
        posts: posted.total,
        seconds: +(posted.ms / 1000).toFixed(1),
        changes: head - walls[0]!.firstSnapshotSeq!,
        walls: WALLS,
        cuts: outages.length,
        outageMs: percentiles(outages.map((o) => o.returnedAt - o.cutAt)),
        backAfterNetworkReturnedMs: percentiles(back),
        backWithin2s: `${back.filter((ms) => ms <= BACK_GOAL_MS).length} / ${back.length}`,
        // From a submission's answer to its first change at a wall, cuts included.
        lagMs: percentiles(lags),
        resumes: walls.map((w) => w.modes.length - 1),
        incidents: incidents(walls),
        load: `${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}`,
      };
      console.log(`feed soak (jitter): ${JSON.stringify(summary)}`);

      expectEveryChangeOnce(walls, head, posted);
      // Each cut was a resume (a wall may have been cut again before it came back).
      expect(back.filter((ms) => !Number.isFinite(ms))).toEqual([]);
    },
    DURATION_MS * 2 + 120_000,
  );
});
