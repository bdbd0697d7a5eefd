/**
 * The one logger interface of the three processes (server, display agent, renderer):
 * a level, a message that says what happened, and structured fields. The fields with a
 * fixed meaning everywhere are named here, so that a technician can follow one report or
 * one screen through every process's log:
 *
 *   code          a catalogue code (shared/errors) when the line is about an error
 *   submissionId  the report concerned
 *   seq           the change log's sequence number
 *   screenId      the wall screen concerned
 *
 * Two formats: `pretty` (a terse line for a terminal: `12:03:04 INFO  report accepted
 * submission=… seq=…`) and `json` (one object a line, for collectors). Pure: each process
 * writes the lines where it writes (server/log.ts, main/log.ts, renderer/log.ts).
 */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'pretty' | 'json';
export const LOG_FORMATS: readonly LogFormat[] = ['pretty', 'json'];

export interface LogFields {
  code?: string;
  submissionId?: string | null;
  seq?: number | null;
  screenId?: string | null;
  /** An error: its name, message and stack are written. */
  err?: unknown;
  [field: string]: unknown;
}

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  fatal(message: string, fields?: LogFields): void;
  /** A logger whose every line carries `bindings` too (e.g. `{ ns: 'feed' }`). */
  child(bindings: LogFields): Logger;
}

export interface LogRecord {
  /** Epoch ms. */
  time: number;
  level: LogLevel;
  msg: string;
  fields: LogFields;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

export function levelAtLeast(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/** `--log-format` / TOANCANH_LOG_FORMAT: null when the value is neither. */
export function parseLogFormat(value: string): LogFormat | null {
  const v = value.trim().toLowerCase();
  return v === 'json' || v === 'pretty' ? v : null;
}

/** Short names in the pretty line for the fields every process shares. */
const PRETTY_NAMES: Record<string, string> = { submissionId: 'submission', screenId: 'screen' };
const MAX_VALUE = 200;

function errorParts(err: unknown): { text: string; stack: string | null } {
  if (err instanceof Error) return { text: `${err.name}: ${err.message}`, stack: err.stack ?? null };
  if (typeof err === 'object' && err !== null) {
    const e = err as { type?: unknown; name?: unknown; message?: unknown; stack?: unknown };
    const name = typeof e.type === 'string' ? e.type : typeof e.name === 'string' ? e.name : 'Error';
    return { text: `${name}: ${String(e.message ?? '')}`, stack: typeof e.stack === 'string' ? e.stack : null };
  }
  return { text: String(err), stack: null };
}

function prettyValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else text = JSON.stringify(value) ?? String(value);
  if (text.length > MAX_VALUE) text = `${text.slice(0, MAX_VALUE)}…`;
  return text === '' || /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * One terse line: local time (or the ISO instant), level, message, then `name=value` for each field (the
 * error's stack, at error level and above, on the indented lines after it).
 */
export function formatPretty(record: LogRecord, options: { timestamp?: 'clock' | 'iso' } = {}): string {
  const at = new Date(record.time);
  // A terminal is read as it scrolls (the clock is enough); a file spans days (the instant).
  const time = options.timestamp === 'iso' ? at.toISOString() : `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  const parts: string[] = [];
  let stack: string | null = null;
  for (const [key, value] of Object.entries(record.fields)) {
    if (value === undefined) continue;
    if (key === 'err') {
      const e = errorParts(value);
      parts.push(`err=${prettyValue(e.text)}`);
      if (levelAtLeast(record.level, 'error')) stack = e.stack;
      continue;
    }
    parts.push(`${PRETTY_NAMES[key] ?? key}=${prettyValue(value)}`);
  }
  const message = record.msg.replace(/\r?\n/g, '\n    ');
  const line = `${time} ${record.level.toUpperCase().padEnd(5)} ${message}${parts.length ? `  ${parts.join(' ')}` : ''}`;
  return `${line}${stack ? `\n    ${stack.split('\n').slice(1).map((l) => l.trim()).join('\n    ')}` : ''}\n`;
}

/** One JSON object a line: time (ISO), level, msg, then the fields (an error as {type, message, stack}). */
export function formatJson(record: LogRecord): string {
  const out: Record<string, unknown> = { time: new Date(record.time).toISOString(), level: record.level, msg: record.msg };
  for (const [key, value] of Object.entries(record.fields)) {
    if (value === undefined || key in out) continue;
    if (key === 'err') {
      const e = value instanceof Error ? { type: value.name, message: value.message, stack: value.stack } : value;
      out.err = e;
    } else out[key] = value;
  }
  return `${JSON.stringify(out)}\n`;
}

/** A Logger over a record sink (the display agent's and the renderer's), with a threshold. */
export function createLogger(write: (record: LogRecord) => void, options: { level?: LogLevel; now?: () => number; bindings?: LogFields } = {}): Logger {
  const threshold = options.level ?? 'info';
  const now = options.now ?? Date.now;
  const bindings = options.bindings ?? {};
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (!levelAtLeast(level, threshold)) return;
      write({ time: now(), level, msg: message, fields: { ...bindings, ...fields } });
    };
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
    child: (more) => createLogger(write, { level: threshold, now, bindings: { ...bindings, ...more } }),
  };
}
