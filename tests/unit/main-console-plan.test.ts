import { describe, expect, it } from 'vitest';
import { parseAgentConfig } from '../../main/config';
import {
  consoleBounds,
  consoleUrl,
  consoleWindowOptions,
  isConsoleNavigation,
  parseConsoleArgs,
  placeConsole,
  trayMenu,
  wallContextMenu,
} from '../../main/console-plan';
import type { Display } from '../../main/displays';

const display = (id: number, x: number, y: number, width = 1920, height = 1080, workArea?: Display['workArea']): Display => ({
  id,
  bounds: { x, y, width, height },
  ...(workArea ? { workArea } : {}),
  size: { width, height },
  scaleFactor: 1,
  rotation: 0,
  internal: false,
});

describe('parseConsoleArgs', () => {
  it('reads --console, --console-display and --lang in both forms; the last one wins', () => {
    expect(parseConsoleArgs([])).toEqual({ args: { open: false, displayId: null, lang: null }, problems: [] });
    expect(parseConsoleArgs(['.', '--console', '--console-display=42', '--lang=en'])).toEqual({ args: { open: true, displayId: 42, lang: 'en' }, problems: [] });
    expect(parseConsoleArgs(['--console-display', '7', '--lang', 'VI', '--console=false']).args).toEqual({ open: false, displayId: 7, lang: 'vi' });
    expect(parseConsoleArgs(['--console=yes', '--console-display=1', '--console-display=2']).args).toEqual({ open: true, displayId: 2, lang: null });
  });

  it('names the flag, what it expects and what it got, for every bad value', () => {
    const { problems } = parseConsoleArgs(['--console=maybe', '--console-display=left', '--lang=fr', '--console-display']);
    expect(problems).toEqual([
      '--console: expected no value, or true/false (got "maybe")',
      '--console-display: expected a display id, a whole number as the agent\'s log lists them (got "left")',
      '--lang: expected vi or en (got "fr")',
      '--console-display: needs a value',
    ]);
    expect(parseConsoleArgs(['--lang', '--console']).problems).toEqual(['--lang: needs a value']);
    expect(parseConsoleArgs(['--console-display=-1']).problems).toHaveLength(1);
  });

  it('is part of the agent configuration: no unknown-switch warning, bad values refuse the start', () => {
    const base = { env: {}, cwd: '/work', userData: '/data' };
    const config = parseAgentConfig({ ...base, argv: ['--console', '--console-display', '5', '--lang=en'] });
    expect(config.console).toEqual({ open: true, displayId: 5, lang: 'en' });
    expect(config.warnings).toEqual([]);
    expect(() => parseAgentConfig({ ...base, argv: ['--lang=de'] })).toThrow('--lang: expected vi or en (got "de")');
  });
});

describe('placeConsole', () => {
  const wall = [display(1, 0, 0), display(2, 1920, 0), display(3, 0, 1080), display(4, 1920, 1080)];
  const desk = display(9, -1920, 0, 1920, 1080, { x: -1920, y: 0, width: 1920, height: 1040 });

  it('takes the display asked for, even one that shows the wall', () => {
    const placed = placeConsole({ displays: [...wall, desk], primaryDisplayId: 1, wallDisplayIds: [1, 2, 3, 4], wanted: 3 });
    expect(placed).toMatchObject({ displayId: 3, reason: 'chosen', overWall: true, warning: null });
  });

  it('otherwise a display that drives no wall screen, within its work area', () => {
    const placed = placeConsole({ displays: [...wall, desk], primaryDisplayId: 1, wallDisplayIds: [1, 2, 3, 4], wanted: null })!;
    expect(placed).toMatchObject({ displayId: 9, reason: 'free', overWall: false });
    expect(placed.bounds).toEqual({ x: -1920 + 160, y: 52, width: 1600, height: 936 });
  });

  it('prefers the primary when it is free, and falls back to it when every display shows the wall', () => {
    expect(placeConsole({ displays: [...wall, desk], primaryDisplayId: 9, wallDisplayIds: [1, 2], wanted: null })).toMatchObject({ displayId: 9, reason: 'free' });
    expect(placeConsole({ displays: wall, primaryDisplayId: 2, wallDisplayIds: [1, 2, 3, 4], wanted: null })).toMatchObject({ displayId: 2, reason: 'primary', overWall: true });
  });

  it('says when the display asked for is not there, and chooses another', () => {
    const placed = placeConsole({ displays: [...wall, desk], primaryDisplayId: 1, wallDisplayIds: [1, 2, 3, 4], wanted: 77 })!;
    expect(placed).toMatchObject({ displayId: 9, reason: 'free' });
    expect(placed.warning).toBe('--console-display 77: no such display (there are 9, 1, 2, 3, 4); choosing another');
    expect(placeConsole({ displays: [], primaryDisplayId: null, wallDisplayIds: [], wanted: null })).toBeNull();
  });

  it('fits a small monitor and never leaves its work area', () => {
    expect(consoleBounds({ x: 100, y: 50, width: 1024, height: 700 })).toEqual({ x: 100 + 51, y: 50 + 35, width: 922, height: 630 });
    for (const area of [
      { x: 0, y: 0, width: 800, height: 600 },
      { x: 3840, y: -200, width: 2560, height: 1400 },
    ]) {
      const b = consoleBounds(area);
      expect(b.x).toBeGreaterThanOrEqual(area.x);
      expect(b.y).toBeGreaterThanOrEqual(area.y);
      expect(b.x + b.width).toBeLessThanOrEqual(area.x + area.width);
      expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height);
    }
  });
});

