import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallState } from '../../shared/protocol/control';
import { findProjectRoot, projectPaths } from '../../server/paths';
import { liveBytes } from '../helpers/live-memory';
import { startHarness, tempDir, waitFor, type Harness } from '../helpers/server-harness';

/**
 * The "small layout kills the server" fault: bodies well under the request limit that
 * once cost seconds, hundreds of megabytes or the process. Each must be refused (4xx,
 * never 5xx) with at most 100 errors and the total, and leave the server up, its wall
 * unchanged and its memory where it was. Durations are printed, not asserted: the figures
 * belong to the report, the machine is shared.
 */

const paths = projectPaths(findProjectRoot());
const presetText = readFileSync(join(paths.layoutsDir, 'tong-quan-kinh-te-xa-hoi.json'), 'utf8');
const preset = JSON.parse(presetText) as Record<string, unknown>;
const MB = 1024 * 1024;


/** The preset with `tiles` replaced by N copies of one bare tile, as the fault report posted. */
const copies = (n: number) => JSON.stringify({ ...preset, tiles: Array.from({ length: n }, () => ({ x: 0, y: 0, w: 1, h: 1 })) });

const nested = (depth: number, inner: string) => JSON.stringify({ ...preset, tiles: ['@'] }).replace('"@"', `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`);

/**
 * Each body, and the refusal it gets: 422 from the layout loader; 400 from the JSON body
 * parser, which refuses nesting deeper than 64 levels before parsing (server/http/json-body.ts),
 * so the depth check answers before the prototype-poisoning check would.
 */
const bodies: [name: string, body: string, status: 400 | 422][] = [
  ['200 copies of one tile (the most a layout holds)', copies(200), 422],
  ['2,000 copies', copies(2000), 422],
  ['4,000 copies', copies(4000), 422],
  ['6,000 copies', copies(6000), 422],
  ['tiles of 5,000 nested arrays', JSON.stringify({ ...preset, tiles: '@' }).replace('"@"', `${'['.repeat(5000)}${']'.repeat(5000)}`), 400],
  ['options nested 100,000 objects deep', nested(100_000, '1'), 400],
  ['__proto__ under 100,000 objects', nested(100_000, '{"__proto__":{"x":1}}'), 400],
  ['a title of 900,000 characters', JSON.stringify({ ...preset, title: { vi: 'x'.repeat(900_000) } }), 422],
  ['80,000 keys in one object', JSON.stringify({ ...preset, ...Object.fromEntries(Array.from({ length: 80_000 }, (_, i) => [`k${i}`, 0])) }), 422],
];

interface Refusal {
  error: { code: string; message_vi: string; message_en: string };
  errors: { path: string; message: string }[];
  total: number;
}

let h: Harness;
let operator: string;
let dir: string;
let watched: string;

