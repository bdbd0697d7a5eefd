import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishWarnings } from '../../renderer/console/editor/warnings';
import type { EditorData } from '../../renderer/console/editor/types';
import type { Layout, Tile } from '../../shared/layout/schema';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { wallProfileSchema } from '../../shared/wall/profile';
import { widgetCatalog } from '../../shared/widgets/catalog';
import { projectRoot } from '../support/paths';

const profile = wallProfileSchema.parse(JSON.parse(readFileSync(resolve(projectRoot, 'assets/profiles/wall-2x2-55in.json'), 'utf8')));
const kpiOptions = widgetCatalog.kpi.optionsSchema.parse({});
const kpi = (id: string, x: number, y: number, w: number, h: number, code = 'GDP_GROWTH'): Tile =>
  ({ id, widget: 'kpi', x, y, w, h, optionsVersion: 1, options: kpiOptions, binding: { indicators: [code], region: 'VN' } }) as Tile;
const layoutOf = (...tiles: Tile[]): Layout => ({ schemaVersion: 1, id: 'thu', title: { vi: 'Thử' }, grid: { columns: 24, rows: 12 }, tiles });

const GDP: IndicatorMeta = { code: 'GDP_GROWTH', name: { vi: 'Tốc độ tăng GDP', en: 'GDP growth' }, unit: '%', periodicity: 'quarter', direction: 'up' };
const figure = (period: string): Observation => ({
  indicator: 'GDP_GROWTH',
  region: 'VN',
  period,
  value: 8.02,
  vintage: '2025-10-06T09:00:00+07:00',
  status: 'official',
  demo: false,
  provenance: { submissionId: null, agency: null, regime: null, source: null },
});
const data = (latest: Observation | undefined, now = Date.parse('2025-11-01T00:00:00Z')): EditorData => ({
  indicators: { GDP_GROWTH: GDP },
  latest: (indicator, region) => (indicator === 'GDP_GROWTH' && region === 'VN' ? latest : undefined),
  now,
});
const fresh = data(figure('2025-Q3'));
const kinds = (layout: Layout, d = fresh) => publishWarnings(layout, profile, d).map((w) => `${w.tileId}:${w.kind}`);

describe('warnings before publishing', () => {
  it('none for a legible tile inside one screen, with fresh data', () => {
    expect(publishWarnings(layoutOf(kpi('a', 0, 0, 4, 3)), profile, fresh)).toEqual([]);
  });

  it("a KPI across the vertical bezel has its figure under it, at the tile's path", () => {
    const [w] = publishWarnings(layoutOf(kpi('a', 10, 0, 4, 3)), profile, fresh);
    expect(w).toMatchObject({ kind: 'bezel', severity: 'warning', tileId: 'a', path: '$.tiles[0]', message_vi: 'Con số chính nằm dưới viền màn hình' });
  });

  it('a KPI across the horizontal bezel too; a map across one only if its header is', () => {
    expect(kinds(layoutOf(kpi('a', 0, 4, 4, 4)))).toEqual(['a:bezel']);
    const map = { id: 'm', widget: 'map-tiles', x: 8, y: 0, w: 8, h: 12, optionsVersion: 1, options: widgetCatalog['map-tiles'].optionsSchema.parse({}), binding: { indicators: ['GDP_GROWTH'], region: 'VN' } } as Tile;
    // Its header (top fifth) crosses the vertical bezel between s1 and s2: text under it.
    expect(kinds(layoutOf(map))).toContain('m:bezel');
    const inOneColumn = { ...map, x: 0, w: 12 } as Tile;
    expect(kinds(layoutOf(inOneColumn))).not.toContain('m:bezel');
  });

  it('a tile too small for the viewing distance, at its height field, saying how tall it must be', () => {
    const [w] = publishWarnings(layoutOf(kpi('a', 0, 0, 2, 1)), profile, fresh);
    expect(w).toMatchObject({ kind: 'legibility', path: '$.tiles[0].h' });
    expect(w!.message_vi).toMatch(/^Chữ quá nhỏ để đọc từ 5 m: ô cần cao ít nhất \d+ mm \(hiện \d+ mm\)$/);
  });

  it('a binding with no figure, and one whose figure is overdue, at the indicator', () => {
    expect(publishWarnings(layoutOf(kpi('a', 0, 0, 4, 3, 'NOTHING_HERE')), profile, fresh)).toMatchObject([{ kind: 'no-data', path: '$.tiles[0].binding.indicators[0]' }]);
    const stale = data(figure('2024-Q1'));
    const [w] = publishWarnings(layoutOf(kpi('a', 0, 0, 4, 3)), profile, stale);
    expect(w).toMatchObject({ kind: 'stale', severity: 'warning' });
    expect(w!.message_vi).toContain('2024-Q1');
  });

  it("what the schema refuses is an error at its field: a KPI without data, overlapping tiles", () => {
    const unbound = { ...kpi('a', 0, 0, 4, 3) } as Tile;
    delete (unbound as { binding?: unknown }).binding;
    const errors = publishWarnings(layoutOf(unbound, kpi('b', 2, 0, 4, 3)), profile, fresh).filter((w) => w.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ kind: 'schema', tileId: 'a', path: '$.tiles[0].binding', message_vi: 'Ô này cần chọn một chỉ tiêu để hiển thị' }),
      expect.objectContaining({ kind: 'schema', tileId: 'b', path: '$.tiles[1]', message_vi: 'Ô «b» chồng lên ô «a»' }),
    ]);
  });
});
