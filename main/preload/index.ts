import { contextBridge, ipcRenderer } from 'electron';
import { IPC as CHANNELS, type ToanCanhBridge, type WindowConfig, type WindowStatus } from '../../shared/ipc-channels';

/**
 * The wall page's only door to the agent: `window.toancanh`, two named functions on
 * the channels of shared/ipc.ts. ipcRenderer itself is never exposed, so a script in
 * the page cannot send on other channels or listen to anything.
 *
 * Runs sandboxed: a sandboxed preload can require only 'electron' (and a few Node
 * shims), so it imports shared/ipc-channels.ts, which has no imports of its own, and
 * never shared/ipc.ts (zod). Built as CommonJS (out/preload/index.cjs) because a
 * sandboxed preload cannot be an ES module.
 */

function getWindowConfig(): Promise<WindowConfig> {
  return ipcRenderer.invoke(CHANNELS.getWindowConfig) as Promise<WindowConfig>;
}

function reportStatus(status: WindowStatus): void {
  // Only the status crosses, whatever else the caller passes.
  ipcRenderer.send(CHANNELS.reportStatus, status);
}

const bridge: ToanCanhBridge = { getWindowConfig, reportStatus };

contextBridge.exposeInMainWorld('toancanh', bridge);
