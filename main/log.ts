import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLogger, formatJson, formatPretty, type LogFormat, type Logger, type LogLevel } from '../shared/log';

/**
 * The agent's log, behind the shared interface (shared/log.ts): one line per event,
 * appended to a file in the data folder (a wall has no console to look at) and echoed to
 * stderr for development. Pretty lines carry the full instant (a file spans days); JSON
 * lines with `--log-format json`. Written synchronously so the line that explains a crash
 * is on disk before the crash. The file rolls over to `.1` past 10 MB, so a month of
 * display flapping cannot fill a disk.
 */
export type { Logger };

const MAX_BYTES = 10 * 1024 * 1024;
const CHECK_EVERY = 200;

export function formatLogLine(level: LogLevel, message: string, at: Date, fields: Record<string, unknown> = {}): string {
  return formatPretty({ time: at.getTime(), level, msg: message, fields }, { timestamp: 'iso' });
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function createFileLogger(file: string, options: { format?: LogFormat; echo?: (line: string) => void } = {}): Logger {
  const echo = options.echo ?? ((line: string) => process.stderr.write(line));
  const format = options.format ?? 'pretty';
  let writes = 0;
  const rollOver = (): void => {
    try {
      if (statSync(file).size > MAX_BYTES) renameSync(file, `${file}.1`);
    } catch {
      // No file yet.
    }
  };
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch {
    // Reported by the first append that fails; stderr still gets every line.
  }
  rollOver();
  return createLogger(
    (record) => {
      const line = format === 'json' ? formatJson(record) : formatPretty(record, { timestamp: 'iso' });
      echo(line);
      if (++writes % CHECK_EVERY === 0) rollOver();
      try {
        appendFileSync(file, line);
      } catch {
        // A full or read-only disk must not take the wall down; stderr still has it.
      }
    },
    { level: 'debug' },
  );
}
