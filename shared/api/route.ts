import type { z } from 'zod';
import type { Role } from '../protocol/roles';

/**
 * One REST route, declared once: the server registers it from this entry (server/http/
 * route.ts: roles enforced, params/query/body parsed before the handler, replies checked
 * in tests) and the renderer's client (renderer/api/client.ts) builds its URL and checks
 * its replies from the same entry. Every error reply has the one shape of
 * shared/errors/wire.ts, so replies list success statuses only.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: these roles (the token's, or later a signed-in person's), or anyone. */
export type RouteAccess = readonly Role[] | 'public';

export type ReplySpec =
  /** A JSON body checked against `schema`. */
  | { kind: 'json'; schema: z.ZodType }
  /** A text body of this content type (a CSV template). */
  | { kind: 'text'; contentType: string }
  /** No body (204, 304). */
  | { kind: 'empty' };

export type BodySpec = {
  schema: z.ZodType;
  /**
   * `route`: the server parses the body with `schema` before the handler and answers 422
   * with every issue. `handler`: the handler validates it itself (a report is checked
   * against its regime, with reasons only the regime can give); `schema` still types the
   * clients' side.
   */
  check: 'route' | 'handler';
  /** Also accepted as text/csv (the handler receives a string). */
  csv?: boolean;
};

export interface RouteDef {
  /** Stable, unique: `area.action` (e.g. `reports.submit`). */
  name: string;
  method: HttpMethod;
  /** With `:name` parameters, e.g. /api/v1/submissions/:id. */
  path: string;
  access: RouteAccess;
  summary: string;
  params?: z.ZodType<Record<string, string | number>>;
  query?: z.ZodType;
  /** 400 by default: a bad query is a bad request. A report answers its query faults with its other faults (422). */
  queryStatus?: 400 | 422;
  body?: BodySpec;
  /** Success replies by status. */
  replies: Readonly<Record<number, ReplySpec>>;
  /** Request headers the route reads, for the docs and CORS (lower case). */
  headers?: readonly string[];
}

export const json = <S extends z.ZodType>(schema: S) => ({ kind: 'json', schema }) as const;
export const text = (contentType: string) => ({ kind: 'text', contentType }) as const;
export const empty = () => ({ kind: 'empty' }) as const;

/** Keeps the literal types of an entry (its schemas) while checking it is a RouteDef. */
export const defineRoute = <const R extends RouteDef>(route: R): R => route;

/** The path with its parameters filled in (each URL-encoded). */
export function buildPath(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** Names of the `:params` of a path. */
export function pathParams(template: string): string[] {
  return [...template.matchAll(/:(\w+)/g)].map((m) => m[1]!);
}

type Infer<T> = T extends z.ZodType ? z.input<T> : never;
type Output<T> = T extends z.ZodType ? z.output<T> : never;

/** What a client sends for a route. */
export type RouteInput<R extends RouteDef> = (R['params'] extends z.ZodType ? { params: Infer<R['params']> } : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: Infer<R['query']> } : { query?: undefined }) &
  (R['body'] extends BodySpec ? { body: Infer<R['body']['schema']> | (R['body']['csv'] extends true ? { csv: string } : never) } : { body?: undefined });

/** The parsed request a server handler receives. */
export interface ParsedRequest<R extends RouteDef> {
  params: R['params'] extends z.ZodType ? Output<R['params']> : Record<string, never>;
  query: R['query'] extends z.ZodType ? Output<R['query']> : Record<string, never>;
  body: R['body'] extends BodySpec ? (R['body']['check'] extends 'route' ? Output<R['body']['schema']> : R['body']['csv'] extends true ? unknown : unknown) : undefined;
}

/** The value of a reply of a route, by status. */
export type ReplyBody<S extends ReplySpec, Raw = never> = S extends { kind: 'json'; schema: infer T } ? Infer<T> | Raw : S extends { kind: 'text' } ? string : undefined;
export type ParsedReplyBody<S extends ReplySpec> = S extends { kind: 'json'; schema: infer T } ? Output<T> : S extends { kind: 'text' } ? string : undefined;

/** A success reply of a route: one of its statuses with its body. */
export type RouteReply<R extends RouteDef, Raw = never> = {
  [S in keyof R['replies'] & number]: { status: S; body: ReplyBody<R['replies'][S], Raw> };
}[keyof R['replies'] & number];
export type ParsedRouteReply<R extends RouteDef> = {
  [S in keyof R['replies'] & number]: { status: S; body: ParsedReplyBody<R['replies'][S]> };
}[keyof R['replies'] & number];
