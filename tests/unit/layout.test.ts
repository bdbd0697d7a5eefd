import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrors, loadLayout } from '../../shared/layout/load';
import { indicatorsCsvPath, projectRoot } from '../support/paths';

const presetDir = resolve(projectRoot, 'layouts');
const presets = readdirSync(presetDir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

describe('preset layouts', () => {
  it.each(presets)('%s is a valid layout', (file) => {
    const result = loadLayout(readFileSync(resolve(presetDir, file), 'utf8'));
    if (!result.ok) throw new Error(formatErrors(file, result.errors));
    expect(result.value.tiles.length).toBeGreaterThan(0);
  });

  it.each(['tong-quan-kinh-te-xa-hoi', 'ban-tin-sang-3x2'])('the morning briefing %s binds only indicators that the national data publishes', (id) => {
    const published = new Set(
      readFileSync(indicatorsCsvPath, 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0])
        .filter(Boolean),
    );
    const catalogue = JSON.parse(readFileSync(resolve(presetDir, '../server/catalog/data/indicators.json'), 'utf8')) as { indicators: { code: string; scope: string }[] };
    const provinceLevel = new Set(catalogue.indicators.filter((i) => i.scope === 'province').map((i) => i.code));
    const result = loadLayout(readFileSync(resolve(presetDir, `${id}.json`), 'utf8'));
    if (!result.ok) throw new Error('preset invalid');
    expect(result.value.title.vi).toMatch(/^Bản tin sáng/);
    for (const tile of result.value.tiles) {
      // Province-level figures come from the provinces' own reports (none are published in the seed file).
      for (const code of tile.binding?.indicators ?? []) {
        if (code.startsWith('PROV_')) expect(provinceLevel, `${tile.id} binds ${code}`).toContain(code);
        else expect(published, `${tile.id} binds ${code}`).toContain(code);
      }
    }
  });
});

describe('layout loader', () => {
  const valid = {
    schemaVersion: 1,
    id: 'test',
    title: { vi: 'Thử' },
    grid: { columns: 4, rows: 2 },
    tiles: [{ id: 'a', widget: 'kpi', x: 0, y: 0, w: 2, h: 1, binding: { indicators: ['GDP_GROWTH'] } }],
  };

  it('fills defaults in a valid file', () => {
    const result = loadLayout(JSON.stringify(valid));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.tiles[0]).toMatchObject({ options: { compare: 'previous' }, binding: { region: 'VN' } });
    }
  });

  it('refuses a file that is not JSON, naming the position', () => {
    const result = loadLayout('{"schemaVersion": 1,');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('lists every error with its JSON path at once', () => {
    const broken = {
      ...valid,
      grid: { columns: 4, rows: 2 },
      extra: true,
      tiles: [
        { id: 'a', widget: 'kpi', x: 3, y: 0, w: 2, h: 1, binding: { indicators: ['GDP_GROWTH'] } },
        { id: 'a', widget: 'kpi', x: 3, y: 0, w: 1, h: 3, binding: { indicators: ['gdp growth'] }, options: { colour: 'red' } },
        { id: 'c', widget: 'radar', x: 0, y: 1, w: 1, h: 1 },
        { id: 'd', widget: 'kpi', x: -1, y: 0, w: 1, h: 1 },
      ],
    };
    const result = loadLayout(JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = (path: string) => result.errors.filter((e) => e.path === path).map((e) => e.message).join(' | ');
    expect(byPath('$')).toMatch(/extra/);
    expect(byPath('$.tiles[0].w')).toMatch(/past the grid's 4 columns/);
    expect(byPath('$.tiles[1].id')).toMatch(/duplicate tile id "a"/);
    expect(byPath('$.tiles[1].h')).toMatch(/past the grid's 2 rows/);
    expect(byPath('$.tiles[1]')).toMatch(/overlaps tile "a"/);
    expect(byPath('$.tiles[1].binding.indicators[0]')).toMatch(/indicator code/);
    expect(byPath('$.tiles[1].options')).toMatch(/colour/);
    expect(byPath('$.tiles[2].widget')).toMatch(/unknown widget "radar"; known: kpi/);
    expect(byPath('$.tiles[3].x')).toMatch(/>=0|too small/i);
    expect(byPath('$.tiles[3].binding')).toMatch(/needs a binding/);
  });

  it('refuses a layout of another schema version', () => {
    const result = loadLayout(JSON.stringify({ ...valid, schemaVersion: 2 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('$.schemaVersion');
  });
});
