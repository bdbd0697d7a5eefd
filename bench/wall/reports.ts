import type { Layout } from '../../shared/layout/schema';
import type { RegimeDetail } from '../../shared/protocol/report';
import type { TemplateField } from '../../shared/regimes/schema';
import { PROVINCE_CODES } from '../../shared/regions';

/**
 * The reports the wall benchmark posts: real regimes of the catalogue, each from its own
 * reporting agency (one submitter token per agency), for the newest period the regime is
 * collecting. One "round" mixes the central agencies' reports that carry a figure for each
 * of the 34 provinces (35–105 values), twice each, with small national ones and the 34
 * provinces' own monthly reports (4 values): 50 reports, 512 values (10.2 a report), nearly
 * all of them shown by a tile of bench/wall/layout-40.json.
 *
 * Stamps: in the traffic (BCA) and business registration (BTC-DKDN) reports, every value
 * that a probe KPI tile shows (an integer indicator × region of the layout) is the report's
 * stamp, a number unique within the run, so that a page seeing "12.345" on a probe tile
 * knows which report it came from.
 */

export const STAMPED_REGIMES = ['BCA-TNGT-THANG', 'BTC-DKDN-THANG'] as const;
const PROVINCE_REGIME = 'TINH-KTXH-THANG';

/** The round: a regime code, or the provincial report from the next provinces. */
const CENTRAL_HALF: readonly (string | { provinces: number })[] = [
  'BCA-TNGT-THANG',
  { provinces: 5 },
  'BTC-DKDN-THANG',
  { provinces: 5 },
  'CHQ-XNK-THANG',
  'BCT-DIEN-THANG',
  'CTK-KTXH-THANG',
  { provinces: 5 },
  'BTC-DTC-THANG',
  'BTC-NSNN-THANG',
  'NHNN-TTTD-THANG',
];
const ROUND: readonly (string | { provinces: number })[] = [...CENTRAL_HALF, ...CENTRAL_HALF, { provinces: 4 }];

export const ROUND_REGIMES = [...new Set([...ROUND.filter((r): r is string => typeof r === 'string'), PROVINCE_REGIME])];

export interface Template {
  regime: RegimeDetail;
  agency: string;
  period: string;
  values: number;
  stamped: boolean;
}

export interface Report {
  regime: string;
  agency: string;
  body: unknown;
  values: number;
  /** The stamp its probe values carry, or null. */
  stamp: number | null;
}

/** Stamps: a permutation of 10 000…99 999 (7919 is prime to 90 000), so neighbours differ a lot and colours move. */
export function stampOf(k: number): number {
  return 10_000 + ((k * 7919) % 90_000);
}


function valueFor(field: TemplateField, r: number): number {
  const lo = field.min ?? 0;
  const hi = field.max ?? lo + (field.type === 'percent' ? 100 : 1000);
  const x = lo + (hi - lo) * (0.2 + 0.6 * r);
  return field.type === 'integer' ? Math.round(x) : Math.round(x * 100) / 100;
}

/** `indicator|region` of every KPI tile showing an integer field of a stamped regime. */
export function probeKeys(layout: Layout, regimes: ReadonlyMap<string, RegimeDetail>): Map<string, string> {
  const stampable = new Map<string, string>();
  for (const code of STAMPED_REGIMES) {
    for (const f of regimes.get(code)?.fields ?? []) if (f.type === 'integer') stampable.set(f.indicator, code);
  }
  const keys = new Map<string, string>();
  for (const tile of layout.tiles) {
    if (tile.widget !== 'kpi' || !tile.binding) continue;
    const indicator = tile.binding.indicators[0]!;
    const regime = stampable.get(indicator);
    if (regime) keys.set(`${indicator}|${tile.binding.region}`, regime);
  }
  return keys;
}

/** The round's reports as templates, each for the newest period its regime is collecting. */
export function roundTemplates(regimes: ReadonlyMap<string, RegimeDetail>, periodOf: (regime: RegimeDetail) => string): Template[] {
  const templates: Template[] = [];
  let province = 0;
  const add = (code: string, agency: string) => {
    const regime = regimes.get(code);
    if (!regime) throw new Error(`regime ${code} is not in the server's catalogue`);
    const values = regime.fields.reduce((n, f) => n + (f.byProvince ? PROVINCE_CODES.length : 1), 0);
    templates.push({ regime, agency, period: periodOf(regime), values, stamped: (STAMPED_REGIMES as readonly string[]).includes(code) });
  };
  for (const item of ROUND) {
    if (typeof item === 'string') {
      const reporters = regimes.get(item)?.reporters ?? [];
      add(item, reporters[0]!);
    } else {
      for (let i = 0; i < item.provinces; i++) add(PROVINCE_REGIME, `P${PROVINCE_CODES[province++ % PROVINCE_CODES.length]}`);
    }
  }
  return templates;
}

/** Every field filled (optional ones too); probe values get the stamp. */
export function buildReport(t: Template, period: string, stamp: number | null, probes: ReadonlyMap<string, string>, rnd: () => number): Report {
  const own = t.agency.startsWith('P') ? t.agency.slice(1) : 'VN';
  const values: { indicator: string; region: string; value: number; unit?: string }[] = [];
  for (const field of t.regime.fields) {
    const regions = field.byProvince ? PROVINCE_CODES : [own];
    for (const region of regions) {
      const probe = stamp !== null && probes.has(`${field.indicator}|${region}`);
      const value = probe ? stamp : valueFor(field, rnd());
      values.push(field.byProvince ? { indicator: field.indicator, region, value } : { indicator: field.indicator, region, value, unit: field.unit });
    }
  }
  return { regime: t.regime.code, agency: t.agency, values: values.length, stamp, body: { regime: t.regime.code, agency: t.agency, period, status: 'estimate', values } };
}

/** The period before `period` for monthly ("2026-11" → "2026-10") and quarterly ones; null otherwise. */
export function previousPeriod(period: string): string | null {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  return null;
}
