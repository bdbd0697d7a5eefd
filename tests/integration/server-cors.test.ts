import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/server-harness';

/** Electron's wall pages (app://toancanh) read the REST API cross-origin; nothing else may. */
describe('cross-origin reads from the Electron wall pages', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.cleanup();
  });

  it('answers the preflight of app://toancanh without a token, read-only', async () => {
    const response = await fetch(`${h.server.url}/api/v1/geo/provinces`, {
      method: 'OPTIONS',
      headers: { origin: 'app://toancanh', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('app://toancanh');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it('lets app://toancanh see an authorised answer, and still demands the token', async () => {
    const ok = await h.api('GET', '/api/v1/indicators', { token: h.server.wallToken, headers: { origin: 'app://toancanh' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('app://toancanh');
    const refused = await h.api('GET', '/api/v1/indicators', { token: null, headers: { origin: 'app://toancanh' } });
    expect(refused.status).toBe(401);
  });

  it('allows no other origin', async () => {
    for (const origin of ['https://evil.example', 'app://other', 'null']) {
      const response = await h.api('GET', '/api/v1/indicators', { token: h.server.wallToken, headers: { origin } });
      expect(response.headers.get('access-control-allow-origin'), origin).toBeNull();
      const preflight = await fetch(`${h.server.url}/api/v1/indicators`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
      expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});
