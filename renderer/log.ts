import { createLogger, type LogFields, type Logger, type LogRecord } from '../shared/log';

/**
 * The renderer's logger (shared/log.ts) over the page's console: a technician opening the
 * developer tools sees the message first and the structured fields as an object beside
 * it, at the console level of its own (console.error for errors). The display agent
 * collects the window's console messages into its own log.
 */
function toConsole(record: LogRecord): void {
  const text = `[toancanh] ${record.msg}`;
  const fields: LogFields = record.fields;
  const args: unknown[] = Object.keys(fields).length > 0 ? [text, fields] : [text];
  if (record.level === 'error' || record.level === 'fatal') console.error(...args);
  else if (record.level === 'warn') console.warn(...args);
  else if (record.level === 'info') console.info(...args);
  else console.debug(...args);
}

export const rendererLog: Logger = createLogger(toConsole, { level: 'debug' });
