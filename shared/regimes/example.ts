import { agencyByCode } from '../agencies';
import { PROVINCES } from '../regions';
import type { Regime, TemplateField } from './schema';
import type { Submission } from './submission';

/**
 * A valid submission for a regime, an agency and a period, with made-up values inside
 * every field's range: for documentation, API examples, tests and demo data (anything
 * shown from it must be marked as simulated). Deterministic: the same arguments give the
 * same values. Every field of the template is filled, optional ones too.
 */
export function exampleSubmission(regime: Pick<Regime, 'code' | 'fields'>, agency: string, period: string): Submission & { status: 'estimate' } {
  const own = agencyByCode(agency)?.region ?? 'VN';
  const values: Submission['values'] = [];
  regime.fields.forEach((field, f) => {
    if (field.byProvince) {
      PROVINCES.forEach((p, k) => values.push({ indicator: field.indicator, region: p.code, value: exampleValue(field, (f * 7 + k) % 34) }));
    } else {
      values.push({ indicator: field.indicator, region: own, value: exampleValue(field, f % 34), unit: field.unit });
    }
  });
  return { regime: regime.code, agency, period, status: 'estimate', values };
}

/** A value inside the field's range, varying with `k` (0…33); whole for integer fields. */
export function exampleValue(field: Pick<TemplateField, 'type' | 'min' | 'max'>, k = 0): number {
  const lo = field.min ?? (field.max !== undefined ? Math.min(0, field.max - 100) : 0);
  const hi = field.max ?? lo + (field.type === 'percent' ? 100 : 1000);
  const x = lo + (hi - lo) * (0.3 + (0.4 * k) / 33);
  if (field.type === 'integer') return Math.min(Math.max(Math.round(x), Math.ceil(lo)), Math.floor(hi));
  return Math.min(hi, Math.max(lo, Math.round(x * 100) / 100));
}
