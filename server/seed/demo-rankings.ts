import { NATIONAL_REGION } from '../../shared/protocol/codes';
import type { Observation } from '../../shared/protocol/model';
import { normal, rngFor } from '../../shared/random';
import { PROVINCES } from '../../shared/regions';
import type { Catalog } from '../catalog/load';
import type { Store } from '../db/store';
import { incomeLevel } from '../simulate/model';

/**
 * DEMO figures for the provincial rankings (PCI, PAPI, PAR Index, SIPAS, the service index)
 * and the National Public Service Portal, seeded once so that a new wall has something to
 * rank. NONE OF THEM IS A PUBLISHED FIGURE: ../shared/data holds no ranking and no portal
 * figure, so every value here is invented, stored with `demo: true` (the wall marks it
 * «DEMO») and a provenance source naming the publisher whose figure it stands in for and
 * the year, «VCCI — PCI 2025 (số liệu DEMO, chưa phải số công bố)». A published figure
 * entered later (a report, an import) is a newer row of the same key and replaces it.
 *
 * The values are deterministic: one seed, keyed draws (shared/random.ts). A province keeps
 * a character across the years (a persistent draw plus a shift by its income level, so the
 * richer provinces tend to rank higher, as PCI tables tend to) and moves a little each year,
 * so ranks change by a few places, not at random. Scales: PCI and the service index out of
 * 100 points, PAPI out of 80, PAR Index and SIPAS in %.
 */

export const DEMO_RANKINGS_SEED = 2026;
export const DEMO_RANKINGS_STATE_KEY = 'seed.demo-rankings';
/** Raise it when the list below grows: keys the store lacks are then added, nothing else. */
export const DEMO_RANKINGS_VERSION = 1;

export const DEMO_RANKING_YEARS = [2023, 2024, 2025] as const;

interface ScoreModel {
  base: number;
  /** Points per unit of income level (shared by the years). */
  spread: number;
  /** The province's own character, constant over the years (sd, points). */
  persistent: number;
  /** A year's own move (sd, points). */
  yearly: number;
  /** Points a year, from 2023. */
  trend: number;
  min: number;
  max: number;
  /** Publisher and index name for the provenance line. */
  label: string;
}

const RANKING_MODELS: Readonly<Record<string, ScoreModel>> = {
  PROV_PCI: { base: 66.5, spread: 2.2, persistent: 2.4, yearly: 0.8, trend: 0.4, min: 55, max: 80, label: 'VCCI — PCI' },
  PROV_PAPI: { base: 43, spread: 0.8, persistent: 1.4, yearly: 0.6, trend: 0.2, min: 32, max: 52, label: 'UNDP và CECODES — PAPI' },
  PROV_PAR_INDEX: { base: 87, spread: 1.2, persistent: 2.2, yearly: 1, trend: 0.5, min: 75, max: 96, label: 'Bộ Nội vụ — PAR Index' },
  PROV_SIPAS: { base: 82.5, spread: 0.5, persistent: 2.2, yearly: 0.9, trend: 0.4, min: 72, max: 94, label: 'Bộ Nội vụ — SIPAS' },
  PROV_SERVICE_INDEX: { base: 74, spread: 1.5, persistent: 4.5, yearly: 2, trend: 1.5, min: 50, max: 95, label: 'Văn phòng Chính phủ — Bộ chỉ số phục vụ người dân, doanh nghiệp' },
};

interface PortalModel {
  /** The share in 2024-Q1, and points a quarter after it. */
  start: number;
  perQuarter: number;
  noise: number;
}

