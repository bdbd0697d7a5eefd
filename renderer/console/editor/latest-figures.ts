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

const EMPTY: LatestFigures = new Map();

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

/** Read when the region changes; empty while loading or without a client (the picker then shows the feed's figures alone). */
export function useLatestFigures(client: ApiClient | undefined, region: string): LatestFigures {
  const [figures, setFigures] = useState<{ region: string; latest: LatestFigures } | null>(null);
  useEffect(() => {
    if (!client) return;
    const abort = new AbortController();
    client.call(routes.reads.observations, { query: { region, historyYears: '1' } }, { signal: abort.signal }).then(
      (reply) => setFigures({ region, latest: latestByIndicator(reply.body.observations) }),
      (error: unknown) => {
        if (!abort.signal.aborted) rendererLog.warn('latest figures for the picker not loaded', { region, err: error });
      },
    );
    return () => abort.abort();
  }, [client, region]);
  return figures?.region === region ? figures.latest : EMPTY;
}
