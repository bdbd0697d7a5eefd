import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
  boundaryMessages,
  createBoundaryLoader,
  defaultBackoff,
  fetchBoundaries,
  type BoundaryState,
} from '../../renderer/geo/boundaries';
import { ApiError, createApiClient } from '../../renderer/api/client';
import { appError } from '../../shared/errors';
import { provincesTopoPath } from '../support/paths';

const topology = () => JSON.parse(readFileSync(provincesTopoPath, 'utf8')) as unknown;

/** A loader on a manual clock: timers run when the test says so. */
function harness(load: () => Promise<unknown>) {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  const loader = createBoundaryLoader({
    load,
    backoff: (n) => 1000 * 2 ** (n - 1),
    now: () => now,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => timers.splice(timers.indexOf(t as (typeof timers)[number]), 1),
  });
  const states: BoundaryState['status'][] = [];
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
    await vi.waitFor(() => expect(loader.getState().status).not.toBe('loading'));
  };
  return { loader, states, advance, timers, now: () => now };
}

describe('the page’s province boundaries', () => {
  it('loads once for every subscriber and prepares the file', async () => {
    const load = vi.fn(async () => topology());
    const { loader } = harness(load);
    expect(loader.getState().status).toBe('idle');
    const off = [loader.subscribe(() => {}), loader.subscribe(() => {}), loader.subscribe(() => {})];
    await vi.waitFor(() => expect(loader.getState().status).toBe('ready'));
    const state = loader.getState();
    expect(state.status === 'ready' && state.geo.provinces.length).toBe(34);
    loader.subscribe(() => {});
    expect(load).toHaveBeenCalledTimes(1);
    off.forEach((f) => f());
  });

  it('says what failed and retries with growing waits until it succeeds', async () => {
    let calls = 0;
    const load = vi.fn(async () => {
      calls += 1;
      if (calls === 1) throw new ApiError(503, appError('client.http_error', { status: 503 }));
      if (calls === 2) throw new TypeError('Failed to fetch');
      return topology();
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { loader, advance, timers } = harness(load);
    loader.subscribe(() => {});
    await vi.waitFor(() => expect(loader.getState().status).toBe('error'));
    let state = loader.getState();
    expect(state).toMatchObject({ status: 'error', attempt: 1, message: boundaryMessages.unreachable, retryAt: 1000 });
    expect(timers[0]!.at).toBe(1000);
    await advance(999);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(1);
    await vi.waitFor(() => expect(loader.getState()).toMatchObject({ status: 'error', attempt: 2 }));
    state = loader.getState();
    expect(state.status === 'error' && state.retryAt).toBe(1000 + 2000); // the second wait is twice the first
    await advance(2000);
    await vi.waitFor(() => expect(loader.getState().status).toBe('ready'));
    expect(load).toHaveBeenCalledTimes(3);
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('tells a refused token, a missing file and an invalid file apart', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cases: [unknown, Extract<BoundaryState, { status: 'error' }>['message'], RegExp][] = [
      [new ApiError(401, appError('auth.token_invalid')), boundaryMessages.unauthorized, /401/],
      [new ApiError(404, appError('geo.file_missing', { file: '/x.topo.json' })), boundaryMessages.missing, /404/],
      [new SyntaxError('Unexpected token <'), boundaryMessages.invalid, /not JSON/],
    ];
    for (const [error, message, detail] of cases) {
      const { loader } = harness(async () => {
        throw error;
      });
      loader.subscribe(() => {});
      await vi.waitFor(() => expect(loader.getState().status).toBe('error'));
      const state = loader.getState();
      expect(state.status === 'error' && state.message).toEqual(message);
      expect(state.status === 'error' && state.detail).toMatch(detail);
      loader.dispose();
    }
    // A JSON document that is not the boundary file: every fault named with its path.
    const { loader } = harness(async () => ({ type: 'Topology', arcs: [], objects: {} }));
    loader.subscribe(() => {});
    await vi.waitFor(() => expect(loader.getState().status).toBe('error'));
    const state = loader.getState();
    expect(state.status === 'error' && state.message).toEqual(boundaryMessages.invalid);
    expect(state.status === 'error' && state.detail).toMatch(/\$\.objects/);
    errors.mockRestore();
  });

  it('retries at once on request and stops for good when disposed', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn(async () => {
      throw new ApiError(null, appError('client.unreachable', { detail: 'offline' }));
    });
    const { loader, timers } = harness(load);
    loader.subscribe(() => {});
    await vi.waitFor(() => expect(loader.getState().status).toBe('error'));
    loader.retryNow();
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(loader.getState().status).toBe('error'));
    loader.dispose();
    expect(timers).toHaveLength(0);
    errors.mockRestore();
  });

  it('backs off 1 s, 2 s, 4 s … up to a minute, ±20 %', () => {
    expect([1, 2, 3, 4, 10].map((n) => defaultBackoff(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 60_000]);
    expect(defaultBackoff(1, () => 0)).toBe(800);
    expect(defaultBackoff(1, () => 1)).toBe(1200);
  });
});

describe('the request', () => {
  const client = (fetchImpl: unknown, token: string | null = null) => createApiClient({ serverUrl: 'http://10.0.0.5:8787', credential: { kind: 'token', token }, fetch: fetchImpl as typeof fetch });

  it('asks the server’s route through the API client, the wall token as a Bearer header, never in the URL, revalidating its copy', async () => {
    const document = { type: 'Topology', objects: {}, arcs: [] };
    const fetchImpl = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(JSON.stringify(document), { status: 200 }));
    await expect(fetchBoundaries(client(fetchImpl, 'secret-token-123'))).resolves.toEqual(document);
    const [calledUrl, init] = fetchImpl.mock.calls[0]!;
    expect(calledUrl).toBe('http://10.0.0.5:8787/api/v1/geo/provinces');
    expect(String(calledUrl)).not.toContain('secret');
    expect((init!.headers as Record<string, string>).Authorization).toBe('Bearer secret-token-123');
    expect(init!.cache).toBe('no-cache');
    expect(init!.credentials).toBe('omit');
  });

  it('turns an HTTP failure, a network error or a document that is no topology into an ApiError with its code', async () => {
    const notFound = vi.fn(async () => new Response(JSON.stringify({ error: appError('geo.file_missing', { file: '/x' }) }), { status: 404 }));
    await expect(fetchBoundaries(client(notFound))).rejects.toMatchObject({ status: 404, code: 'geo.file_missing' });
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchBoundaries(client(offline))).rejects.toMatchObject({ status: null, code: 'client.unreachable', message: expect.stringContaining('Failed to fetch') });
    const html = vi.fn(async () => new Response('<html>', { status: 200 }));
    await expect(fetchBoundaries(client(html))).rejects.toMatchObject({ status: 200, code: 'client.reply_invalid' });
  });
});
