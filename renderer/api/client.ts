import { buildPath, type ParsedRouteReply, type RouteDef, type RouteInput } from '../../shared/api/route';
import { appError, type AppError, type ErrorCode } from '../../shared/errors';
import { errorBodySchema, type ErrorBody } from '../../shared/errors/wire';
import type { Endpoint } from './endpoint';

/**
 * THE client of the REST API for every page: it owns the server address and the
 * credential, builds each URL from the route's entry in shared/api/, checks the reply
 * against the route's schema, and turns every failure into an ApiError with a catalogue
 * code (the server's own, or client.* when the server could not answer in the API's terms).
 *
 * The credential is pluggable: a wall page shows its token (`Authorization: Bearer`);
 * the operator console will show a session cookie, sent by the browser, with the CSRF
 * token as `X-CSRF-Token` on every state-changing request.
 */
export type Credential = { kind: 'token'; token: string | null } | { kind: 'session'; csrfToken: string | null };

export interface ApiClientOptions {
  serverUrl: string;
  credential: Credential;
  /** Injected by tests; the page's fetch otherwise. */
  fetch?: typeof fetch;
  /** Every call's time limit unless the call gives its own; DEFAULT_TIMEOUT_MS otherwise. */
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** e.g. If-None-Match. */
  headers?: Record<string, string>;
  /** The HTTP cache mode: 'no-cache' revalidates (ETag) instead of downloading again. */
  cache?: RequestCache;
  /** How long the call may take, answer read whole; DEFAULT_TIMEOUT_MS unless given. */
  timeoutMs?: number;
}

/**
 * A call that has not been answered in this long is given up with client.timeout. Without
 * a limit a request sent on a connection that died unheard (a tablet woken from sleep on a
 * kept-alive socket, a NAT that forgot the flow) waits for TCP to give up, minutes later,
 * and the page says "sending…" all that time; given up, the connection is dropped and the
 * next call opens a new one. Longer than any answer of this API on a working network.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** A failed call: the catalogue code (server.* / auth.* / … or client.*), the HTTP status (null: none came). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode | string;
  constructor(
    readonly status: number | null,
    readonly error: AppError | { code: string; message_vi: string; message_en: string; details?: Record<string, unknown> },
    /** Every fault of a refused document or query (codes as the server sent them). */
    readonly errors: NonNullable<ErrorBody['errors']> = [],
    readonly route?: string,
  ) {
    super(`${route ? `${route}: ` : ''}${status === null ? '' : `HTTP ${status} `}${error.code}: ${error.message_en}`);
    this.code = error.code;
  }

  /** The credential was refused (401) or does not allow this (403). */
  get isAuthError(): boolean {
    return this.code.startsWith('auth.') && (this.status === 401 || this.status === 403);
  }
}

