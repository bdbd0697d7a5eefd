import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Display } from '../../main/displays';
import { prepareAgent, startAgent, type RunningAgent } from '../../main/agent';
import { ServerProcess } from '../e2e/support/server';
import { projectRoot } from '../support/paths';
import { createElectronDouble, type DoubleBrowserWindow, type ElectronDouble } from './electron-double';
import { agentOptions, eventually, gridDisplays, pageOf, waitForTiles } from './support';

const profileFile = resolve(projectRoot, 'assets/profiles/wall-2x2-55in.json');
/** The operator's own monitor, below the wall, last in reading order: the plan leaves it dark, so the console goes there. */
const DESK: Display = { id: 200, bounds: { x: 0, y: 1080, width: 1280, height: 800 }, size: { width: 1280, height: 800 }, scaleFactor: 1, rotation: 0, internal: true };

/**
 * `--console` against the Electron double: the agent's real startup code opens the console
 * (the real server's /console/ in a real Chromium page) as an ordinary window, one at a
 * time; the wall windows' context menu and the tray item open or focus it; it cannot
 * leave its server's /console/. Native menus and the OS tray are the double's (docs/console.md).
 */
describe('the console window of the display agent', () => {
  const work = mkdtempSync(join(tmpdir(), 'toancanh-console-window-'));
  const log: string[] = [];
  let server: ServerProcess;
  let double: ElectronDouble;
  let agent: RunningAgent;
  const consoles = (): DoubleBrowserWindow[] => double.openWindows().filter((w) => w.options.title.startsWith('Toàn Cảnh — Bảng'));

  beforeAll(async () => {
    server = new ServerProcess({ profile: 'assets/profiles/wall-2x2-55in.json', layout: 'layouts/tong-quan-kinh-te-xa-hoi.json' });
    await server.start();
    double = await createElectronDouble({ profileDir: join(work, 'chromium'), userData: join(work, 'user-data'), displays: [...gridDisplays(), DESK] });
    prepareAgent(double.electron);
    const argv = ['--server', server.url, '--token', server.wallToken, '--profile', profileFile, '--data', join(work, 'user-data'), '--console'];
    agent = await startAgent(double.electron, agentOptions(argv, log));
  });

  afterAll(async () => {
    await agent?.stop();
    await double?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('--console opens a non-kiosk window on the free monitor, showing the console’s login page', async () => {
    await waitForTiles(double, 's1');
    const [win] = await eventually(() => {
      const found = consoles();
      expect(found).toHaveLength(1);
      return found;
    }, 'the console window');
    expect(win!.options).toMatchObject({ fullscreen: false, frame: true, resizable: true, alwaysOnTop: false });
    expect(win!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win!.options.webPreferences.preload).toBeUndefined();
    const b = win!.getBounds();
    expect(b.x).toBeGreaterThanOrEqual(DESK.bounds.x);
    expect(b.x + b.width).toBeLessThanOrEqual(DESK.bounds.x + DESK.bounds.width);
    const page = win!.webContents.page!;
    await page.waitForSelector('input[name="username"]');
    expect(page.url()).toBe(`${server.url}/console/`);
    expect(await page.textContent('h1')).toContain('Đăng nhập bảng điều khiển');
    expect(await page.evaluate(() => 'toancanh' in window)).toBe(false);
    mkdirSync(resolve(projectRoot, 'out/screenshots'), { recursive: true });
    await page.screenshot({ path: resolve(projectRoot, 'out/screenshots/console-window-login.png') });
    await eventually(() => expect(win!.visible).toBe(true), 'shown');
  });

  it('cannot navigate off its server’s /console/', async () => {
    const win = consoles()[0]!;
    const page = win.webContents.page!;
    for (const target of ['https://example.invalid/steal', `${server.url}/wall/?screen=s1`]) {
      await page.evaluate((url) => (location.href = url), target);
      await eventually(() => expect(win.webContents.refusedNavigations).toContain(target), `refused ${target}`);
    }
    expect(page.url()).toBe(`${server.url}/console/`);
    await page.waitForSelector('input[name="username"]');
  });

  it('the wall’s context menu and the tray focus the one console window, or open it again once closed', async () => {
    const win = consoles()[0]!;
    const focused = win.focused;
    // A real right-click in the wall page: the agent pops its menu.
    await pageOf(double, 's2').mouse.click(300, 200, { button: 'right' });
    const menu = await eventually(() => {
      const popped = double.menus.lastPopup();
      expect(popped?.labels()).toEqual(['Mở bảng điều khiển', '—', 'Tải lại màn hình này']);
      return popped!;
    }, 'the context menu');
    menu.click('Mở bảng điều khiển');
    expect(consoles()).toHaveLength(1);
    expect(win.focused).toBeGreaterThan(focused);

    const [tray] = double.trays;
    expect(tray!.menu!.labels()).toEqual(['Mở bảng điều khiển', '—', 'Thoát Toàn Cảnh']);
    win.destroy();
    await eventually(() => expect(agent.console.isOpen()).toBe(false), 'console closed');
    expect(double.app.exitCodes).toEqual([]);
    tray!.menu!.click('Mở bảng điều khiển');
    const again = await eventually(() => {
      const found = consoles();
      expect(found).toHaveLength(1);
      return found[0]!;
    }, 'a new console window');
    expect(again).not.toBe(win);
    await again.webContents.page?.waitForSelector('input[name="username"]');
    // A second `npm start -- --console` focuses it too.
    const before = again.focused;
    double.secondInstance(['/usr/bin/electron', '.', '--console']);
    expect(again.focused).toBeGreaterThan(before);
    expect(consoles()).toHaveLength(1);
  });
});
