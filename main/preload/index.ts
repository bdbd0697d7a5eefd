import { contextBridge, ipcRenderer } from 'electron';
import type { ToanCanhBridge, WindowConfig, WindowStatus } from '../../shared/ipc';
import { CHANNELS } from './channels';

/**
 * The wall page's only door to the agent: `window.toancanh`, two named functions on
 * the channels of shared/ipc.ts. ipcRenderer itself is never exposed, so a script in
 * the page cannot send on other channels or listen to anything.
 *
 * Runs sandboxed: a sandboxed preload can require only 'electron' (and a few Node
 * shims), so from shared/ipc.ts it takes types only; the channel names come from
 * ./channels (see there why). Built as CommonJS (out/preload/index.cjs) because a
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
