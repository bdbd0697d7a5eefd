import { pageEndpoint } from '../api/endpoint';

/**
 * Where the page fetches the province boundaries: the server's
 * `GET /api/v1/geo/provinces`, with the page's token as `Authorization: Bearer`. The page
 * cannot read the disk; the server serves the boundary file it is configured with.
 */
export const PROVINCES_ROUTE = '/api/v1/geo/provinces';

export interface BoundarySource {
  url: string;
  /** null: none known; the request goes without one (and the server answers 401). */
  token: string | null;
}

export function boundaryUrl(serverUrl: string): string {
  return new URL(PROVINCES_ROUTE, serverUrl).href;
}

/** The boundary file of the server this page talks to (renderer/api/endpoint.ts). */
export async function pageBoundarySource(win: Window = window): Promise<BoundarySource> {
  const endpoint = await pageEndpoint(win);
  return { url: boundaryUrl(endpoint?.serverUrl ?? win.location.origin), token: endpoint?.token ?? null };
}
