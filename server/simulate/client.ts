/**
 * A small client of the reporting API for the simulator (and anything else that posts
 * reports): bearer token, JSON or CSV bodies, and patient retries: a refused connection
 * (the server restarting), 429 (after its Retry-After) and 503 are tried again. Posts carry
 * an Idempotency-Key, so a retry of a post whose answer was lost is never stored twice.
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface RequestInit {
  body?: unknown;
  csv?: string;
  query?: Record<string, string | undefined>;
  idempotencyKey?: string;
  /** Attempts in all (default 6). */
  attempts?: number;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
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

  async request<T = unknown>(method: string, path: string, init: RequestInit = {}): Promise<ApiAnswer<T>> {
    const url = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(init.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let body: string | undefined;
    if (init.csv !== undefined) {
      headers['content-type'] = 'text/csv; charset=utf-8';
      body = init.csv;
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
    const attempts = init.attempts ?? 6;
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1 && this.isStopped()) break;
      try {
        const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(30_000) });
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          // not JSON
        }
        if ((response.status === 429 || response.status === 503) && attempt < attempts) {
          const after = Number(response.headers.get('retry-after'));
          await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : 500 * attempt);
          continue;
        }
        return { status: response.status, body: parsed as T };
      } catch (error) {
        lastError = error;
        if (attempt < attempts) await sleep(Math.min(8000, 250 * 2 ** attempt));
      }
    }
    throw new ApiError(`${method} ${url.pathname}: ${(lastError as Error | undefined)?.message ?? 'stopped'}`);
  }
}
