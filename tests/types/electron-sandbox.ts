/**
 * Type-level check, compiled by `tsc -b` (tests project) and never run: the preload's
 * own declaration of 'electron' (main/preload/electron-sandbox.ts, which keeps Node's
 * types out of the sandboxed preload) must promise nothing Electron does not give. If
 * Electron renames or retypes one of these members, this file stops compiling.
 */
import type { contextBridge, ipcRenderer } from 'electron';
import type { SandboxContextBridge, SandboxIpcRenderer } from '../../main/preload/electron-sandbox';

type Extends<Actual, Declared> = Actual extends Declared ? true : false;

export const realIpcRendererHasTheSandboxMembers: Extends<typeof ipcRenderer, SandboxIpcRenderer> = true;
export const realContextBridgeHasTheSandboxMembers: Extends<typeof contextBridge, SandboxContextBridge> = true;
