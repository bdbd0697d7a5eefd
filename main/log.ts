import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The agent's log: one line per event, appended to a file in the data folder (a wall
 * has no console to look at) and echoed to stderr for development. Written
 * synchronously so the line that explains a crash is on disk before the crash. The
 * file rolls over to `.1` past 10 MB, so a month of display flapping cannot fill a disk.
 */

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const MAX_BYTES = 10 * 1024 * 1024;
const CHECK_EVERY = 200;

export function formatLogLine(level: LogLevel, message: string, at: Date): string {
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${message.replace(/\r?\n/g, '\n    ')}\n`;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function createFileLogger(file: string, echo: (line: string) => void = (line) => process.stderr.write(line)): Logger {
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
  const write = (level: LogLevel, message: string): void => {
    const line = formatLogLine(level, message, new Date());
    echo(line);
    if (++writes % CHECK_EVERY === 0) rollOver();
    try {
      appendFileSync(file, line);
    } catch {
      // A full or read-only disk must not take the wall down; stderr still has it.
    }
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', error === undefined ? message : `${message}: ${describeError(error)}`),
  };
}
