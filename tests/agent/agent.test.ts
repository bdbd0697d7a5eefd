import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareAgent, startAgent, type RunningAgent } from '../../main/agent';
import { IPC } from '../../shared/ipc';
import { ServerProcess } from '../e2e/support/server';
import { offlineMarkCoversNoFigure, waitForKeptSeq } from '../e2e/support/offline';
import { gdpReport, waitForValue } from '../e2e/support/wall';
import { projectRoot } from '../support/paths';
import type { ElectronDouble } from './electron-double';
import { agentOptions, agentWorkspace, eventually, gridDisplays, pageOf, waitForTiles, windowOf } from './support';

const profileFile = resolve(projectRoot, 'assets/profiles/wall-2x2-55in.json');
const layoutFile = 'layouts/tong-quan-kinh-te-xa-hoi.json';
const SCREENS = ['s1', 's2', 's3', 's4'];

/**
 * main/ as a whole: the agent's real startup code (main/agent.ts) against the Electron
 * double of tests/agent/electron-double, whose windows are Chromium pages loading the
 * built renderer through the agent's own app:// handler, with the real preload bundle
 * and IPC guards, against the real server process. One agent run after the other, as a
 * wall lives: start, monitors coming and going, a crash, a hang, the server going away,
 * a restart during the outage, the server coming back, a recycling round, a relaunch.
 */
