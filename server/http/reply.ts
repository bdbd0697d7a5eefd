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
  ) {
    super(error.message_en);
  }
}

/** Throws the catalogue error `code`, answered with its status (or `status`). */
export function fail<C extends ErrorCode>(code: C, ...args: [...ParamsArg<C>, options?: { status?: number; errors?: readonly FieldError[]; details?: Record<string, unknown> }]): never {
  const [params, options] = args as unknown as [ParamsArg<C>[0], { status?: number; errors?: readonly FieldError[]; details?: Record<string, unknown> } | undefined];
  const error = appError(code, ...([params, options?.details] as unknown as [...ParamsArg<C>, Record<string, unknown> | undefined]));
  throw new HttpFailure(options?.status ?? statusOf(code), error, options?.errors);
}

/** The error body, its list capped (the total is in details). */
export function errorBody(error: AppError, errors?: readonly FieldError[]): ErrorBody {
  if (!errors) return { error };
  if (errors.length <= MAX_REPLY_ERRORS) return { error, errors: [...errors] };
  return { error: { ...error, details: { ...error.details, errorCount: errors.length, errorsShown: MAX_REPLY_ERRORS } }, errors: errors.slice(0, MAX_REPLY_ERRORS) };
}

export function sendError(reply: FastifyReply, status: number, error: AppError, errors?: readonly FieldError[]): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(error, errors));
}
