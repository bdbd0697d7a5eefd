import { windowConfigSchema } from '../../shared/ipc';
import { storedToken } from '../wall/boot';

/**
 * Where the page fetches the province boundaries: the server's
 * `GET /api/v1/geo/provinces`, with the wall's token as `Authorization: Bearer`. The page
 * cannot read the disk; the server serves the boundary file it is configured with.
 */
export const PROVINCES_ROUTE = '/api/v1/geo/provinces';

export interface BoundarySource {
  url: string;
  /** null: none known; the request goes without one (and the server answers 401). */
  token: string | null;
}

let configured: { serverUrl: string; token: string | null } | null = null;

/**
 * Tells the loader the server and token this window runs with (the wall's App knows them
 * once it has booted). Without it, the loader works them out from the page as boot.ts
 * does: the bridge's window configuration under the display agent, else the page's own
 * origin and the token kept in sessionStorage.
 */
export function configureBoundarySource(serverUrl: string, token: string | null): void {
  configured = { serverUrl, token };
}

export function boundaryUrl(serverUrl: string): string {
  return new URL(PROVINCES_ROUTE, serverUrl).href;
}

export async function pageBoundarySource(win: Window = window): Promise<BoundarySource> {
  if (configured) return { url: boundaryUrl(configured.serverUrl), token: configured.token };
  const kept = storedToken(win);
  if (win.toancanh) {
    const parsed = windowConfigSchema.safeParse(await win.toancanh.getWindowConfig());
    if (parsed.success) return { url: boundaryUrl(parsed.data.serverUrl), token: kept ?? parsed.data.token };
  }
  return { url: boundaryUrl(win.location.origin), token: kept };
}
