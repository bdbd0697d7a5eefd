import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { routes } from '../shared/api';
import { fail } from './http/reply';
import { SerializedJson, type Router } from './http/route';

/**
 * GET /api/v1/geo/provinces: the boundary file of the 34 provinces (TopoJSON), served from
 * where it lies (--geo / TOANCANH_GEO; by default ../shared/data/geo/vn-provinces-34.topo.json
 * beside the checkout), never copied into the repository. Read when it changes (its size
 * and mtime), answered with an ETag so that walls revalidate instead of downloading again.
 */
export function registerGeoRoutes(router: Router, file: string): void {
  let cached: { mtimeMs: number; size: number; body: Buffer; etag: string } | null = null;

  router.route(routes.geo.provinces).handle(({ request, reply }) => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      fail('geo.file_missing', { file });
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      const body = readFileSync(file);
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
    }
    const etag = cached.etag;
    reply.header('ETag', etag);
    reply.header('Cache-Control', 'private, no-cache');
    const match = request.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return { status: 304, body: undefined };
    return { status: 200, body: new SerializedJson(cached.body) };
  });
}
