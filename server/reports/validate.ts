import { canonicalAgencyCode } from '../../shared/agencies';
import { fieldError, type FieldError } from '../../shared/errors';
import { validateSubmissionCsv } from '../../shared/regimes/csv';
import type { Regime } from '../../shared/regimes/schema';
import type { NormalizedSubmission, SubmissionStatus } from '../../shared/regimes/submission';
import { validateSubmission } from '../../shared/regimes/validate-submission';
import { isSubmitter, type Principal } from '../auth/tokens';

/**
 * Checks a report against its regime (shared/regimes/validate-submission.ts and csv.ts) and
 * the caller's rights, listing EVERY problem at once in Vietnamese and English:
 *
 * - the regime is required and must be in the catalogue;
 * - everything the regime says (agency among its reporters, period of its periodicity and
 *   begun, every value known, typed, in range and unit, required fields present);
 * - a submitter reports for its own agency only (an operator or admin for any reporter).
 *
 * JSON errors have JSON paths ($.values[2].unit); CSV errors name the cell (csv[4].GDP_GROWTH,
 * with row and column) or the query parameter that carried the envelope (?agency).
 */
export type ReportInput =
  | { kind: 'json'; body: unknown }
  | { kind: 'csv'; text: string; envelope: { regime?: string; agency?: string; period?: string; status?: string } };

export interface ReportContext {
  principal: Principal;
  regime(code: string): Regime | undefined;
  /** When the report counts as received: a period whose data window has not begun by then is refused. */
  receivedMs: number;
}

export type ReportCheck = { ok: true; regime: Regime; submission: NormalizedSubmission } | { ok: false; errors: FieldError[]; total: number };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkReport(input: ReportInput, ctx: ReportContext): ReportCheck {
  const csv = input.kind === 'csv';
  const envelope: Record<string, unknown> = csv ? input.envelope : isObject(input.body) ? input.body : {};
  const at = (key: string) => (csv ? `?${key}` : `$.${key}`);
  const errors: FieldError[] = [];

  // --- the regime
  const code = envelope.regime;
  let regime: Regime | undefined;
  if (code === undefined || code === null || code === '') {
    if (csv || isObject(input.kind === 'json' ? input.body : null)) {
      errors.push(fieldError(at('regime'), csv ? 'report.regime_required_csv' : 'report.regime_required'));
    }
  } else if (typeof code !== 'string' || !(regime = ctx.regime(code))) {
    errors.push(fieldError(at('regime'), 'report.regime_unknown', { code: JSON.stringify(code) }));
  }

  // --- the caller's rights: a submitter reports for its own agency
  const agency = typeof envelope.agency === 'string' ? (canonicalAgencyCode(envelope.agency) ?? envelope.agency) : undefined;
  if (isSubmitter(ctx.principal) && agency !== undefined && agency !== ctx.principal.agency) {
    errors.push(fieldError(at('agency'), 'report.agency_not_own', { own: ctx.principal.agency ?? '', agency }));
  }

  if (!regime) {
    // Without a regime there is no template to check against: the envelope's shape is all we can say.
    if (!csv && !isObject(input.body)) {
      errors.push(fieldError('$', 'report.not_object'));
    }
    if (typeof envelope.agency === 'string' && canonicalAgencyCode(envelope.agency) === undefined) {
      errors.push(fieldError(at('agency'), 'report.agency_unknown', { agency: envelope.agency }));
    }
    return { ok: false, errors, total: errors.length };
  }

  const result =
    input.kind === 'json'
      ? validateSubmission(regime, input.body, { now: ctx.receivedMs })
      : validateSubmissionCsv(
          regime,
          input.text,
          // A missing parameter stays undefined, so that it is reported as missing.
          { agency: input.envelope.agency as string, period: input.envelope.period as string, ...(input.envelope.status === undefined ? {} : { status: input.envelope.status as SubmissionStatus }) },
          { now: ctx.receivedMs },
        );
  let total = errors.length;
  if (!result.ok) {
    total += result.total;
    for (const e of result.errors) {
      // The CSV's envelope came as query parameters: say so in the path.
      const m = csv ? /^\$\.(agency|period|status|regime)$/.exec(e.path) : null;
      errors.push(m ? { ...e, path: `?${m[1]}` } : e);
    }
  }
  if (errors.length > 0 || !result.ok) return { ok: false, errors, total };
  return { ok: true, regime, submission: result.submission };
}
