import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ParsedRequest, ReplySpec, RouteDef, RouteReply } from '../../shared/api/route';
import { issuesToFieldErrors } from '../../shared/errors/issues';
import type { SessionRow } from '../auth/sessions';
import type { Principal } from '../auth/tokens';
import { fail } from './reply';

/**
 * Registers the routes of the table in shared/api/ and nothing else under /api: the entry
 * says the method, path and roles (enforced by the guard before the body is read), the
 * schemas of the params, query and body (parsed here before the handler runs: a bad query
 * is answered 400, a bad body 422, each with every issue) and of the replies (checked
 * when `checkResponses` is on, as in the tests: a reply that does not match is a 500
 * with the mismatch in the log, never a silent drift between the docs and the server).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The table entry of an /api route; the guard reads its roles. */
    route?: RouteDef;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The session behind a person principal (cookie); null for tokens. */
    session: SessionRow | null;
  }
}

export interface RouteContext<R extends RouteDef> extends ParsedRequest<R> {
  /** Who calls: a token now, a signed-in person later; null only on public routes. */
  principal: R['access'] extends 'public' ? null : Principal;
  request: FastifyRequest;
  /** For headers (ETag, Retry-After…); the status and body are the handler's return value. */
  reply: FastifyReply;
  log: FastifyBaseLogger;
}

/** A JSON body already serialised (a file served as it lies); sent as is, never re-checked. */
export class SerializedJson {
  constructor(readonly bytes: Buffer | string) {}
}

export type RouteHandler<R extends RouteDef> = (ctx: RouteContext<R>) => Promise<RouteReply<R, SerializedJson>> | RouteReply<R, SerializedJson>;

export class ResponseSchemaError extends Error {
  override readonly name = 'ResponseSchemaError';
}

/**
 * `router.route(routes.wall.state).handle((ctx) => ({ status: 200, body: … }))`: the entry
 * first, so that the handler is typed from it (its status literals and bodies).
 */
export interface Router {
  route<R extends RouteDef>(route: R): { handle(handler: RouteHandler<R>): void };
}

const REGISTERED = Symbol('toancanh.apiRoutes');
type WithRegistry = FastifyInstance & { [REGISTERED]?: RouteDef[] };

/** The table entries registered on this server (the coverage test compares them with the table). */
export function registeredRoutes(app: FastifyInstance): readonly RouteDef[] {
  return (app as WithRegistry)[REGISTERED] ?? [];
}

export function createRouter(app: FastifyInstance, options: { checkResponses: boolean }): Router {
  const registry: RouteDef[] = ((app as WithRegistry)[REGISTERED] ??= []);
  // A CSV body is read as text (within the same body limit as JSON); other text is refused (415).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string' }, (_request, body, done) => done(null, body));

  return {
    route: (route) => ({
      handle(handler) {
        if (registry.some((r) => r.name === route.name)) throw new Error(`route ${route.name} registered twice`);
        registry.push(route);
        app.route({
          method: route.method,
          url: route.path,
          config: { route },
          handler: async (request, reply) => {
            const parsed = parseRequest(route, request);
            const ctx = { ...parsed, principal: request.principal, request, reply, log: request.log } as RouteContext<typeof route>;
            const result = await handler(ctx);
            return send(route, result as { status: number; body: unknown }, reply, options.checkResponses);
          },
        });
      },
    }),
  };
}

function parseRequest<R extends RouteDef>(route: R, request: FastifyRequest): ParsedRequest<R> {
  const out: Record<string, unknown> = { params: {}, query: {}, body: request.body };
  if (route.params) {
    const p = route.params.safeParse(request.params);
    if (!p.success) {
      const errors = issuesToFieldErrors(p.error.issues, 'params');
      fail('request.invalid_params', { count: errors.length }, { errors });
    }
    out.params = p.data;
  }
  if (route.query) {
    const q = route.query.safeParse(request.query ?? {});
    if (!q.success) {
      const errors = issuesToFieldErrors(q.error.issues, 'query');
      fail('request.invalid_query', { count: errors.length }, { errors, status: route.queryStatus ?? 400 });
    }
    out.query = q.data;
  }
  if (route.body?.check === 'route') {
    const b = route.body.schema.safeParse(request.body);
    if (!b.success) {
      const errors = issuesToFieldErrors(b.error.issues, 'json');
      fail('request.invalid_body', { count: errors.length }, { errors });
    }
    out.body = b.data;
  }
  return out as unknown as ParsedRequest<R>;
}

function send(route: RouteDef, result: { status: number; body: unknown }, reply: FastifyReply, check: boolean): FastifyReply {
  const spec: ReplySpec | undefined = route.replies[result.status];
  if (!spec) throw new ResponseSchemaError(`${route.name} answered ${result.status}, which its table entry does not declare`);
  reply.code(result.status);
  if (spec.kind === 'empty') return reply.send();
  if (spec.kind === 'text') return reply.type(spec.contentType).send(result.body as string);
  if (result.body instanceof SerializedJson) return reply.type('application/json; charset=utf-8').send(result.body.bytes);
  if (check) checkReply(route, result.status, spec.schema, result.body);
  return reply.send(result.body);
}

function checkReply(route: RouteDef, status: number, schema: z.ZodType, body: unknown): void {
  const parsed = schema.safeParse(body);
  if (parsed.success) return;
  const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ResponseSchemaError(`the ${status} reply of ${route.name} does not match its schema: ${issues.join('; ')}`);
}
