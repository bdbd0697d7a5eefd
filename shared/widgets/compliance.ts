import { z } from 'zod';

/**
 * Options of the reporting-compliance board (tình hình chấp hành chế độ báo cáo): a matrix
 * of reporting agencies × regimes for one period per regime, each cell on time / late /
 * missing / not yet due. Version 1.
 */
export const COMPLIANCE_OPTIONS_VERSION = 1;

/** Same syntax as shared/regimes/schema.ts's regime codes (kept here so options stay light). */
const regimeCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,5}$/, 'regime code: upper-case letters and digits in dash-separated words')
  .max(40);

export const complianceOptionsSchema = z
  .object({
    /**
     * The regimes shown, as columns, in this order; "all": every regime the feed carries
     * whose reporters are of the `rows` kind (ad-hoc regimes, which have no calendar, only
     * when listed by code).
     */
    regimes: z.union([z.literal('all'), z.array(regimeCode).min(1).max(24)]).default('all'),
    /** Rows: the 34 provinces (their People's Committees), or the central agencies (ministries …). */
    rows: z.enum(['provinces', 'agencies']).default('provinces'),
    /**
     * Which period of each regime: the newest whose deadline has passed ("latest-due": every
     * report is in or missing), or the newest the feed carries ("current": may still be open).
     */
    period: z.enum(['latest-due', 'current']).default('latest-due'),
    /** Row order: most missing, then most late, first; the official code order; or by name. */
    sort: z.enum(['worst-first', 'official', 'name']).default('worst-first'),
    /** List only the rows with a late or missing report (the header still counts everyone). */
    onlyProblems: z.boolean().default(false),
    /**
     * Rows per page. Type is sized for this many rows and never shrinks further: more rows
     * than fit make more pages, which take turns every `pageSeconds`.
     */
    rowsPerPage: z.number().int().min(4).max(10).default(9),
    pageSeconds: z.number().int().min(4).max(120).default(12),
  })
  .strict();
export type ComplianceOptions = z.infer<typeof complianceOptionsSchema>;

/**
 * Options written for an older version, brought to the current one. v1 is the first, so
 * there is nothing to convert yet; options of a newer build pass through unchanged and the
 * strict schema refuses what it does not know.
 */
export function migrateComplianceOptions(_fromVersion: number, options: unknown): unknown {
  return options;
}
