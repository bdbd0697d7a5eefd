import type { IPC } from '../../shared/ipc';

/**
 * The channel names of shared/ipc.ts, for the preload. Not imported from there at run
 * time: shared/ipc.ts builds zod schemas at load, electron-vite keeps zod external, and
 * a sandboxed preload can require nothing but 'electron', so the bundle would throw on
 * `require("zod")` and window.toancanh would never exist. `satisfies typeof IPC`
 * makes any drift from shared/ipc.ts a compile error (and a unit test checks it again).
 */
export const CHANNELS = {
  getWindowConfig: 'toancanh:get-window-config',
  reportStatus: 'toancanh:report-status',
} as const satisfies typeof IPC;
