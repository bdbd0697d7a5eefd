import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';
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

  it('answers 422 listing every error when an operator pushes it, and the wall keeps the last good layout', async () => {
    const before = await tileIds();
    const response = await server.api<{ errors: { path: string; message: string }[] }>('PUT', '/api/v1/wall/layout', brokenLayout());
    expect(response.status).toBe(422);
    const paths = response.body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['$.tiles[0].w', '$.tiles[1].widget', '$.tiles[3].id', '$.tiles[4].binding']));
    await new Promise((r) => setTimeout(r, 500));
    expect(await tileIds()).toEqual(before);
    const state = await server.api<{ layout: { id: string } }>('GET', '/api/v1/wall');
    expect(state.body.layout.id).toBe('tong-quan-kinh-te-xa-hoi');
  });

  it('keeps the last good layout when the watched file is edited into an invalid one, and takes the next valid edit', async () => {
    const before = await tileIds();
    writeFileSync(layoutPath, JSON.stringify(brokenLayout()));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await tileIds()).toEqual(before);
    expect(server.output.join('')).toMatch(/tiles\[1\]\.widget/);

    const smaller = JSON.parse(readFileSync(resolve(projectRoot, 'layouts/tong-quan-kinh-te-xa-hoi.json'), 'utf8')) as { id: string; tiles: unknown[] };
    smaller.tiles = smaller.tiles.slice(0, 3);
    writeFileSync(layoutPath, JSON.stringify(smaller));
    // Every page gets the new layout over its own /control socket: wait for each.
    await Promise.all(pages.map(({ page }) => page.waitForFunction(() => document.querySelectorAll('[data-tile-id]').length <= 3, undefined, { timeout: 5_000 })));
    const after = await tileIds();
    expect(after.size).toBeLessThanOrEqual(3);
  });

  it('refuses a wall-state push from a token without the operator role', async () => {
    const response = await server.api('PUT', '/api/v1/wall/layout', brokenLayout(), server.wallToken);
    expect(response.status).toBe(403);
  });
});
