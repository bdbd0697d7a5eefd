import type { z } from 'zod';

/**
 * How every validator of a document (layout, wall profile) reports a refusal: the first
 * `MAX_LISTED_ERRORS` errors, each with its JSON path, and the `total` it found. A
 * refused file lists its faults at once, but a hostile or badly generated one (thousands
 * of copies of the same tile) gets a bounded answer, not a list as large as the input.
 */
export const MAX_LISTED_ERRORS = 100;

/** The longest message kept: a message that quotes the input must not grow with it. */
const MAX_MESSAGE_CHARS = 500;

export interface ValidationError {
  /** JSON path into the document, e.g. `$.tiles[3].x`. */
  path: string;
  /** English. */
  message: string;
  /** A catalogue code (shared/errors) and the Vietnamese text, when the validator has them. */
  code?: string;
  message_vi?: string;
}

/** `errors` holds at most MAX_LISTED_ERRORS entries; `total` counts every distinct one found. */
export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[]; total: number };
export type Refusal = Extract<LoadResult<unknown>, { ok: false }>;

export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, '$');
}

/** A value from the input, quoted for a message and cut short: messages never echo a huge string. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}…` : message;
}

/**
 * Collects errors: keeps the first `limit` distinct ones, counts them all. Adding is
 * cheap and bounded, so validators can report freely and the caller still answers in a
 * size that does not depend on how broken the input is.
 */
export class ErrorList {
  private readonly listed: ValidationError[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly limit = MAX_LISTED_ERRORS) {}

  add(path: string, message: string, coded?: { code: string; message_vi: string }): void {
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    if (this.listed.length < this.limit) {
      this.listed.push({ path, message: clip(message), ...(coded ? { code: coded.code, message_vi: clip(coded.message_vi) } : {}) });
    }
  }

  addAll(errors: Iterable<ValidationError>): void {
    for (const e of errors) this.add(e.path, e.message, e.code !== undefined && e.message_vi !== undefined ? { code: e.code, message_vi: e.message_vi } : undefined);
  }

  get total(): number {
    return this.seen.size;
  }

  get empty(): boolean {
    return this.seen.size === 0;
  }

  refusal(): Refusal {
    return { ok: false, errors: [...this.listed], total: this.total };
  }
}

/** A refusal with the errors given (capped like any other). */
export function refuse(errors: ReadonlyArray<ValidationError>): Refusal {
  const list = new ErrorList();
  list.addAll(errors);
  return list.refusal();
}

/** Every issue zod found, each with its JSON path. */
export function issuesToErrors(issues: ReadonlyArray<z.core.$ZodIssue>): ValidationError[] {
  return issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message, ...codedOf(issue) }));
}

/** The code and Vietnamese text an issue was raised with (`params: { errorCode, message_vi }`), if any. */
export function codedOf(issue: z.core.$ZodIssue): { code: string; message_vi: string } | Record<string, never> {
  if (issue.code !== 'custom') return {};
  const params = issue.params as { errorCode?: unknown; message_vi?: unknown } | undefined;
  return typeof params?.errorCode === 'string' && typeof params.message_vi === 'string' ? { code: params.errorCode, message_vi: params.message_vi } : {};
}

export function parseJsonText(text: string): LoadResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return refuse([{ path: '$', message: `not valid JSON: ${(error as Error).message}` }]);
  }
}

/** For a log or a terminal: the listed errors, then how many more there were. */
export function formatErrors(source: string, errors: ReadonlyArray<ValidationError>, total = errors.length): string {
  const more = total - errors.length;
  return [
    `${source}: ${total} error(s)`,
    ...errors.map((e) => `  ${e.path}: ${e.message}`),
    ...(more > 0 ? [`  … and ${more} more`] : []),
  ].join('\n');
}
