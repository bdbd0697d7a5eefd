import type { z } from 'zod';

/**
 * Responses are runtime-validated against their wire schema (shared/protocol/report.ts) when
 * the server runs with `checkResponses` (the tests do): a response that does not match is a
 * 500 with the mismatch in the log, never a silent drift between the docs and the server.
 * Off by default in production, where it would only cost time on every request.
 */
export type Output = <S extends z.ZodType>(schema: S, value: z.input<S>) => z.input<S>;

export class ResponseSchemaError extends Error {
  override readonly name = 'ResponseSchemaError';
}

export function makeOutput(check: boolean): Output {
  if (!check) return (_schema, value) => value;
  return (schema, value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      throw new ResponseSchemaError(`the response does not match its schema: ${issues.join('; ')}`);
    }
    return value;
  };
}
