import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { VIEWER_ROLES } from './auth/guard';

/**
 * GET /api/v1/geo/provinces: the boundary file of the 34 provinces (TopoJSON), served from
 * where it lies (--geo / TOANCANH_GEO; by default ../shared/data/geo/vn-provinces-34.topo.json
 * beside the checkout), never copied into the repository. Read when it changes (its size
 * and mtime), answered with an ETag so that walls revalidate instead of downloading again.
 */
export function registerGeoRoutes(app: FastifyInstance, file: string): void {
  let cached: { mtimeMs: number; size: number; body: Buffer; etag: string } | null = null;

  app.get('/api/v1/geo/provinces', { config: { roles: VIEWER_ROLES } }, async (request, reply) => {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return reply.code(404).send({
        error: `the province boundary file ${file} is missing; pass --geo <file> or set TOANCANH_GEO`,
        error_vi: `Không có tệp ranh giới tỉnh ${file}; chỉ định bằng --geo <tệp> hoặc biến TOANCANH_GEO`,
      });
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      const body = readFileSync(file);
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
    }
    reply.header('ETag', cached.etag);
    reply.header('Cache-Control', 'private, no-cache');
    const match = request.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((t) => t.trim() === cached!.etag || t.trim() === '*')) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(cached.body);
  });
}
