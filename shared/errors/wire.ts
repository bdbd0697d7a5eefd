import { z } from 'zod';

/**
 * Every error reply of the API, whatever its status (400, 401, 403, 404, 409, 413, 415,
 * 422, 429, 500):
 *
 *   { "error": { "code": "auth.token_required", "message_vi": "…", "message_en": "…", "details"?: {…} },
 *     "errors"?: [ { "path": "$.values[0].value", "code": "submission.value_out_of_range",
 *                    "message_vi": "…", "message_en": "…", "message": "…", "row"?: 2, "column"?: 3 } ],
 *     "total"?: 2417 }
 *
 * `errors` lists the faults of a refused document (422) or query (400): the first
 * MAX_REPLY_ERRORS of them, and `total` says how many there were (validators stop counting
 * past their own cap, so `total` may itself be a bound). `code` is stable; the texts may be
 * reworded. docs/api.md documents it.
 */
export const MAX_REPLY_ERRORS = 100;

export const appErrorSchema = z.object({
  code: z.string().max(80),
  message_vi: z.string(),
  message_en: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const fieldErrorSchema = z.object({
  path: z.string(),
  code: z.string().max(80),
  message_vi: z.string(),
  message_en: z.string(),
  /** = message_en (older clients read it). */
  message: z.string(),
  row: z.number().int().min(1).optional(),
  column: z.number().int().min(1).optional(),
});

export const errorBodySchema = z.object({
  error: appErrorSchema,
  errors: z.array(fieldErrorSchema).max(MAX_REPLY_ERRORS).optional(),
  /** How many faults there were; present whenever `errors` is. */
  total: z.number().int().min(0).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