const PORTAL_REGIME = 'VPCP-DVCQG-QUY';
const PORTAL_MODELS: Readonly<Record<string, PortalModel>> = {
  PORTAL_ONLINE_DOSSIER_RATE: { start: 44, perQuarter: 1.6, noise: 1.2 },
  PORTAL_ONLINE_PAYMENT_RATE: { start: 33, perQuarter: 1.4, noise: 1.5 },
  PORTAL_FULL_PROCESS_SERVICE_RATE: { start: 47, perQuarter: 0.9, noise: 0.8 },
};
const PORTAL_QUARTERS = ['2024', '2025', '2026'].flatMap((y) => ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${y}-${q}`)).filter((p) => p <= '2026-Q3');

const DEMO_NOTE = 'số liệu DEMO, chưa phải số công bố';
const round2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** The day after the period: the earliest a figure of it can exist (as the national seed dates them). */
const dayAfter = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString();
const QUARTER_END: Record<string, string> = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31' };

/** One province's demo score of one ranking for one year. */
export function demoScore(indicator: string, region: string, year: number, seed = DEMO_RANKINGS_SEED): number {
  const m = RANKING_MODELS[indicator];
  if (!m) return Number.NaN;
  const own = normal(rngFor(seed, `${indicator}|${region}`));
  const move = normal(rngFor(seed, `${indicator}|${region}|${year}`));
  const v = m.base + m.trend * (year - 2023) + m.spread * incomeLevel(region) + m.persistent * own + m.yearly * move;
  return round2(clamp(v, m.min, m.max));
}

/** Every demo observation: rankings × 34 provinces × years, and the portal's national quarters. */
export function demoRankingObservations(seed = DEMO_RANKINGS_SEED): Observation[] {
  const out: Observation[] = [];
  for (const [indicator, m] of Object.entries(RANKING_MODELS)) {
    for (const year of DEMO_RANKING_YEARS) {
      for (const p of PROVINCES) {
        out.push({
          indicator,
          region: p.code,
          period: String(year),
          value: demoScore(indicator, p.code, year, seed),
          vintage: dayAfter(`${year}-12-31`),
          status: 'official',
          demo: true,
          provenance: { submissionId: null, agency: null, regime: null, source: `${m.label} ${year} (${DEMO_NOTE})` },
        });
      }
    }
  }
  for (const [indicator, m] of Object.entries(PORTAL_MODELS)) {
    PORTAL_QUARTERS.forEach((period, i) => {
      const value = round2(clamp(m.start + m.perQuarter * i + m.noise * normal(rngFor(seed, `${indicator}|${period}`)), 0, 100));
      out.push({
        indicator,
        region: NATIONAL_REGION,
        period,
        value,
        vintage: dayAfter(`${period.slice(0, 4)}-${QUARTER_END[period.slice(5)]!}`),
        status: 'official',
        demo: true,
        provenance: { submissionId: null, agency: 'VPCP', regime: PORTAL_REGIME, source: `Văn phòng Chính phủ — Cổng Dịch vụ công quốc gia quý ${period.slice(6)}/${period.slice(0, 4)} (${DEMO_NOTE})` },
      });
    });
  }
  return out;
}

/**
 * Seeds the demo figures once (and again only for keys a newer list adds): a key that
 * holds any figure already (a report, a published import) is left alone. Only indicators
 * of the catalogue are seeded. Returns how many were written, or null when nothing was due.
 */
export function seedDemoRankings(store: Store, catalog: Pick<Catalog, 'indicators'>): { observations: number } | null {
  const state = store.getState(DEMO_RANKINGS_STATE_KEY);
  if (state !== null && (JSON.parse(state) as { version?: number }).version === DEMO_RANKINGS_VERSION) return null;
  const known = new Set(catalog.indicators.map((i) => i.code));
  const wanted = demoRankingObservations().filter((o) => known.has(o.indicator));
  const codes = [...new Set(wanted.map((o) => o.indicator))];
  const held = new Set(store.observations.latest({ indicators: codes }).map((o) => `${o.indicator}|${o.region}|${o.period}`));
  const missing = wanted.filter((o) => !held.has(`${o.indicator}|${o.region}|${o.period}`));
  if (missing.length > 0) {
    store.write((tx) => {
      for (const observation of missing) {
        tx.observations.insert(observation, tx.now);
        tx.log({ kind: 'observation', observation });
      }
    });
  }
  store.setState(DEMO_RANKINGS_STATE_KEY, JSON.stringify({ version: DEMO_RANKINGS_VERSION, observations: missing.length }));
  return { observations: missing.length };
}
