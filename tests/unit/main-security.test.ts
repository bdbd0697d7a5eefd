import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';

/**
 * Electron checklist items that are about what the agent's code never does (docs/security.md):
 * checked on the sources of main/, so a later change that does it fails here, with the file named.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\bopenExternal\b/, 'shell.openExternal (checklist 15)'],
  [/nodeIntegration\s*:\s*true/, 'nodeIntegration: true (checklist 2)'],
  [/nodeIntegrationIn(SubFrames|Worker)/, 'Node integration in frames or workers (checklist 2)'],
  [/contextIsolation\s*:\s*false/, 'contextIsolation: false (checklist 3)'],
  [/sandbox\s*:\s*false/, 'sandbox: false (checklist 4)'],
  [/webSecurity\s*:\s*false/, 'webSecurity: false (checklist 6)'],
  [/allowRunningInsecureContent/, 'allowRunningInsecureContent (checklist 8)'],
  [/experimentalFeatures/, 'experimentalFeatures (checklist 9)'],
  [/enableBlinkFeatures/, 'enableBlinkFeatures (checklist 10)'],
  [/webviewTag\s*:\s*true|allowpopups/, '<webview> or allowpopups (checklist 11)'],
  [/loadFile\s*\(|file:\/\/\$\{|pathToFileURL/, 'pages from file:// (checklist 18)'],
  [/exposeInMainWorld\([^)]*ipcRenderer/, 'ipcRenderer exposed to the page (checklist 20)'],
  [/registerFileProtocol|interceptFileProtocol/, 'the file protocol taken over (checklist 18)'],
];

describe('main/ never does what the Electron checklist forbids', () => {
  const files = sources(join(projectRoot, 'main'));

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const [pattern, what] of FORBIDDEN) {
    it(`no ${what}`, () => {
      const offenders = files
        // Comments may name what they guard against; code may not do it.
        .filter((file) => pattern.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
        .map((file) => relative(projectRoot, file));
      expect(offenders).toEqual([]);
    });
  }

  it('loads wall windows from app://toancanh only, through wallPageUrl, and the console window from consoleUrl', () => {
    // electron-api.ts declares loadURL; every call is elsewhere.
    const calls = files.filter((file) => !file.endsWith('electron-api.ts')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/loadURL\((.*)\);/g)].map((m) => `${relative(projectRoot, file)}: ${m[1]}`));
    expect(calls).toEqual(['main/console-window.ts: this.url', 'main/windows.ts: wallPageUrl(managed.plan.screenId)']);
    // The console's one URL is consoleUrl's (the server's /console/), fixed at construction.
    expect(readFileSync(resolve(projectRoot, 'main/console-window.ts'), 'utf8')).toContain('this.url = consoleUrl(options.serverUrl, options.lang);');
  });
});
