import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, wallPageUrl } from '../../main/app-origin';
import { contentTypeFor, resolveAppRequest } from '../../main/app-paths';
import { isTrustedSender } from '../../main/ipc-guard';
import { isAllowedNavigation, isAllowedWindowOpen } from '../../main/navigation-guard';
import { isPermissionAllowed } from '../../main/permission-policy';
import { IPC } from '../../shared/ipc';

const root = resolve('/opt/toancanh/out/renderer');

describe('IPC sender guard', () => {
  it('trusts our app:// pages', () => {
    expect(APP_ORIGIN).toBe('app://toancanh');
    expect(isTrustedSender('app://toancanh/wall/index.html?screen=s1', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender(wallPageUrl('all'), APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://toancanh/', APP_ORIGIN)).toBe(true);
  });

  it('refuses file://, web pages, other app hosts and look-alikes', () => {
    for (const url of [
      'file:///opt/toancanh/out/renderer/wall/index.html',
      'https://evil.example/wall/index.html',
      'http://toancanh/wall/index.html',
      'https://toancanh/wall/index.html',
      'app://other/wall/index.html',
      'app://toancanh.evil.example/wall/index.html',
      'app://evil@toancanh/wall/index.html',
      'app://toancanh:8080/wall/index.html',
      'apps://toancanh/wall/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isTrustedSender(url, APP_ORIGIN), String(url)).toBe(false);
    }
  });
});

describe('navigation guard', () => {
  it('lets a window move within app://toancanh/ only', () => {
    expect(isAllowedNavigation('app://toancanh/wall/index.html?screen=s2', APP_ORIGIN)).toBe(true);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'data:text/html,x', 'http://127.0.0.1:8787/']) {
      expect(isAllowedNavigation(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it('never opens new windows', () => {
    expect(isAllowedWindowOpen('https://evil.example/')).toBe(false);
    expect(isAllowedWindowOpen(wallPageUrl('s1'))).toBe(false);
  });
});

describe('permission policy', () => {
  it('refuses every permission a wall page could ask for', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'hid']) {
      expect(isPermissionAllowed(permission, wallPageUrl('s1'), APP_ORIGIN), permission).toBe(false);
    }
  });

  it('lets only our pages reach the server on loopback or the LAN (Local Network Access)', () => {
    for (const permission of ['local-network-access', 'local-network', 'loopback-network']) {
      expect(isPermissionAllowed(permission, wallPageUrl('s1'), APP_ORIGIN), permission).toBe(true);
      expect(isPermissionAllowed(permission, 'https://evil.example/', APP_ORIGIN), permission).toBe(false);
      expect(isPermissionAllowed(permission, 'file:///tmp/x.html', APP_ORIGIN), permission).toBe(false);
      expect(isPermissionAllowed(permission, undefined, APP_ORIGIN), permission).toBe(false);
    }
  });
});

describe('app:// file mapping', () => {
  it('serves files of the renderer folder with their content type', () => {
    expect(resolveAppRequest('app://toancanh/wall/index.html?screen=s1', root)).toEqual({
      kind: 'file',
      path: join(root, 'wall/index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://toancanh/assets/wall-Bx1.js', root)).toMatchObject({ path: join(root, 'assets/wall-Bx1.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest('app://toancanh/wall/', root)).toMatchObject({ path: join(root, 'wall/index.html') });
    expect(resolveAppRequest('app://toancanh/fonts/B%E1%BA%A3n.woff2', root)).toMatchObject({ path: join(root, 'fonts/Bản.woff2'), contentType: 'font/woff2' });
  });

  it('refuses paths that leave the folder, however they are spelled', () => {
    for (const url of [
      'app://toancanh/wall/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://toancanh/..%5C..%5Cwindows%5Cwin.ini',
      'app://toancanh/wall/index.html%00.png',
      'app://toancanh/%E0%A4%A',
      'app://other/wall/index.html',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppRequest(url, root).kind, url).toBe('forbidden');
    }
  });

  it('folds dot segments the way URLs do, staying inside the folder', () => {
    expect(resolveAppRequest('app://toancanh/wall/../../../etc/passwd', root)).toMatchObject({ kind: 'file', path: join(root, 'etc/passwd') });
    expect(resolveAppRequest('app://toancanh/%2e%2e/%2e%2e/etc/passwd', root)).toMatchObject({ kind: 'file', path: join(root, 'etc/passwd') });
  });

  it('knows the content types the wall needs', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.JSON')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('builds wall page URLs', () => {
    expect(wallPageUrl('s1')).toBe('app://toancanh/wall/index.html?screen=s1');
    expect(wallPageUrl('a b')).toBe('app://toancanh/wall/index.html?screen=a%20b');
  });
});

describe('sandboxed preload', () => {
  it('takes its channels from a module with no imports, so the bundle needs only electron', () => {
    const channels = readFileSync(resolve(import.meta.dirname, '../../shared/ipc-channels.ts'), 'utf8');
    expect(channels).not.toMatch(/^\s*import\s/m);
    expect(IPC.getWindowConfig).toMatch(/^toancanh:/);
  });

  it('requires nothing but electron at run time (a sandboxed preload can load nothing else)', () => {
    const folder = resolve(import.meta.dirname, '../../main/preload');
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const valueImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
      for (const specifier of valueImports) {
        expect(['electron', '../../shared/ipc-channels'], `${file} imports ${specifier}`).toContain(specifier);
      }
      expect(source, file).not.toMatch(/\brequire\(/);
    }
  });

  it('never hands the page ipcRenderer itself', () => {
    const source = readFileSync(resolve(import.meta.dirname, '../../main/preload/index.ts'), 'utf8');
    expect(source).toMatch(/exposeInMainWorld\('toancanh', bridge\)/);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
