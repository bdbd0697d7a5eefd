import type { Bilingual } from '../../../shared/i18n';
import type { IndicatorMeta } from '../../../shared/protocol/model';
import { INDICATOR_FIELDS } from '../../../shared/regimes/indicators';
import { fold, foldedWords, matchesWords } from '../../../shared/text/fold';

/**
 * Searching the indicator catalogue as an operator types: by code, by name in Vietnamese
 * or English, or by the field of Decision 293 it belongs to ("tang truong" finds the
 * indicators of "Tăng trưởng kinh tế", GDP growth among them), with or without diacritics.
 * Pure; the texts are folded once when the catalogue arrives.
 */

export interface IndexedIndicator {
  meta: IndicatorMeta;
  code: string;
  name: string;
  field: string;
}

const fieldNames = new Map<string, Bilingual>(INDICATOR_FIELDS.map((f) => [f.code, f.name]));

export function fieldName(group: string | undefined): Bilingual | undefined {
  return group === undefined ? undefined : fieldNames.get(group);
}

export function indexIndicators(list: ReadonlyArray<IndicatorMeta>): IndexedIndicator[] {
  return list.map((meta) => {
    const field = fieldName(meta.group);
    return {
      meta,
      code: fold(meta.code.replace(/_/g, ' ')) + ' ' + fold(meta.code),
      name: `${fold(meta.name.vi)} ${fold(meta.name.en)}`,
      field: field ? `${fold(field.vi)} ${fold(field.en)}` : '',
    };
  });
}

/**
 * The indicators every word of the query finds (in the code, the names or the field),
 * best first: the code itself, then a code that starts with it, then a match in the name,
 * then one through the field only; catalogue order within each. An empty query lists all.
 */
export function searchIndicators(index: ReadonlyArray<IndexedIndicator>, query: string): IndicatorMeta[] {
  const words = foldedWords(query);
  const code = fold(query).replace(/\s+/g, '_');
  const ranked: { meta: IndicatorMeta; rank: number; at: number }[] = [];
  index.forEach((entry, at) => {
    const all = `${entry.code} ${entry.name} ${entry.field}`;
    if (!matchesWords(all, words)) return;
    const own = fold(entry.meta.code);
    const rank = words.length === 0 ? 3 : own === code ? 0 : own.startsWith(code) ? 1 : matchesWords(`${entry.code} ${entry.name}`, words) ? 2 : 3;
    ranked.push({ meta: entry.meta, rank, at });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.at - b.at);
  return ranked.map((r) => r.meta);
}

export interface FieldGroup {
  /** The field's code, or null for indicators without one. */
  field: string | null;
  name: Bilingual | null;
  indicators: IndicatorMeta[];
}

/** Indicators grouped by field in the decision's order (those without a field last), each group in the order given. */
export function groupByField(list: ReadonlyArray<IndicatorMeta>): FieldGroup[] {
  const groups = new Map<string | null, IndicatorMeta[]>();
  for (const meta of list) {
    const key = meta.group !== undefined && fieldNames.has(meta.group) ? meta.group : null;
    groups.set(key, [...(groups.get(key) ?? []), meta]);
  }
  const order = [...INDICATOR_FIELDS.map((f) => f.code as string), null];
  return order.filter((key) => groups.has(key)).map((key) => ({ field: key, name: key === null ? null : fieldNames.get(key)!, indicators: groups.get(key)! }));
}
