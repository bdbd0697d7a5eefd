import { createApiClient, type ApiClient } from '../api/client';
import { pageEndpoint } from '../api/endpoint';

/**
 * Where the page fetches the province boundaries: the server's `GET /api/v1/geo/provinces`
 * (shared/api/geo.ts), through the page's API client with its token. The page cannot read
 * the disk; the server serves the boundary file it is configured with.
 */
export async function pageBoundaryClient(win: Window = window): Promise<ApiClient> {
  const endpoint = await pageEndpoint(win);
  // No endpoint known: ask the page's own origin without a token (the server answers 401).
  return createApiClient(endpoint ?? { serverUrl: win.location.origin, token: null });
}