describe('the console window', () => {
  it('loads the server’s /console/, keeping a path prefix, with the language when one was asked', () => {
    expect(consoleUrl('http://127.0.0.1:8787', null)).toBe('http://127.0.0.1:8787/console/');
    expect(consoleUrl('https://baocao.example.vn/tuong', 'en')).toBe('https://baocao.example.vn/tuong/console/?lang=en');
  });

  it('may navigate within its server’s /console/ and nowhere else', () => {
    const home = consoleUrl('http://127.0.0.1:8787', 'vi');
    for (const ok of ['http://127.0.0.1:8787/console/', 'http://127.0.0.1:8787/console/?lang=en#/library', 'http://127.0.0.1:8787/console/assets/x.js']) {
      expect(isConsoleNavigation(ok, home), ok).toBe(true);
    }
    for (const refused of [
      'https://example.invalid/console/',
      'http://127.0.0.1:8788/console/',
      'https://127.0.0.1:8787/console/',
      'http://localhost:8787/console/',
      'http://127.0.0.1:8787/wall/?screen=s1',
      'http://127.0.0.1:8787/api/v1/users',
      'http://127.0.0.1:8787/consolex/',
      'http://user:pw@127.0.0.1:8787/console/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://toancanh/wall/index.html',
      'not a url',
    ]) {
      expect(isConsoleNavigation(refused, home), refused).toBe(false);
    }
  });

  it('is an ordinary desk window with the wall’s web preferences and no bridge', () => {
    const placement = placeConsole({ displays: [display(1, 0, 0)], primaryDisplayId: 1, wallDisplayIds: [], wanted: null })!;
    const options = consoleWindowOptions(placement, 'en', false);
    expect(options).toMatchObject({ fullscreen: false, frame: true, resizable: true, alwaysOnTop: false, show: false, title: 'Toàn Cảnh — Console' });
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      backgroundThrottling: true,
      devTools: false,
    });
    expect(consoleWindowOptions(placement, null, true).title).toBe('Toàn Cảnh — Bảng điều khiển');
  });
});

describe('menus', () => {
  it('in Vietnamese unless English was asked', () => {
    const labels = (entries: ReturnType<typeof trayMenu>) => entries.map((e) => ('separator' in e ? '—' : `${e.action}:${e.label}`));
    expect(labels(wallContextMenu(null))).toEqual(['open-console:Mở bảng điều khiển', '—', 'reload-screen:Tải lại màn hình này']);
    expect(labels(wallContextMenu('en'))).toEqual(['open-console:Open console', '—', 'reload-screen:Reload this screen']);
    expect(labels(trayMenu('vi'))).toEqual(['open-console:Mở bảng điều khiển', '—', 'quit:Thoát Toàn Cảnh']);
    expect(labels(trayMenu('en'))).toEqual(['open-console:Open console', '—', 'quit:Quit Toàn Cảnh']);
  });
});
