import type { FastifyReply } from 'fastify';
import { appError, statusOf, type AppError, type ErrorCode, type FieldError, type ParamsArg } from '../../shared/errors';
import { MAX_REPLY_ERRORS, type ErrorBody } from '../../shared/errors/wire';

/**
 * The one way the server answers an error: `{ error: {code, message_vi, message_en,
 * details?}, errors?: [...] }` (shared/errors/wire.ts). A handler throws an HttpFailure
 * (`fail(…)`); the guard, which runs before any handler, sends directly.
 */
export class HttpFailure extends Error {
  override readonly name = 'HttpFailure';
  constructor(
    readonly status: number,
    readonly error: AppError,
    readonly errors?: readonly FieldError[],
    /** How many faults there were, when the validator listed fewer than it found. */
    readonly total?: number,
  ) {
    super(error.message_en);
  }
}

/** Throws the catalogue error `code`, answered with its status (or `status`). */
type FailOptions = { status?: number; errors?: readonly FieldError[]; total?: number; details?: Record<string, unknown> };

export function fail<C extends ErrorCode>(code: C, ...args: [...ParamsArg<C>, options?: FailOptions]): never {
  const [params, options] = args as unknown as [ParamsArg<C>[0], FailOptions | undefined];
  const error = appError(code, ...([params, options?.details] as unknown as [...ParamsArg<C>, Record<string, unknown> | undefined]));
  throw new HttpFailure(options?.status ?? statusOf(code), error, options?.errors, options?.total);
}

/** The error body: at most MAX_REPLY_ERRORS faults listed, and how many there were. */
export function errorBody(error: AppError, errors?: readonly FieldError[], total?: number): ErrorBody {
  if (!errors) return { error };
  return { error, errors: errors.slice(0, MAX_REPLY_ERRORS), total: Math.max(total ?? 0, errors.length) };
}

export function sendError(reply: FastifyReply, status: number, error: AppError, errors?: readonly FieldError[], total?: number): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(error, errors, total));
}
