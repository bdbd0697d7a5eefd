import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type ApiClient } from '../../renderer/api/client';
import { routes } from '../../shared/api';
import { periodYear } from '../../shared/widgets/history-span';
import { refusal } from '../helpers/api-refusal';
import { startHarness, type Harness } from '../helpers/server-harness';

/**
 * GET /api/v1/observations?historyYears=N: the newest vintage of each key within N calendar
 * years of each series' own newest year (the window a wall's snapshot has), so that one read
 * gives the latest figures of every indicator in a region (the layout editor's picker).
 */
let h: Harness;
let admin: ApiClient;

beforeAll(async () => {
  h = await startHarness({ rateLimit: { ratePerSecond: 1000, burst: 1000 } });
  admin = createApiClient({ serverUrl: h.server.url, token: h.server.adminToken });
});
afterAll(async () => {
  await h?.cleanup();
});

describe('observations windowed by historyYears', () => {
  it('keeps of each series the keys of its newest year(s), the same figures the unwindowed read has', async () => {
    const all = (await admin.call(routes.reads.observations, { query: { region: 'VN' } })).body.observations;
    const newestYear = new Map<string, number>();
    for (const o of all) newestYear.set(o.indicator, Math.max(newestYear.get(o.indicator) ?? -Infinity, periodYear(o.period) ?? -Infinity));
    // The seeded national figures span several years: a window of one is a real cut.
    expect(all.length).toBeGreaterThan(newestYear.size * 2);

    for (const years of [1, 2]) {
      const windowed = (await admin.call(routes.reads.observations, { query: { region: 'VN', historyYears: String(years) } })).body.observations;
      const expected = all.filter((o) => (periodYear(o.period) ?? Infinity) >= newestYear.get(o.indicator)! - years + 1);
      expect(windowed).toEqual(expected);
      expect(windowed.length).toBeLessThan(all.length);
      // Every indicator with a figure keeps its latest one.
      expect(new Set(windowed.map((o) => o.indicator))).toEqual(new Set(newestYear.keys()));
    }
  });

  it('refuses a window with history=1, or out of range, naming historyYears', async () => {
    const queries: { history?: '1'; historyYears: string }[] = [{ history: '1', historyYears: '1' }, { historyYears: '0' }, { historyYears: '51' }, { historyYears: 'một' }];
    for (const query of queries) {
      const refused = await refusal(admin.call(routes.reads.observations, { query }));
      expect(refused).toMatchObject({ status: 400, code: 'request.invalid_query' });
      expect(refused.errors.map((e) => e.path)).toEqual(['?historyYears']);
    }
  });
});
