import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { formatPretty, type LogFields, type LogFormat, type Logger, type LogLevel } from '../shared/log';

/**
 * The server's logger: Fastify keeps pino (fast, redacting, one JSON object a line), and
 * this module puts the shared interface (shared/log.ts) in front of it and decides what
 * reaches the terminal:
 *
 * - `json` (`--log-format json`, TOANCANH_LOG_FORMAT=json): pino's JSON lines as they are;
 * - `pretty` (the default): each line re-written by the shared formatter into one terse
 *   line, `12:03:04 INFO  report accepted  submission=… seq=…`.
 *
 * Requests are logged at debug level; at info and above only a failed (5xx) or slow one
 * gets a line, so a wall polling the API does not flood the terminal.
 */
export interface LogSink {
  write(line: string): unknown;
}

/** A request slower than this is logged at warn level. */
export const SLOW_REQUEST_MS = 1000;

const PINO_LEVELS: Record<number, LogLevel> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
/** pino's own fields, not worth a terminal's width. */
const DROPPED = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);

/** Turns pino's JSON lines into pretty ones; a line that is not JSON passes as it is. */
export function prettySink(out: LogSink): LogSink {
  return {
    write(line: string) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return out.write(line);
      }
      const level = PINO_LEVELS[Number(record.level)] ?? 'info';
      const fields: LogFields = {};
      for (const [key, value] of Object.entries(record)) if (!DROPPED.has(key)) fields[key] = value;
      return out.write(formatPretty({ time: typeof record.time === 'number' ? record.time : Date.now(), level, msg: String(record.msg ?? ''), fields }));
    },
  };
}

export interface ServerLogOptions {
  level?: LogLevel | 'silent';
  format?: LogFormat;
  /** Default stdout; the CLI uses stderr so that stdout stays for the ready line. */
  stream?: LogSink;
}

/** The `logger` option of Fastify: pino with redaction, writing in the chosen format. */
export function fastifyLoggerOptions(options: ServerLogOptions) {
  const out: LogSink = options.stream ?? process.stdout;
  return {
    level: options.level ?? 'info',
    // Tokens never reach the log: requests are logged without headers, and the
    // Authorization header is censored should anything log it.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'authorization', 'token', '*.token'], censor: '[redacted]' },
    stream: (options.format ?? 'pretty') === 'json' ? out : prettySink(out),
  };
}

/** The shared interface over a pino logger (Fastify's, or a child of it). */
export function wrapPino(pino: FastifyBaseLogger): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (fields) pino[level](fields, message);
      else pino[level](message);
    };
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    child: (bindings) => wrapPino(pino.child(bindings)),
  };
}

/** One line per request: debug, or warn when slow, or error when it failed (5xx). */
export function installRequestLogging(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime);
    const level: LogLevel = reply.statusCode >= 500 ? 'error' : ms >= SLOW_REQUEST_MS ? 'warn' : 'debug';
    request.log[level]({ method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms }, level === 'debug' ? 'request' : ms >= SLOW_REQUEST_MS ? 'slow request' : 'request failed');
  });
}

