/**
 * What every window of the agent runs with, wall or console (docs/security.md): the page
 * is isolated from Node and from the preload's world, sandboxed, and may not open webviews.
 * One constant, so that no window can be opened with less.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
} as const;
