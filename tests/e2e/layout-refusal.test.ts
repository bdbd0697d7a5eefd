import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';
import { eventually } from '../helpers/wait';
import { launchChromium } from './support/browser';
import { ServerProcess } from './support/server';
import { openScreenPages, readProfile, tileBoxes, type ScreenPage } from './support/wall';

const profileFile = 'assets/profiles/wall-2x2-55in.json';

/** An invalid layout is refused whole, with every error listed, and the wall keeps its last good layout. */
describe('refusing an invalid layout', () => {
  const profile = readProfile(profileFile);
  const layoutPath = resolve(mkdtempSync(resolve(tmpdir(), 'toancanh-layout-')), 'active.json');
  let browser: Browser;
  let server: ServerProcess;
  let pages: ScreenPage[];
  const tileIds = async () => new Set((await Promise.all(pages.map(async ({ page }) => [...(await tileBoxes(page)).keys()]))).flat());

  beforeAll(async () => {
    copyFileSync(resolve(projectRoot, 'layouts/tong-quan-kinh-te-xa-hoi.json'), layoutPath);
    server = new ServerProcess({ profile: profileFile, layout: layoutPath });
    await server.start();
    browser = await launchChromium();
    pages = await openScreenPages(browser, server, profile);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const brokenLayout = () => {
    const layout = JSON.parse(readFileSync(resolve(projectRoot, 'layouts/tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as { tiles: Record<string, unknown>[]; grid: { columns: number } };
    layout.tiles[0]!.w = 99;
    layout.tiles[1]!.widget = 'hologram';
    layout.tiles[2]!.id = layout.tiles[3]!.id;
    delete layout.tiles[4]!.binding;
    return layout;
  };

  /** The wall revision the server holds. */
  const serverRevision = async () => (await server.api<{ revision: number }>('GET', '/api/v1/wall')).body.revision;
  /** Waits until every page has applied wall revision `revision` (data-wall-revision on its screen). */
  const pagesAt = (revision: number) =>
    Promise.all(pages.map(({ page }) => page.waitForSelector(`[data-wall-revision="${revision}"]`, { timeout: 10_000 })));

  it('answers 422 listing every error when an operator pushes it, and the wall keeps the last good layout', async () => {
    const before = await tileIds();
    const revision = await serverRevision();
    await pagesAt(revision);
    const response = await server.api<{ error: { code: string }; errors: { path: string; message: string }[] }>('PUT', '/api/v1/wall/layout', brokenLayout());
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('wall.layout_invalid');
    const paths = response.body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.tiles[0].w', '$.tiles[1].widget', '$.tiles[3].id', '$.tiles[4].binding']));
    // The marker: the good layout with a new title (the same layout again would be no change)
    // is the very next revision, so the refused one made none; once the pages show the
    // marker, nothing came to them before it.
    const good = JSON.parse(readFileSync(resolve(projectRoot, 'layouts/tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as { title: { vi: string } };
    good.title.vi += ' (đánh dấu)';
    const marker = await server.api<{ revision: number; layout: { id: string } }>('PUT', '/api/v1/wall/layout', good);
    expect(marker.status).toBe(200);
    expect(marker.body.revision).toBe(revision + 1);
    expect(marker.body.layout.id).toBe('tong-quan-kinh-te-xa-hoi');
    await pagesAt(revision + 1);
    expect(await tileIds()).toEqual(before);
  });

  it('keeps the last good layout when the watched file is edited into an invalid one, and takes the next valid edit', async () => {
    const before = await tileIds();
    const revision = await serverRevision();
    writeFileSync(layoutPath, JSON.stringify(brokenLayout()));
    // The server says it refused the edit: wait for that line, not for time to pass.
    await eventually(() => expect(server.output.join('')).toMatch(/tiles\[1\]\.widget/), 'the refusal in the server log', 10_000, 50);
    expect(await serverRevision()).toBe(revision);
    expect(await tileIds()).toEqual(before);

    const smaller = JSON.parse(readFileSync(resolve(projectRoot, 'layouts/tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as { id: string; tiles: { id: string }[] };
    smaller.tiles = smaller.tiles.slice(0, 3);
    writeFileSync(layoutPath, JSON.stringify(smaller));
    // The next valid edit is the very next revision: the invalid one made none. Every page
    // gets it over its own /control socket: wait for each.
    await pagesAt(revision + 1);
    expect(await serverRevision()).toBe(revision + 1);
    const after = await tileIds();
    expect([...after].sort()).toEqual(smaller.tiles.map((t) => t.id).sort());
  });

  it('refuses a wall-state push from a token without the operator role', async () => {
    const response = await server.api<{ error: { code: string } }>('PUT', '/api/v1/wall/layout', brokenLayout(), server.wallToken);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('auth.role_forbidden');
  });
});
