import { z } from 'zod';
// The routes this page reads, not the whole table: the page loads only the schemas it uses.
import { catalogueRoutes } from '../../shared/api/catalogue';
import { readRoutes } from '../../shared/api/reads';
import { complianceStatusSchema } from '../../shared/protocol/compliance';
import { indicatorMetaSchema, observationSchema, type IndicatorMeta, type Observation } from '../../shared/protocol/model';
import type { ApiClient } from '../api/client';
import { openKeptStore, type KeptStore } from '../offline/kept-store';
import { NATIONAL } from './headlines';

/**
 * What the information page reads, and keeps for the next time it opens without a
 * network: the catalogue, the figures of one region (the nation's, plus the province's
 * when one is picked) and the reporting-compliance counts, with when they were read.
 * Everything goes through the one API client with the session credential.
 */
export const complianceCountsSchema = z.object({
  counts: z.record(complianceStatusSchema, z.number().int().min(0)),
  /** The instant the server computed the statuses at (ISO). */
  asOf: z.string(),
});
export type ComplianceCounts = z.infer<typeof complianceCountsSchema>;

export const infoDataSchema = z.object({
  key: z.string().max(400),
  region: z.string().max(2),
  /** Date.now() when the server answered. */
  fetchedAt: z.number().int().min(0),
  indicators: z.array(indicatorMetaSchema).max(2000),
  observations: z.array(observationSchema).max(200_000),
  compliance: complianceCountsSchema,
});
export type InfoData = z.infer<typeof infoDataSchema>;

/** One record per server and region: two servers on one phone never mix. */
export function infoKey(serverUrl: string, region: string): string {
  return `${serverUrl.replace(/\/+$/, '')}|${region}`;
}

export function openInfoCache(factory?: IDBFactory): Promise<KeptStore<InfoData> | null> {
  return openKeptStore({ database: 'toancanh-info', version: 1, store: 'figures', schema: infoDataSchema, what: 'the kept figures' }, factory);
}

/** The reporting counts of every regime × agency × period the server tracks (a province: its own agency's). */
export function sumCompliance(summary: readonly { counts: Partial<Record<z.infer<typeof complianceStatusSchema>, number>> }[]): ComplianceCounts['counts'] {
  const counts = { 'on-time': 0, late: 0, missing: 0, 'not-due': 0 };
  for (const row of summary) for (const [status, n] of Object.entries(row.counts) as [keyof typeof counts, number][]) counts[status] += n;
  return counts;
}

/** Reads everything the page shows for `region` ("VN" or a province's two-digit code). */
export async function fetchInfoData(client: ApiClient, region: string, now: () => number = Date.now): Promise<InfoData> {
  const regions = region === NATIONAL ? [NATIONAL] : [NATIONAL, region];
  const [catalogue, observations, compliance] = await Promise.all([
    client.call(catalogueRoutes.indicators, {}),
    client.call(readRoutes.observations, { query: { region: regions.join(',') } }),
    client.call(readRoutes.compliance, { query: { summary: 'regime', ...(region === NATIONAL ? {} : { agency: `P${region}` }) } }),
  ]);
  const indicators: IndicatorMeta[] = catalogue.body.indicators;
  const figures: Observation[] = observations.body.observations;
  return {
    key: infoKey(client.serverUrl, region),
    region,
    fetchedAt: now(),
    indicators,
    observations: figures,
    compliance: { counts: sumCompliance(compliance.body.summary ?? []), asOf: compliance.body.asOf },
  };
}
