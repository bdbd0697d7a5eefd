import { buildPath, type ParsedRouteReply, type RouteDef, type RouteInput } from '../../shared/api/route';
import { appError, type AppError } from '../../shared/errors';
import { errorBodySchema, type ErrorBody } from '../../shared/errors/wire';

/**
 * A small client of the reporting API for the simulator (and anything else in Node that
 * posts reports). It calls routes by their entry in the route table (shared/api/), so the
 * URL, method and reply schemas are the server's own: no path is written here. Bearer
 * token, JSON or CSV bodies (`body: { csv }`), and patient retries: a refused connection
 * (the server restarting), 429 (after its Retry-After) and 503 are tried again. Posts
 * carry an Idempotency-Key, so a retry of a post whose answer was lost is never stored twice.
 *
 * A success reply is checked against the route's schema (a mismatch is an ApiError); any
 * other status comes back as `{ ok: false }` with the body as sent (the API's error shape).
 */
export type Answer<R extends RouteDef> = (ParsedRouteReply<R> & { ok: true }) | { ok: false; status: number; body: unknown };

export interface CallOptions {
  idempotencyKey?: string;
  /** Attempts in all (default 6). */
  attempts?: number;
}

/** A call that failed, with its code from the catalogue (client.unreachable, client.reply_invalid, or the server's own). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number | null,
    /** The catalogue's shape; a code the server sent is kept as it came. */
    readonly error: AppError | ErrorBody['error'],
    readonly route: string,
  ) {
    super(`${route}: ${error.message_en}`);
  }

  /** A refusal the caller cannot go on from: the server's code when it sent one, else client.http_error. */
  static refused(route: RouteDef, answer: { status: number; body: unknown }): ApiError {
    const body = errorBodySchema.safeParse(answer.body);
    return new ApiError(answer.status, body.success ? body.data.error : appError('client.http_error', { status: answer.status }), route.name);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly isStopped: () => boolean = () => false,
  ) {}

  withToken(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token, this.isStopped);
  }

  async call<R extends RouteDef>(route: R, input: RouteInput<R>, options: CallOptions = {}): Promise<Answer<R>> {
    const { params, query, body } = input as { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown };
    const url = new URL(buildPath(route.path, params), this.baseUrl);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null) url.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: string | undefined;
    if (body !== undefined) {
      const csv = typeof body === 'object' && body !== null && 'csv' in body && typeof body.csv === 'string' ? body.csv : null;
      headers['content-type'] = csv !== null ? 'text/csv; charset=utf-8' : 'application/json';
      payload = csv ?? JSON.stringify(body);
    }
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const attempts = options.attempts ?? 6;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1 && this.isStopped()) break;
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, { method: route.method, headers, body: payload, signal: AbortSignal.timeout(30_000) });
        text = await response.text();
      } catch (error) {
        lastError = error;
        if (attempt < attempts) await sleep(Math.min(8000, 250 * 2 ** attempt));
        continue;
      }
      if ((response.status === 429 || response.status === 503) && attempt < attempts) {
        const after = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : 500 * attempt);
        continue;
      }
      return answer(route, response.status, text);
    }
    throw new ApiError(null, appError('client.unreachable', { detail: (lastError as Error | undefined)?.message ?? 'stopped' }), route.name);
  }
}

function answer<R extends RouteDef>(route: R, status: number, text: string): Answer<R> {
  const spec = route.replies[status];
  if (spec?.kind === 'text') return { ok: true, status, body: text } as Answer<R>;
  if (spec?.kind === 'empty') return { ok: true, status, body: undefined } as Answer<R>;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: kept as text.
  }
  if (!spec) return { ok: false, status, body: parsed };
  const checked = spec.schema.safeParse(parsed);
  if (!checked.success) {
    const detail = checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ApiError(status, appError('client.reply_invalid', { route: route.name, detail }), route.name);
  }
  return { ok: true, status, body: checked.data } as Answer<R>;
}
