import { accountErrors } from './accounts';
import { briefingErrors } from './briefing';
import { clientErrors } from './client';
import { fillTemplate, type HolesOf, type ParamValue } from './format';
import { fleetErrors } from './fleet';
import { httpErrors } from './http';
import { libraryErrors } from './library';
import { profileErrors } from './profile';
import { profileLibraryErrors } from './profile-library';
import { readErrors } from './reads';
import { reportErrors } from './reports';
import { taskErrors } from './tasks';
import { wallErrors } from './wall';

/**
 * THE catalogue of error codes: every error the server answers, every reason a document is
 * refused, every socket refusal has a stable code (`area.what`) with its text in
 * Vietnamese and English, parameterised with `{holes}`. Code is what programs test; the
 * texts are for people and may be reworded. Codes are never reused for another meaning.
 * Grouped by area in this folder; CONTRIBUTING.md says how to add one.
 */
export const errorCatalogue = { ...httpErrors, ...readErrors, ...reportErrors, ...wallErrors, ...taskErrors, ...libraryErrors, ...clientErrors, ...accountErrors, ...profileErrors, ...profileLibraryErrors, ...briefingErrors, ...fleetErrors } as const;

export type ErrorCode = keyof typeof errorCatalogue;
type Entry<C extends ErrorCode> = (typeof errorCatalogue)[C];
export type ErrorParams<C extends ErrorCode> = Record<HolesOf<Entry<C>['vi']> | HolesOf<Entry<C>['en']>, ParamValue>;
/** No argument for a code without holes; the holes' values otherwise. */
export type ParamsArg<C extends ErrorCode> = [HolesOf<Entry<C>['vi']> | HolesOf<Entry<C>['en']>] extends [never] ? [params?: undefined] : [params: ErrorParams<C>];

/** An error as it crosses a boundary (HTTP reply, socket refusal, log line). */
export interface AppError {
  code: ErrorCode;
  message_vi: string;
  message_en: string;
  /** Machine-readable facts about this occurrence (the current version on a conflict, a limit). */
  details?: Record<string, unknown>;
}

/** One fault of one field of a document (a report, a layout, a query). */
export interface FieldError {
  /** `$.values[3].value`, `csv[4].GDP_GROWTH`, `?regime`. */
  path: string;
  code: ErrorCode;
  message_vi: string;
  message_en: string;
  /** = message_en; kept for clients written before the codes. */
  message: string;
  row?: number;
  column?: number;
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(errorCatalogue, code);
}

/** The texts of a code with its holes filled. */
export function errorText<C extends ErrorCode>(code: C, ...[params]: ParamsArg<C>): { vi: string; en: string } {
  const entry = errorCatalogue[code] as { vi: string; en: string };
  const values = (params ?? {}) as Record<string, ParamValue>;
  return { vi: fillTemplate(entry.vi, values, 'vi'), en: fillTemplate(entry.en, values, 'en') };
}

export function appError<C extends ErrorCode>(code: C, ...args: [...ParamsArg<C>, details?: Record<string, unknown>]): AppError {
  const [params, details] = args as unknown as [ErrorParams<C> | undefined, Record<string, unknown> | undefined];
  const text = errorText(code, ...([params] as ParamsArg<C>));
  return { code, message_vi: text.vi, message_en: text.en, ...(details ? { details } : {}) };
}

export function fieldError<C extends ErrorCode>(path: string, code: C, ...[params]: ParamsArg<C>): FieldError {
  const text = errorText(code, ...([params] as ParamsArg<C>));
  return { path, code, message_vi: text.vi, message_en: text.en, message: text.en };
}

/** The HTTP status a code is answered with when it is the main error (500 when it has none). */
export function statusOf(code: ErrorCode): number {
  const entry = errorCatalogue[code] as { status?: number };
  return entry.status ?? 500;
}

/** A field error for a message that has no code of its own (a zod issue's text, in English). */
export function validationError(path: string, detail: string, code: 'validation.invalid' | 'validation.query' = 'validation.invalid'): FieldError {
  return fieldError(path, code, { detail });
}

export type { ParamValue } from './format';