beforeAll(async () => {
  dir = tempDir();
  watched = join(dir, 'tuong.json');
  writeFileSync(watched, presetText);
  h = await startHarness({ dataDir: join(dir, 'data'), layout: { path: watched, watch: true }, watchDebounceMs: 30 });
  operator = (await h.api<{ token: string }>('POST', '/api/v1/tokens', { body: { role: 'operator', label: 'console' } })).body.token;
});
afterAll(async () => {
  await h?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('PUT /api/v1/wall/layout with hostile bodies under the size limit', () => {
  it('refuses each with at most 100 errors and the total, stays up, keeps its wall and its memory', async () => {
    for (const [name, body] of bodies) expect(Buffer.byteLength(body), name).toBeLessThan(MB);
    const before = h.server.wall.get();
    // Warm up the route once so that the baseline includes what any first request allocates.
    await h.api('PUT', '/api/v1/wall/layout', { token: operator, raw: copies(3) });
    const liveBefore = liveBytes();
    const figures: string[] = [];
    for (const [name, body, status] of bodies) {
      const started = performance.now();
      const r = await h.api<Refusal>('PUT', '/api/v1/wall/layout', { token: operator, raw: body });
      const ms = performance.now() - started;
      figures.push(`${name}: ${(Buffer.byteLength(body) / 1024).toFixed(0)} kB → ${r.status} in ${ms.toFixed(0)} ms, ${r.text.length} B, ${r.body.errors?.length} of ${r.body.total} errors, live ${(liveBytes() / MB).toFixed(0)} MB, RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
      expect(r.status, name).toBe(status);
      if (status === 400) {
        expect(r.body.error.code, name).toBe('request.json_too_deep');
        continue;
      }
      expect(r.body.errors.length, name).toBeGreaterThan(0);
      expect(r.body.errors.length, name).toBeLessThanOrEqual(100);
      expect(r.body.total, name).toBeGreaterThanOrEqual(r.body.errors.length);
      expect(r.body.error, name).toMatchObject({ code: 'wall.layout_invalid', message_en: `the layout has ${r.body.total} error(s); the wall keeps its layout` });
    }
    const liveAfter = liveBytes();
    figures.push(`live ${(liveBefore / MB).toFixed(0)} MB → ${(liveAfter / MB).toFixed(0)} MB`);
    console.info(`layout refusals\n  ${figures.join('\n  ')}`);
    expect(liveAfter - liveBefore).toBeLessThan(50 * MB);

    const state = await h.api<WallState>('GET', '/api/v1/wall');
    expect(state.status).toBe(200);
    expect(state.body).toEqual(before);
    expect(h.server.wall.get()).toBe(before);
    expect(h.log.lines.some((l) => /"level":50/.test(l) && l.includes('request failed'))).toBe(false);
  });

  it('names the faults of the largest allowed count: 200 copies list 100 of 399 errors', async () => {
    const r = await h.api<Refusal>('PUT', '/api/v1/wall/layout', { token: operator, raw: copies(200) });
    expect(r.status).toBe(422);
    expect(r.body.errors).toHaveLength(100);
    expect(r.body.total).toBe(199 + 200);
    const more = await h.api<Refusal>('PUT', '/api/v1/wall/layout', { token: operator, raw: copies(6000) });
    expect(more.body).toMatchObject({ errors: [{ path: '$.tiles', message: '6,000 tiles; a layout holds at most 200' }], total: 1 });
  });

  it('refuses a profile of 5,000 screens the same way', async () => {
    const profile = JSON.parse(readFileSync(paths.profile, 'utf8')) as Record<string, unknown>;
    const r = await h.api<Refusal>('PUT', '/api/v1/wall/profile', { token: operator, body: { ...profile, screens: Array.from({ length: 5000 }, () => ({})) } });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ errors: [{ path: '$.screens', message: '5,000 items; at most 64' }], total: 1 });
  });
});

describe('a watched layout file goes through the same bounded loader', () => {
  it('refuses 6,000 copies and a file over 1 MiB, logging a bounded refusal, and then takes a good edit', async () => {
    const start = h.server.wall.get();
    const refusals = () => h.log.lines.filter((l) => l.includes('layout file refused'));

    writeFileSync(watched, copies(6000));
    await waitFor(() => refusals().length === 1, 5000, 'the first refusal');
    expect(refusals()[0]).toContain('6,000 tiles; a layout holds at most 200');

    writeFileSync(watched, JSON.stringify({ ...preset, title: { vi: 'x'.repeat(2 * MB) } }));
    await waitFor(() => refusals().length === 2, 5000, 'the second refusal');
    expect(refusals()[1]).toMatch(/the file is [\d,]+ bytes; at most 1,048,576/);
    for (const line of refusals()) expect(line.length).toBeLessThan(4000);
    expect(h.server.wall.get()).toBe(start);

    writeFileSync(watched, JSON.stringify({ ...preset, title: { vi: 'Đã sửa' } }));
    await waitFor(() => h.server.wall.get().layout.title.vi === 'Đã sửa', 5000, 'the good edit');
    expect(h.server.wall.get().revision).toBe(start.revision + 1);
  });
});