export interface ApiClient {
  readonly serverUrl: string;
  /** Calls a route of the table; resolves with one of its declared replies, or throws an ApiError. */
  call<R extends RouteDef>(route: R, input: RouteInput<R>, options?: CallOptions): Promise<ParsedRouteReply<R> & { headers: Headers }>;
  /** The same server with another credential (a token typed after a rejection). */
  withCredential(credential: Credential): ApiClient;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Reply bodies larger than this are not read into an error message. */
const MAX_DETAIL = 300;

export function credentialOf(endpoint: Endpoint): Credential {
  return { kind: 'token', token: endpoint.token };
}

export function createApiClient(endpoint: Endpoint | ApiClientOptions): ApiClient {
  const options: ApiClientOptions = 'credential' in endpoint ? endpoint : { serverUrl: endpoint.serverUrl, credential: credentialOf(endpoint) };
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const base = options.serverUrl.replace(/\/+$/, '');

  async function call<R extends RouteDef>(route: R, input: RouteInput<R>, callOptions: CallOptions = {}): Promise<ParsedRouteReply<R> & { headers: Headers }> {
    const { params, query, body } = input as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
    const url = new URL(`${base}${buildPath(route.path, params)}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, Array.isArray(value) ? value.join(',') : String(value));
    }
    const headers: Record<string, string> = { Accept: 'application/json', ...callOptions.headers };
    const credential = options.credential;
    if (credential.kind === 'token' && credential.token) headers.Authorization = `Bearer ${credential.token}`;
    if (credential.kind === 'session' && credential.csrfToken && STATE_CHANGING.has(route.method)) headers['X-CSRF-Token'] = credential.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      const csv = typeof body === 'object' && body !== null && 'csv' in body && typeof (body as { csv: unknown }).csv === 'string';
      headers['Content-Type'] = csv ? 'text/csv; charset=utf-8' : 'application/json';
      payload = csv ? (body as { csv: string }).csv : JSON.stringify(body);
    }

    // The caller's signal and the time limit, as one signal for the request and the reading of its answer.
    const timeoutMs = callOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const limit = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      limit.abort();
    }, timeoutMs);
    const onCallerAbort = () => limit.abort();
    callOptions.signal?.addEventListener('abort', onCallerAbort, { once: true });
    if (callOptions.signal?.aborted) limit.abort();
    const timeout = () => new ApiError(null, appError('client.timeout', { seconds: Math.max(1, Math.ceil(timeoutMs / 1000)) }), [], route.name);
    try {
      return await answer(route, await send(url.href, payload), refuseAfterTimeout);
    } catch (error) {
      if (timedOut && !(error instanceof ApiError)) throw timeout();
      throw error;
    } finally {
      clearTimeout(timer);
      callOptions.signal?.removeEventListener('abort', onCallerAbort);
    }

    function refuseAfterTimeout(error: unknown): never {
      throw timedOut ? timeout() : error;
    }

    async function send(href: string, body: string | undefined): Promise<Response> {
      try {
        return await fetchImpl(href, {
          method: route.method,
          headers,
          body,
          signal: limit.signal,
          cache: callOptions.cache,
          // A token travels in its header only; a session in its cookie, to its own origin only.
          credentials: credential.kind === 'session' ? 'same-origin' : 'omit',
        });
      } catch (error) {
        if (timedOut) throw timeout();
        if (callOptions.signal?.aborted) throw error;
        throw new ApiError(null, appError('client.unreachable', { detail: error instanceof Error ? error.message : String(error) }), [], route.name);
      }
    }
  }

  /** The reply checked against the route's declared replies and their schemas. */
  async function answer<R extends RouteDef>(route: R, response: Response, onReadFailure: (error: unknown) => never): Promise<ParsedRouteReply<R> & { headers: Headers }> {
    const spec = route.replies[response.status];
    if (!spec) throw await failure(route, response);
    const refuse = (detail: string) => new ApiError(response.status, appError('client.reply_invalid', { route: route.name, detail }), [], route.name);
    let value: unknown;
    if (spec.kind === 'empty') value = undefined;
    else if (spec.kind === 'text') value = await response.text().catch(onReadFailure);
    else {
      let raw: unknown;
      const text = await response.text().catch(onReadFailure);
      try {
        raw = JSON.parse(text);
      } catch (error) {
        throw refuse(`not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) {
        throw refuse(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      }
      value = parsed.data;
    }
    return { status: response.status, body: value, headers: response.headers } as ParsedRouteReply<R> & { headers: Headers };
  }

  return {
    serverUrl: base,
    call,
    withCredential: (credential) => createApiClient({ ...options, credential }),
  };
}

/** An error reply in the API's shape keeps its code; anything else (a proxy's page) is client.http_error. */
async function failure(route: RouteDef, response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON.
  }
  const body = errorBodySchema.safeParse(parsed);
  if (body.success) {
    return new ApiError(response.status, body.data.error, body.data.errors ?? [], route.name);
  }
  const http = appError('client.http_error', { status: response.status });
  return new ApiError(response.status, { ...http, details: { body: text.slice(0, MAX_DETAIL) } }, [], route.name);
}
