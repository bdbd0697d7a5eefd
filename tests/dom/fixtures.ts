import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Snapshot } from '../../shared/protocol/feed';
import type { Direction, IndicatorMeta, Observation, Periodicity } from '../../shared/protocol/model';
import type { WallState } from '../../shared/protocol/control';
import { parsePeriod } from '../../shared/period';
import { indicatorsCsvPath, projectRoot } from '../support/paths';

/**
 * Test data built from the project's real files: the published national indicators
 * (../shared/data/indicators), the preset layout and the 2×2 wall profile. Directions are
 * what a reader expects (the server's seed owns them in production).
 */

const DIRECTIONS: Record<string, Direction> = {
  CPI_AVG: 'down',
  TRAFFIC_ACCIDENTS: 'down',
  TRAFFIC_DEATHS: 'down',
  TRAFFIC_INJURED: 'down',
  ENTERPRISES_EXITED: 'down',
  IMPORTS: 'neutral',
  TRADE_TOTAL: 'neutral',
  BUDGET_EXPENDITURE: 'neutral',
};

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export interface CsvRow {
  indicator: string;
  nameVi: string;
  nameEn: string;
  unit: string;
  period: string;
  value: number;
}

export function readIndicatorRows(): CsvRow[] {
  const [, ...lines] = readFileSync(indicatorsCsvPath, 'utf8').split(/\r?\n/).filter(Boolean);
  return lines.map((line) => {
    const [indicator, nameVi, nameEn, unit, period, value] = splitCsvLine(line);
    return { indicator: indicator!, nameVi: nameVi!, nameEn: nameEn!, unit: unit!, period: period!, value: Number(value) };
  });
}

/** The figure the data file gives for one national indicator and period (tests take expectations from it). */
export function csvValue(indicator: string, period: string): number {
  const row = readIndicatorRows().find((r) => r.indicator === indicator && r.period === period);
  if (!row) throw new Error(`${indicatorsCsvPath} has no ${indicator} for ${period}`);
  return row.value;
}

const periodicityOf = (period: string): Periodicity => {
  const kind = parsePeriod(period)?.kind;
  return kind === 'quarter' ? 'quarter' : kind === 'month' ? 'month' : kind === 'year' ? 'year' : 'ad-hoc';
};

export const SEED_VINTAGE = '2026-01-06T09:00:00+07:00';

export function seededSnapshot(seq = 100, vintage = SEED_VINTAGE): Snapshot {
  const rows = readIndicatorRows();
  const indicators = new Map<string, IndicatorMeta>();
  for (const row of rows) {
    if (indicators.has(row.indicator)) continue;
    indicators.set(row.indicator, {
      code: row.indicator,
      name: { vi: row.nameVi, en: row.nameEn },
      unit: row.unit,
      periodicity: periodicityOf(row.period),
      direction: DIRECTIONS[row.indicator] ?? 'up',
    });
  }
  const observations: Observation[] = rows.map((row) => observation(row.indicator, row.period, row.value, { vintage }));
  return { seq, serverTime: vintage, indicators: [...indicators.values()], observations };
}

export function observation(
  indicator: string,
  period: string,
  value: number | null,
  extra: Partial<Observation> = {},
): Observation {
  return {
    indicator,
    region: 'VN',
    period,
    value,
    vintage: SEED_VINTAGE,
    status: 'official',
    demo: false,
    provenance: { submissionId: null, agency: 'GSO', regime: null, source: 'gso.gov.vn' },
    ...extra,
  };
}

/** Quarterly GDP growth with the plan's targets for 2024 (at least 6,5 %) and 2025 (at least 8 %). */
export const GDP_GROWTH_META: IndicatorMeta = {
  code: 'GDP_GROWTH',
  name: { vi: 'Tốc độ tăng GDP', en: 'GDP growth' },
  unit: '% so với cùng kỳ',
  periodicity: 'quarter',
  direction: 'up',
  targets: [
    { period: '2024', value: 6.5, kind: 'at-least' },
    { period: '2025', value: 8, kind: 'at-least' },
  ],
};

export const readJson = (relative: string): unknown => JSON.parse(readFileSync(resolve(projectRoot, relative), 'utf8'));

/** The real preset layout on the real 2×2 55" profile, as the server would send it. */
export function presetWallState(revision = 1): unknown {
  return {
    revision,
    profile: readJson('assets/profiles/wall-2x2-55in.json'),
    layout: readJson('layouts/tong-quan-kinh-te-xa-hoi.json'),
  };
}

/**
 * A test layout of these tiles (a 24 × 12 grid) on a real profile, as the server would
 * send it: `id` and `title` name the layout, `profile` is a file of assets/profiles/.
 */
export function wallStateWith(
  tiles: unknown[],
  { id = 'thu-nghiem', title = { vi: 'Thử nghiệm' }, revision = 1, profile = 'wall-2x2-55in' }: { id?: string; title?: { vi: string; en?: string }; revision?: number; profile?: string } = {},
) {
  return {
    revision,
    profile: readJson(`assets/profiles/${profile}.json`),
    layout: { schemaVersion: 1, id, title, grid: { columns: 24, rows: 12 }, tiles },
  };
}

/**
 * The earlier KPI-only overview (23 KPI tiles, kept as a fixture): the widget tests that need
 * many KPI tiles of known ids use it, not the briefing preset, which changes with content.
 */
export function kpiWallState(revision = 1): unknown {
  return {
    revision,
    profile: readJson('assets/profiles/wall-2x2-55in.json'),
    layout: readJson('tests/dom/fixtures/kpi-overview.layout.json'),
  };
}

export type { WallState };
