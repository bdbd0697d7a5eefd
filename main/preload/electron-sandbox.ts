/**
 * The part of 'electron' a sandboxed preload may use, as the preload's TypeScript
 * project sees it: tsconfig.preload.json maps 'electron' to this file. Declarations only:
 * it compiles to nothing, and the bundle still requires the real module. Electron's own typings begin with
 * `/// <reference types="node" />`, which would hand the preload `process`, `Buffer` and
 * `require`: a sandboxed preload has none of them, and `types: []` alone cannot keep them
 * out. Add a member when the preload needs one; tests/types/electron-sandbox.ts checks
 * that Electron's real objects have every member declared here, with compatible types.
 */

export interface SandboxIpcRenderer {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
}

export interface SandboxContextBridge {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export declare const ipcRenderer: SandboxIpcRenderer;
export declare const contextBridge: SandboxContextBridge;

// The point of this file, checked by the compiler: if Node's types reach the preload's
// project again (through 'electron' or `types`), these directives have nothing to
// expect and `tsc -b` fails.
// @ts-expect-error a sandboxed preload has no `process`
export type NodeProcessIsAbsent = typeof process;
// @ts-expect-error a sandboxed preload has no `Buffer`
export type NodeBufferIsAbsent = typeof Buffer;
