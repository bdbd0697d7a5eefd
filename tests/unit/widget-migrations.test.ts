import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validateLayout } from '../../shared/layout/load';
import { migrateOptions } from '../../shared/layout/migrate';
import { defineWidgetSpec, option } from '../../shared/widgets/define';
import { tickerSpec } from '../../shared/widgets/ticker/definition';

const layoutWith = (tiles: unknown[]) => ({ schemaVersion: 1, id: 'thu', title: { vi: 'Thử' }, grid: { columns: 24, rows: 12 }, tiles });
const ticker = (extra: Record<string, unknown>) => ({ id: 'canh-bao', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, ...extra });

describe('ticker options, version 1 → 2', () => {
  const migrate = (options: Record<string, unknown>) => migrateOptions(tickerSpec, 1, options);

  it('turns a paging ticker into motion { mode: page, seconds }, dropping the speed it never used', () => {
    expect(migrate({ mode: 'page', pageSeconds: 5, speed: 'fast', maxItems: 10 })).toEqual({ maxItems: 10, motion: { mode: 'page', seconds: 5 } });
  });

  it('turns a scrolling ticker (said or by default) into motion { mode: scroll, speed }, dropping the page time', () => {
    expect(migrate({ mode: 'scroll', speed: 'slow', pageSeconds: 9 })).toEqual({ motion: { mode: 'scroll', speed: 'slow' } });
    expect(migrate({ speed: 'fast' })).toEqual({ motion: { mode: 'scroll', speed: 'fast' } });
    expect(migrate({ pageSeconds: 9 })).toEqual({ motion: { mode: 'scroll' } });
  });

  it('leaves options that set none of the three as they are, and keeps a mode it does not know for the schema to name', () => {
    expect(migrate({ reports: false, thresholds: [] })).toEqual({ reports: false, thresholds: [] });
    expect(migrate({ mode: 'bounce' })).toEqual({ motion: { mode: 'bounce' } });
  });

  it('produces options the version-2 schema reads as the version-1 ones meant', () => {
    const parsed = tickerSpec.optionsSchema.parse(migrate({ mode: 'page', pageSeconds: 5 }));
    expect(parsed.motion).toEqual({ mode: 'page', seconds: 5 });
    expect(tickerSpec.optionsSchema.parse(migrate({})).motion).toEqual({ mode: 'scroll', speed: 'normal' });
  });
});

describe('layout loading migrates options', () => {
  it('loads a tile stored with an older optionsVersion migrated, validated and defaulted, at the current version', () => {
    const result = validateLayout(layoutWith([ticker({ optionsVersion: 1, options: { mode: 'page', pageSeconds: 6, reports: false } })]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [tile] = result.value.tiles;
    expect(tile).toMatchObject({ widget: 'ticker', optionsVersion: 2 });
    expect(tile!.options).toEqual({ thresholds: [], reports: false, reportsWithinDays: 45, tasks: true, motion: { mode: 'page', seconds: 6 }, maxItems: 40 });
  });

  it('records the current version, so loading the result again changes nothing', () => {
    const once = validateLayout(layoutWith([ticker({ optionsVersion: 1, options: { mode: 'page', pageSeconds: 6 } })]));
    if (!once.ok) throw new Error(JSON.stringify(once.errors));
    const twice = validateLayout(JSON.parse(JSON.stringify(once.value)));
    expect(twice).toEqual(once);
  });

  it('reads a tile without optionsVersion as the current version', () => {
    const result = validateLayout(layoutWith([ticker({ options: { motion: { mode: 'page' } } })]));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.tiles[0]).toMatchObject({ optionsVersion: 2, options: { motion: { mode: 'page', seconds: 8 } } });
  });

  it('refuses a newer version with a message naming the tile, the widget and both versions', () => {
    const result = validateLayout(layoutWith([ticker({ optionsVersion: 3, options: { motion: { mode: 'wave' } } })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        path: '$.tiles[0].optionsVersion',
        message: 'tile "canh-bao" (tiles[0]): widget "ticker" options version 3 is newer than this wall knows (version 2); update the wall software, or write version-2 options',
      },
    ]);
    expect(result.total).toBe(1);
  });

  it('refuses a version that is not a whole number from 1', () => {
    for (const optionsVersion of [0, 1.5, '2', null]) {
      const result = validateLayout(layoutWith([ticker({ optionsVersion })]));
      expect(result.ok, String(optionsVersion)).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('$.tiles[0].optionsVersion');
    }
  });

  it('says which migration an error comes out of', () => {
    const result = validateLayout(layoutWith([ticker({ optionsVersion: 1, options: { mode: 'bounce' } })]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ path: '$.tiles[0].options.motion.mode', message: expect.stringMatching(/options migrated from version 1 to 2\)$/) });
  });

  it('tells a file written before the change (no version) what to add', () => {
    const result = validateLayout(layoutWith([ticker({ options: { mode: 'page', pageSeconds: 5 } })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hint = result.errors.find((e) => e.path === '$.tiles[0].optionsVersion');
    expect(hint?.message).toMatch(/valid version-1 options: add "optionsVersion": 1/);
    // …and following the hint loads it.
    expect(validateLayout(layoutWith([ticker({ optionsVersion: 1, options: { mode: 'page', pageSeconds: 5 } })])).ok).toBe(true);
  });
});

describe('defineWidgetSpec', () => {
  const schema = z.object({ size: option(z.number().min(1).max(9).default(3), { label: { vi: 'Cỡ', en: 'Size' } }) }).strict();
  const base = {
    id: 'thu-nghiem',
    name: { vi: 'Thử nghiệm', en: 'Test' },
    description: { vi: 'Chỉ dùng trong kiểm thử', en: 'For tests only' },
    optionsSchema: schema,
    binding: 'none' as const,
    legibility: { smallestTextFraction: 0.1 },
  };

  it('runs a test-only widget’s migrations one version at a time, in order', () => {
    const spec = defineWidgetSpec({
      ...base,
      optionsVersion: 3,
      migrations: {
        1: ({ big, ...rest }) => ({ ...rest, scale: big === true ? 'large' : 'normal' }),
        2: ({ scale, ...rest }) => ({ ...rest, size: scale === 'large' ? 9 : 3 }),
      },
    });
    expect(migrateOptions(spec, 1, { big: true })).toEqual({ size: 9 });
    expect(migrateOptions(spec, 2, { scale: 'normal' })).toEqual({ size: 3 });
    expect(migrateOptions(spec, 3, { size: 5 })).toEqual({ size: 5 });
  });

  it('refuses a definition with a gap in its migrations, an option without a default, or a fraction that is not one', () => {
    expect(() => defineWidgetSpec({ ...base, optionsVersion: 3, migrations: { 2: (o) => o } })).toThrow(/migrations must go from each version below 3/);
    expect(() => defineWidgetSpec({ ...base, optionsVersion: 1, migrations: { 1: (o) => o } })).toThrow(/migrations/);
    const noDefault = z.object({ size: z.number() }).strict();
    expect(() => defineWidgetSpec({ ...base, optionsSchema: noDefault, optionsVersion: 1, migrations: {} })).toThrow(/every option needs a default/);
    expect(() => defineWidgetSpec({ ...base, optionsVersion: 1, migrations: {}, legibility: { smallestTextFraction: 7 } })).toThrow(/smallestTextFraction/);
    expect(() => defineWidgetSpec({ ...base, id: 'Bad Id', optionsVersion: 1, migrations: {} })).toThrow(/id/);
  });
});
