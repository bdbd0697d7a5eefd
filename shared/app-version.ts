/**
 * The app's version as a wall page in a browser reports it to the fleet (issue 9); the
 * display agent reports Electron's app.getVersion(), which reads package.json. Kept equal
 * to package.json's "version" by tests/unit/app-version.test.ts.
 */
export const APP_VERSION = '0.1.0';
