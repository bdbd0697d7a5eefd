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
}

export interface CallOptions {
  signal?: AbortSignal;
  /** e.g. If-None-Match. */
  headers?: Record<string, string>;
  /** The HTTP cache mode: 'no-cache' revalidates (ETag) instead of downloading again. */
  cache?: RequestCache;
}

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

    let response: Response;
    try {
      response = await fetchImpl(url.href, {
        method: route.method,
        headers,
        body: payload,
        signal: callOptions.signal,
        cache: callOptions.cache,
        // A token travels in its header only; a session in its cookie, to its own origin only.
        credentials: credential.kind === 'session' ? 'same-origin' : 'omit',
      });
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      throw new ApiError(null, appError('client.unreachable', { detail: error instanceof Error ? error.message : String(error) }), [], route.name);
    }

    const spec = route.replies[response.status];
    if (!spec) throw await failure(route, response);
    const refuse = (detail: string) => new ApiError(response.status, appError('client.reply_invalid', { route: route.name, detail }), [], route.name);
    let value: unknown;
    if (spec.kind === 'empty') value = undefined;
    else if (spec.kind === 'text') value = await response.text();
    else {
      let raw: unknown;
      try {
        raw = await response.json();
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
