import { describe, expect, it } from 'vitest';
import { widgetCatalog, widgetSpecs, widgetTypes } from '../../shared/widgets/catalog';

/**
 * Layouts store widget ids (`"widget": "kpi"`), so a renamed or removed id breaks every
 * saved layout that uses it. This list changes only by adding to it; changing or removing
 * an entry means a layout migration, not an edit here.
 */
const FROZEN_WIDGET_IDS = ['kpi', 'timeseries', 'comparison', 'compliance', 'ticker', 'clock', 'note', 'image', 'map-geo', 'map-tiles', 'map-3d', 'tasks'];

/** Each widget's current options version: raising one needs a migration (tests/unit/widget-migrations.test.ts). */
const OPTIONS_VERSIONS: Record<string, number> = {
  kpi: 1,
  timeseries: 1,
  comparison: 1,
  compliance: 1,
  ticker: 2,
  clock: 1,
  note: 1,
  image: 1,
  'map-geo': 1,
  'map-tiles': 1,
  'map-3d': 1,
  tasks: 1,
};

describe('widget ids', () => {
  it('are the frozen list, in its order', () => {
    expect([...widgetTypes]).toEqual(FROZEN_WIDGET_IDS);
  });

  it('each name its own definition in the catalogue', () => {
    for (const spec of widgetSpecs) expect(widgetCatalog[spec.id]).toBe(spec);
    expect(Object.keys(widgetCatalog)).toEqual(FROZEN_WIDGET_IDS);
  });

  it('have the options versions layouts were written for, each with a migration from every older version', () => {
    expect(Object.fromEntries(widgetSpecs.map((s) => [s.id, s.optionsVersion]))).toEqual(OPTIONS_VERSIONS);
    for (const spec of widgetSpecs) {
      expect(Object.keys(spec.migrations).map(Number), spec.id).toEqual(Array.from({ length: spec.optionsVersion - 1 }, (_, i) => i + 1));
    }
  });
});
