import { readFileSync } from 'node:fs';

/**
 * The REAL preload bundle (out/preload/index.cjs), run at document start in the top
 * frame of each double window, with a `require` that gives it what Electron gives a
 * sandboxed preload: `electron` with `contextBridge` and `ipcRenderer` and nothing else.
 * `ipcRenderer.invoke/send` go through a playwright binding to the double's ipcMain, so
 * the agent's real IPC guards (main/ipc.ts) judge every message, with the sending
 * frame's real URL (mapped to app://) and parentage.
 *
 * Not proved here: context isolation. Electron runs the preload in an isolated world and
 * copies only the exposed API into the page; this shim runs in the page's world and
 * defines the same frozen `window.toancanh`, and the binding itself is reachable from
 * the page. docs/security.md lists what only a real Electron can show.
 */
export const IPC_BINDING = '__toancanhElectronDoubleIpc';

export function preloadInitScript(preloadPath: string): string {
  const source = readFileSync(preloadPath, 'utf8');
  return `(() => {
  if (window.top !== window) return; // Electron runs preloads in the main frame only
  const call = (kind, channel, args) => window[${JSON.stringify(IPC_BINDING)}](kind, channel, args);
  const electron = Object.freeze({
    contextBridge: Object.freeze({
      exposeInMainWorld(name, api) {
        Object.defineProperty(window, name, { value: Object.freeze({ ...api }), writable: false, configurable: false, enumerable: false });
      },
    }),
    ipcRenderer: Object.freeze({
      invoke: (channel, ...args) => call('invoke', channel, args),
      send: (channel, ...args) => { void call('send', channel, args).catch(() => undefined); },
    }),
  });
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('a sandboxed preload cannot require ' + name);
  };
  (function (require, module, exports) {
${source}
  })(require, module, module.exports);
})();`;
}

export const CONTEXT_MENU_BINDING = '__toancanhElectronDoubleContextMenu';

/**
 * Electron emits webContents 'context-menu' for a right-click the page did not cancel.
 * A window listener added at document start runs after the page's own element listeners
 * (the event bubbles up to it), so `defaultPrevented` tells what Electron would know.
 */
export function contextMenuInitScript(): string {
  return `(() => {
  if (window.top !== window) return;
  addEventListener('contextmenu', (event) => {
    if (!event.defaultPrevented) void window[${JSON.stringify(CONTEXT_MENU_BINDING)}](event.clientX, event.clientY);
  });
})();`;
}
