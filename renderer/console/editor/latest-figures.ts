import { useEffect, useState } from 'react';
import { routes } from '../../../shared/api';
import { comparePeriods } from '../../../shared/period';
import type { Observation } from '../../../shared/protocol/model';
import type { ApiClient } from '../../api/client';
import { rendererLog } from '../../log';

/**
 * The latest figure of every indicator in one region, for the binding picker: one read of
 * GET /api/v1/observations windowed to each series' newest year (`historyYears=1`: at most a
 * year of periods an indicator, not its history). The editor's feed carries only what the
 * wall and the draft bind, so the picker asks the server for the rest; a figure the feed
 * holds is fresher and is preferred (see newerFigure).
 */
export type LatestFigures = ReadonlyMap<string, Observation>;

export type LatestRead = { kind: 'none' } | { kind: 'loading' } | { kind: 'ready'; latest: LatestFigures } | { kind: 'failed'; detail: string };

/**
 * A read is shared by the pickers of one client and region for a minute: selecting tile after
 * tile (each opens its own picker) reads once. The figures' ages are shown beside them.
 */
const SHARED_FOR_MS = 60_000;
const reads = new WeakMap<ApiClient, Map<string, { at: number; pending: Promise<LatestFigures> }>>();

/** Of each indicator, its newest period's figure (comparePeriods). */
export function latestByIndicator(observations: readonly Observation[]): LatestFigures {
  const latest = new Map<string, Observation>();
  for (const o of observations) {
    const held = latest.get(o.indicator);
    if (!held || comparePeriods(o.period, held.period) > 0) latest.set(o.indicator, o);
  }
  return latest;
}

/** The later of two figures of one series: the later period, then the later vintage. */
export function newerFigure(a: Observation | undefined, b: Observation | undefined): Observation | undefined {
  if (!a || !b) return a ?? b;
  const byPeriod = comparePeriods(a.period, b.period);
  if (byPeriod !== 0) return byPeriod > 0 ? a : b;
  return Date.parse(a.vintage) >= Date.parse(b.vintage) ? a : b;
}

function read(client: ApiClient, region: string): Promise<LatestFigures> {
  let byRegion = reads.get(client);
  if (!byRegion) reads.set(client, (byRegion = new Map()));
  const held = byRegion.get(region);
  if (held && Date.now() - held.at < SHARED_FOR_MS) return held.pending;
  const pending = client.call(routes.reads.observations, { query: { region, historyYears: '1' } }).then((reply) => latestByIndicator(reply.body.observations));
  byRegion.set(region, { at: Date.now(), pending });
  // A failed read is not kept: the next picker asks again.
  pending.catch(() => {
    if (byRegion.get(region)?.pending === pending) byRegion.delete(region);
  });
  return pending;
}

/** Read when the region changes; `none` without a client (the picker then shows the feed's figures alone). */
export function useLatestFigures(client: ApiClient | undefined, region: string): LatestRead {
  const [state, setState] = useState<{ region: string; read: LatestRead } | null>(null);
  useEffect(() => {
    if (!client) return;
    let alive = true;
    read(client, region).then(
      (latest) => alive && setState({ region, read: { kind: 'ready', latest } }),
      (error: unknown) => {
        rendererLog.warn('latest figures for the picker not loaded', { region, err: error });
        if (alive) setState({ region, read: { kind: 'failed', detail: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      alive = false;
    };
  }, [client, region]);
  if (!client) return { kind: 'none' };
  return state?.region === region ? state.read : { kind: 'loading' };
}