describe('the display agent, end to end against the Electron double', () => {
  const space = agentWorkspace('toancanh-agent-');
  const { userData, log } = space;
  let server: ServerProcess;
  let double: ElectronDouble;
  let agent: RunningAgent;

  const argv = (): string[] => ['--server', server.url, '--token', server.wallToken, '--profile', profileFile, '--data', userData];
  const launch = async (): Promise<void> => {
    double = await space.launchDouble();
    prepareAgent(double.electron);
    agent = await startAgent(double.electron, agentOptions(argv(), log));
  };
  const markNotReloaded = async (): Promise<void> => {
    for (const id of SCREENS) await pageOf(double, id).evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
  };
  const notReloaded = async (id: string): Promise<boolean> =>
    (await pageOf(double, id).evaluate(() => (window as unknown as { __same?: boolean }).__same)) === true;

  beforeAll(async () => {
    server = new ServerProcess({ profile: 'assets/profiles/wall-2x2-55in.json', layout: layoutFile });
    await server.start();
    await launch();
  });

  afterAll(async () => {
    await agent?.stop();
    await double?.close();
    await server?.stop();
    space.remove();
  });

  it('opens one hardened window per display at the planned bounds, each with the preload bridge', async () => {
    for (const id of SCREENS) await waitForTiles(double, id);
    const displays = gridDisplays();
    for (const [index, id] of SCREENS.entries()) {
      const win = windowOf(double, id)!;
      expect(win.getBounds(), id).toEqual(displays[index]!.bounds);
      expect(win.webContents.page!.viewportSize(), id).toEqual({ width: 960, height: 540 });
      expect(win.options).toMatchObject({ fullscreen: true, frame: false, alwaysOnTop: true });
      expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
      for (const risky of ['allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker']) {
        expect(win.options.webPreferences, `${id}: ${risky}`).not.toHaveProperty(risky);
      }
      await eventually(() => expect({ visible: win.visible, level: win.alwaysOnTop.level }).toEqual({ visible: true, level: 'screen-saver' }), `${id} shown on top`);
      // The bridge is the preload's, over the agent's IPC: the page learns its own screen.
      const config = await pageOf(double, id).evaluate(() => window.toancanh!.getWindowConfig());
      expect(config).toMatchObject({ screenId: id, serverUrl: server.url, token: server.wallToken, host: expect.any(String), displayId: expect.any(Number) });
      // The bridge is two functions, frozen; no ipcRenderer, no require, no process in the page.
      const exposed = await pageOf(double, id).evaluate(() => ({
        keys: Object.keys(Object.getOwnPropertyDescriptors(window.toancanh!)).sort(),
        frozen: Object.isFrozen(window.toancanh),
        globals: ['require', 'process', 'ipcRenderer', 'module'].filter((name) => name in window),
      }));
      expect(exposed).toEqual({ keys: ['getWindowConfig', 'reportStatus'], frozen: true, globals: [] });
    }
    // What the agent's app:// handler answers: the built page with its CSP (the server is the only other origin), nothing outside the bundle.
    const page = await fetch(`${double.bridge.origin}/wall/index.html?screen=s1`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${server.url} ${server.url.replace(/^http/, 'ws')}`);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const escape of ['/..%2F..%2Fpackage.json', '/wall/..%5C..%5Cpackage.json', '/%00.html']) {
      expect((await fetch(`${double.bridge.origin}${escape}`)).status, escape).toBe(403);
    }
    expect((await fetch(`${double.bridge.origin}/wall/index.html`, { method: 'POST' })).status).toBe(405);
    expect(double.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(double.powerSaveBlocks.size).toBe(1);
    // Every page came through the agent's app:// handler.
    for (const id of SCREENS) expect(double.bridge.served).toContainEqual({ url: `app://toancanh/wall/index.html?screen=${id}`, status: 200 });
    // Heartbeats reach the per-window health, with frames.
    for (const id of SCREENS) {
      await eventually(() => {
        const h = agent.health.get(id)!;
        expect(h.connected).toBe(true);
        expect(h.lastFrameAt).not.toBeNull();
        expect(h.restored).toBe(false);
      }, `${id} heartbeat`);
    }
  });

  it('keeps the windows in the app: navigation, pop-ups, foreign IPC and permissions are refused', async () => {
    const page = pageOf(double, 's1');
    const contents = windowOf(double, 's1')!.webContents;
    await page.evaluate(() => {
      location.href = 'https://example.invalid/steal';
    });
    await eventually(() => expect(contents.refusedNavigations).toContain('https://example.invalid/steal'), 'navigation refused');
    await page.evaluate(() => void window.open('https://example.invalid/popup'));
    await eventually(() => expect(contents.refusedPopups.length).toBeGreaterThan(0), 'pop-up refused');
    expect(await page.locator('[data-screen-id="s1"] [data-tile-id]').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('/wall/index.html?screen=s1');
    // A frame that is not ours (a compromised renderer's claim) gets an error, not the token.
    const handler = (double.electron.ipcMain as unknown as { handlers: Map<string, (e: unknown) => unknown> }).handlers.get(IPC.getWindowConfig)!;
    expect(() => handler({ sender: contents, senderFrame: { url: 'https://evil.example/', parent: null } })).toThrow('untrusted sender');
    expect(() => handler({ sender: contents, senderFrame: { url: 'app://toancanh/wall/index.html', parent: {} } })).toThrow('untrusted sender');
    // A <webview> is refused at attach time.
    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(await double.session.ask('geolocation', 'app://toancanh/wall/index.html')).toBe(false);
    expect(await double.session.ask('media', 'app://toancanh/wall/index.html')).toBe(false);
    expect(await double.session.ask('local-network-access', 'https://evil.example/')).toBe(false);
    expect(await double.session.ask('local-network-access', 'app://toancanh/wall/index.html')).toBe(true);
  });

  it('closes the window of a display that goes, gives it back when the display returns, and puts a moved window back', async () => {
    const fourth = gridDisplays()[3]!;
    double.screen.remove(fourth.id);
    await eventually(() => expect(windowOf(double, 's4')).toBeUndefined(), 's4 closed');
    expect(double.openWindows()).toHaveLength(3);
    double.screen.add(fourth);
    const page = await waitForTiles(double, 's4');
    expect(windowOf(double, 's4')!.getBounds()).toEqual(fourth.bounds);
    expect(page.viewportSize()).toEqual({ width: 960, height: 540 });

    // The OS shoves a window off its display (a resolution change, a window manager): it goes back.
    const s2 = windowOf(double, 's2')!;
    s2.setBounds({ x: 1200, width: 700 });
    await eventually(() => expect(s2.getBounds()).toEqual(gridDisplays()[1]!.bounds), 's2 back on its display');
    expect(agent.health.snapshot().events).toContainEqual(expect.objectContaining({ window: 's2', kind: 'off-display' }));
  });

  it('reloads a window whose renderer crashed', async () => {
    const before = agent.health.get('s1')!.restarts;
    const oldPage = pageOf(double, 's1');
    const cdp = await double.context.newCDPSession(oldPage);
    await cdp.send('Page.crash').catch(() => undefined); // the target dies before it answers
    await eventually(() => expect(agent.health.get('s1')!.restarts).toBe(before + 1), 'crash counted');
    const page = await waitForTiles(double, 's1');
    expect(page).not.toBe(oldPage);
    const events = agent.health.snapshot().events.filter((e) => e.window === 's1').map((e) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['renderer-gone', 'reloading', 'loaded']));
    await eventually(() => expect(agent.health.get('s1')!.connected).toBe(true), 's1 connected again');
  });

  it('kills and reloads a window whose renderer hangs', async () => {
    const before = agent.health.get('s3')!.restarts;
    const hung = pageOf(double, 's3');
    void hung.evaluate(() => {
      for (;;) {
        // a page stuck in a loop: no frames, no timers, no answers
      }
    }).catch(() => undefined);
    await eventually(() => expect(agent.health.get('s3')!.restarts).toBeGreaterThanOrEqual(before + 1), 'hang noticed', 30_000);
    await waitForTiles(double, 's3', 30_000);
    const kinds = agent.health.snapshot().events.filter((e) => e.window === 's3').map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['unresponsive', 'renderer-gone', 'reloading']));
  });

  it('keeps showing the last good state, marked offline, when the server stops, without reloading', async () => {
    expect((await server.api('POST', '/api/v1/reports', gdpReport(6.9))).status).toBe(201);
    await waitForValue(pageOf(double, 's1'), 'tang-truong-gdp', '6,9');
    const { body: health } = await server.api<{ seq: number }>('GET', '/api/v1/health', undefined, null);
    for (const id of SCREENS) await eventually(() => expect(agent.health.get(id)!.lastSeq).toBe(health.seq), `${id} at seq ${health.seq}`);
    // Each page has written that seq to disk (it writes at most every 5 s), as a wall would have long before.
    for (const id of SCREENS) await waitForKeptSeq(pageOf(double, id), health.seq);
    await markNotReloaded();
    const restarts = SCREENS.map((id) => agent.health.get(id)!.restarts);

    await server.kill('SIGKILL');
    for (const id of SCREENS) {
      const page = pageOf(double, id);
      await page.waitForSelector('[data-offline="true"]', { timeout: 20_000 });
      expect(await page.locator('[data-offline="true"]').innerText()).toMatch(/Mất kết nối — số liệu lúc \d\d:\d\d/);
      expect(await offlineMarkCoversNoFigure(page), id).toEqual([]);
    }
    await waitForValue(pageOf(double, 's1'), 'tang-truong-gdp', '6,9');
    for (const id of SCREENS) expect(await notReloaded(id), id).toBe(true);
    expect(SCREENS.map((id) => agent.health.get(id)!.restarts)).toEqual(restarts);
  });

  it('started while the server is down, shows the kept wall at once, then resumes from the kept seq when it answers', async () => {
    await agent.stop();
    await double.close();
    await launch();
    for (const id of SCREENS) {
      const page = await waitForTiles(double, id);
      await page.waitForSelector('[data-offline="true"]');
      await eventually(() => expect(agent.health.get(id)!.restored).toBe(true), `${id} reports a restored wall`);
    }
    await waitForValue(pageOf(double, 's1'), 'tang-truong-gdp', '6,9');
    const keptSeq = agent.health.get('s1')!.lastSeq;
    expect(keptSeq).not.toBeNull();
    await markNotReloaded();

    // Reports arrive while this agent's windows are cut off.
    const meanwhile = new ServerProcess({ dataDir: server.dataDir, adminToken: server.adminToken, wallToken: server.wallToken, profile: 'assets/profiles/wall-2x2-55in.json', layout: layoutFile });
    await meanwhile.start();
    for (const growth of [7.15, 7.35]) expect((await meanwhile.api('POST', '/api/v1/reports', gdpReport(growth))).status).toBe(201);
    const { body: head } = await meanwhile.api<{ seq: number }>('GET', '/api/v1/health', undefined, null);
    await meanwhile.stop();
    expect(head.seq).toBeGreaterThan(keptSeq!);

    await server.start();
    for (const id of SCREENS) {
      await eventually(() => {
        const h = agent.health.get(id)!;
        expect(h.lastSeq).toBe(head.seq);
        expect(h.restored).toBe(false);
        expect(h.connected).toBe(true);
      }, `${id} resumed to seq ${head.seq}`, 30_000);
      expect(await notReloaded(id), `${id} was not reloaded`).toBe(true);
    }
    await waitForValue(pageOf(double, 's1'), 'tang-truong-gdp', '7,35');
    await pageOf(double, 's1').waitForSelector('[data-offline="true"]', { state: 'detached' });
  });

  it('recycles the windows one at a time, each after the server answered and the previous one painted again', async () => {
    const since = Date.now();
    const outcome = await agent.recycleNow();
    expect(outcome).toEqual({ reloaded: SCREENS, stoppedBecause: null });
    const events = agent.health.snapshot().events.filter((e) => e.at >= since && (e.kind === 'recycled' || e.kind === 'loaded'));
    // recycled s1, loaded s1, recycled s2, loaded s2 …: never two screens blank at once.
    expect(events.map((e) => `${e.kind} ${e.window}`)).toEqual(SCREENS.flatMap((id) => [`recycled ${id}`, `loaded ${id}`]));
    for (const id of SCREENS) await waitForTiles(double, id);
  });

  it('relaunches the app when failures pile up (the GPU process dying again and again)', async () => {
    for (let i = 0; i < 12 && double.app.relaunches === 0; i++) double.childProcessGone({ type: 'GPU', reason: 'crashed', exitCode: 139 });
    expect(double.app.relaunches).toBe(1);
    expect(await double.app.exited).toBe(0);
    expect(agent.health.snapshot().events.filter((e) => e.kind === 'relaunch')).toHaveLength(1);
    expect(log.join('')).toContain('relaunching the agent');
  });
});
