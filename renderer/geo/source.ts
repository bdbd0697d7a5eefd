import { createApiClient, type ApiClient } from '../api/client';
import { pageEndpoint } from '../api/endpoint';

/**
 * Where the page fetches the province boundaries: the server's `GET /api/v1/geo/provinces`
 * (shared/api/geo.ts), through the page's API client with its token, or its session. The page cannot read
 * the disk; the server serves the boundary file it is configured with.
 */
export async function pageBoundaryClient(win: Window = window): Promise<ApiClient> {
  const endpoint = await pageEndpoint(win);
  if (endpoint?.token) return createApiClient(endpoint);
  // No token (the console, the information page): a signed-in person's session cookie, to
  // the page's own server only; without one the server answers 401 as before.
  return createApiClient({ serverUrl: endpoint?.serverUrl ?? win.location.origin, credential: { kind: 'session', csrfToken: null } });
}
