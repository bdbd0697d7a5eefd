import type { z } from 'zod';
import { errorText, isErrorCode, validationError, type FieldError } from './index';

/**
 * zod issues as field errors. An issue raised with `params: { errorCode }` (a catalogue
 * code whose holes need no values) keeps that code and its Vietnamese text; any other
 * carries zod's English under `validation.invalid` (or `validation.query`).
 */
export type PathStyle = 'json' | 'query' | 'params';

const jsonPath = (path: ReadonlyArray<PropertyKey>) =>
  path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, '$');

export function issuePath(issue: z.core.$ZodIssue, style: PathStyle): string[] {
  if (style === 'json') return [jsonPath(issue.path)];
  const prefix = style === 'query' ? '?' : ':';
  // An unknown query parameter is reported at the parameter, not at the whole query.
  if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return issue.keys.map((key) => `${prefix}${key}`);
  return [`${prefix}${issue.path.map(String).join('.')}`];
}

export function issuesToFieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>, style: PathStyle, limit = 1000): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    for (const path of issuePath(issue, style)) {
      if (out.length >= limit) return out;
      const code = issue.code === 'custom' ? (issue.params as { errorCode?: unknown } | undefined)?.errorCode : undefined;
      const vi = issue.code === 'custom' ? (issue.params as { message_vi?: unknown } | undefined)?.message_vi : undefined;
      if (isErrorCode(code) && typeof vi === 'string') {
        // Raised with its texts already filled (shared/wall/profile.ts profileIssue).
        out.push({ path, code, message_vi: vi, message_en: issue.message, message: issue.message });
      } else if (isErrorCode(code)) {
        const text = errorText(code as never);
        out.push({ path, code, message_vi: text.vi, message_en: text.en, message: text.en });
      } else {
        out.push(validationError(path, issue.message, style === 'query' ? 'validation.query' : 'validation.invalid'));
      }
    }
  }
  return out;
}
