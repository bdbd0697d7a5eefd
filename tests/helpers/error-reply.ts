import { isErrorCode, statusOf } from '../../shared/errors';
import { errorBodySchema } from '../../shared/errors/wire';

/**
 * Every refusal the API sends a test must be the one error shape, with a code from the
 * catalogue answered with that code's status: a test that checks only the status (or
 * "some 4xx") still proves the contract, and a new ad-hoc `{ error }` fails every test
 * that meets it.
 */
export function checkErrorReply(method: string, path: string, status: number, body: unknown): void {
  const where = `${method} ${path} → ${status}`;
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) throw new Error(`${where}: not the error shape of shared/errors/wire.ts: ${JSON.stringify(body).slice(0, 300)}`);
  const { code } = parsed.data.error;
  if (!isErrorCode(code)) throw new Error(`${where}: code ${code} is not in the catalogue (shared/errors/)`);
  if (statusOf(code) !== status) throw new Error(`${where}: code ${code} is answered with ${statusOf(code)} in the catalogue`);
  for (const e of parsed.data.errors ?? []) if (!isErrorCode(e.code)) throw new Error(`${where}: field error code ${e.code} (${e.path}) is not in the catalogue`);
}
