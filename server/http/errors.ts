import type { FastifyError, FastifyInstance } from 'fastify';
import { appError } from '../../shared/errors';
import { HttpFailure, sendError } from './reply';
import { ResponseSchemaError } from './route';

export const BODY_LIMIT = 1024 * 1024;

/**
 * Every error as the one error body (server/http/reply.ts) with a catalogue code. A
 * handler's `fail(…)` keeps its status; Fastify's own client errors (body too large,
 * malformed JSON, wrong content type) keep theirs; anything unexpected is a 500 whose
 * details go to the log, not to the caller.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpFailure) return sendError(reply, error.status, error.error, error.errors, error.total);
    if (error instanceof ResponseSchemaError) {
      request.log.error({ err: error, code: 'server.reply_invalid' }, 'reply does not match its schema');
      return sendError(reply, 500, appError('server.reply_invalid'));
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(reply, 413, appError('request.body_too_large', { limit: `${BODY_LIMIT / 1024 / 1024} MiB` }, { limitBytes: BODY_LIMIT }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
      return sendError(reply, 400, appError('request.invalid_json', { detail: error.message }));
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendError(reply, 415, appError('request.unsupported_media_type', { contentType: JSON.stringify(request.headers['content-type'] ?? '') }));
    }
    if (status >= 400 && status < 500) return sendError(reply, status, appError('request.bad', { detail: error.message }));
    request.log.error({ err: error, code: 'server.internal' }, 'request failed');
    return sendError(reply, 500, appError('server.internal'));
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 404, appError('route.not_found', { method: request.method, path: request.url.split('?')[0]! }));
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
  });
}
