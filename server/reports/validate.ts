import { canonicalAgencyCode } from '../../shared/agencies';
import type { ReportError } from '../../shared/protocol/report';
import { validateSubmissionCsv } from '../../shared/regimes/csv';
import type { Regime } from '../../shared/regimes/schema';
import type { NormalizedSubmission, SubmissionError, SubmissionStatus } from '../../shared/regimes/submission';
import { validateSubmission } from '../../shared/regimes/validate-submission';
import type { Principal } from '../auth/tokens';

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

export type ReportCheck = { ok: true; regime: Regime; submission: NormalizedSubmission } | { ok: false; errors: ReportError[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function withMessage(e: Omit<SubmissionError, never>): ReportError {
  return { path: e.path, ...(e.row === undefined ? {} : { row: e.row }), ...(e.column === undefined ? {} : { column: e.column }), message_vi: e.message_vi, message_en: e.message_en, message: e.message_en };
}

export function checkReport(input: ReportInput, ctx: ReportContext): ReportCheck {
  const csv = input.kind === 'csv';
  const envelope: Record<string, unknown> = csv ? input.envelope : isObject(input.body) ? input.body : {};
  const at = (key: string) => (csv ? `?${key}` : `$.${key}`);
  const errors: SubmissionError[] = [];

  // --- the regime
  const code = envelope.regime;
  let regime: Regime | undefined;
  if (code === undefined || code === null || code === '') {
    if (csv || isObject(input.kind === 'json' ? input.body : null)) {
      errors.push({
        path: at('regime'),
        message_vi: csv ? 'Thiếu mã chế độ báo cáo (tham số ?regime=)' : 'Thiếu mã chế độ báo cáo (regime)',
        message_en: csv ? 'the regime is required (query parameter ?regime=)' : 'regime is required',
      });
    }
  } else if (typeof code !== 'string' || !(regime = ctx.regime(code))) {
    errors.push({
      path: at('regime'),
      message_vi: `Không có chế độ báo cáo ${JSON.stringify(code)} (xem GET /api/v1/regimes)`,
      message_en: `unknown regime ${JSON.stringify(code)} (see GET /api/v1/regimes)`,
    });
  }

  // --- the caller's rights: a submitter reports for its own agency
  const agency = typeof envelope.agency === 'string' ? (canonicalAgencyCode(envelope.agency) ?? envelope.agency) : undefined;
  if (ctx.principal.role === 'submitter' && agency !== undefined && agency !== ctx.principal.agency) {
    errors.push({
      path: at('agency'),
      message_vi: `Mã truy cập này chỉ được gửi báo cáo của cơ quan ${ctx.principal.agency}, không phải ${agency}`,
      message_en: `this token reports for agency ${ctx.principal.agency} only, not ${agency}`,
    });
  }

  if (!regime) {
    // Without a regime there is no template to check against: the envelope's shape is all we can say.
    if (!csv && !isObject(input.body)) {
      errors.push({ path: '$', message_vi: 'Báo cáo phải là một đối tượng JSON', message_en: 'a report is a JSON object' });
    }
    if (typeof envelope.agency === 'string' && canonicalAgencyCode(envelope.agency) === undefined) {
      errors.push({ path: at('agency'), message_vi: `Không có cơ quan mã "${envelope.agency}"`, message_en: `unknown agency "${envelope.agency}"` });
    }
    return { ok: false, errors: errors.map(withMessage) };
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
  if (!result.ok) {
    for (const e of result.errors) {
      // The CSV's envelope came as query parameters: say so in the path.
      const m = csv ? /^\$\.(agency|period|status|regime)$/.exec(e.path) : null;
      errors.push(m ? { ...e, path: `?${m[1]}` } : e);
    }
  }
  if (errors.length > 0 || !result.ok) return { ok: false, errors: errors.map(withMessage) };
  return { ok: true, regime, submission: result.submission };
}
