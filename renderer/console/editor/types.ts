import type { IndicatorMeta, Observation } from '../../../shared/protocol/model';

export type EditorLang = 'vi' | 'en';

/** A fault of one field, in the wire's error shape: the server's refusals and the editor's own. */
export interface FieldError {
  /** JSON path into the layout, e.g. `$.tiles[3].options.decimals`. */
  path: string;
  message_vi: string;
  message_en: string;
}

/**
 * - schema: what the layout schema refuses (an error: publishing is blocked);
 * - bezel: text or a KPI's figure would sit under a bezel;
 * - legibility: too small to read at the profile's viewing distance;
 * - no-data: a binding with no figure in the feed;
 * - stale: the latest figure is overdue (shared/freshness.ts).
 */
export type WarningKind = 'schema' | 'bezel' | 'legibility' | 'no-data' | 'stale';

export interface Warning extends FieldError {
  kind: WarningKind;
  /** error: the shell must not publish; warning: the shell lists it before publishing. */
  severity: 'error' | 'warning';
  /** The tile it concerns, or null for the layout as a whole. */
  tileId: string | null;
}

/** What the warnings need of the live data: the catalogue, the newest figure of a binding, and now. */
export interface EditorData {
  indicators: Readonly<Record<string, IndicatorMeta>>;
  latest(indicator: string, region: string): Observation | undefined;
  /** Epoch milliseconds. */
  now: number;
}
