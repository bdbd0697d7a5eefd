import type { FastifyError, FastifyInstance } from 'fastify';

export const BODY_LIMIT = 1024 * 1024;

/**
 * Errors as JSON with a message a person can act on. Fastify's own client errors (body too
 * large, malformed JSON, wrong content type) keep their status; anything unexpected is a
 * 500 whose details go to the log, not to the caller.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({
        error: `the request body is larger than the limit of ${BODY_LIMIT / 1024 / 1024} MiB; split the report`,
        error_vi: `Nội dung yêu cầu vượt giới hạn ${BODY_LIMIT / 1024 / 1024} MiB; hãy chia nhỏ báo cáo`,
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
      return reply.code(400).send({ error: `the body is not valid JSON: ${error.message}`, error_vi: `Nội dung không phải JSON hợp lệ: ${error.message}` });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.code(415).send({
        error: `unsupported Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')}: send application/json, or text/csv for a report in its template's columns`,
        error_vi: 'Kiểu nội dung không được hỗ trợ: gửi application/json, hoặc text/csv cho báo cáo theo biểu mẫu',
      });
    }
    if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal error; see the server log' });
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` });
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
  });
}
