import { z } from 'zod';
import { periodSchema } from '../period';

/**
 * Reporting compliance on the wire: one entry per regime × agency × period, as computed
 * by shared/compliance/status.ts on the server. Walls subscribe with `compliance: true`.
 */
export const complianceStatusSchema = z.enum(['on-time', 'late', 'missing', 'not-due']);

export const complianceEntrySchema = z.object({
  regime: z.string().min(1).max(64),
  agency: z.string().min(1).max(16),
  period: periodSchema,
  status: complianceStatusSchema,
  /** 23:59:59+07:00 of the deadline day. */
  deadline: z.iso.datetime({ offset: true }),
  receivedAt: z.iso.datetime({ offset: true }).nullable(),
  /** Late only: how late the first accepted report was. */
  lateByMs: z.number().int().min(0).nullable(),
  /** Missing only: how long past the deadline, as of the entry's computation. */
  overdueByMs: z.number().int().min(0).nullable(),
  revisions: z.number().int().min(0),
});
export type ComplianceEntryWire = z.infer<typeof complianceEntrySchema>;

export function complianceKey(e: Pick<ComplianceEntryWire, 'regime' | 'agency' | 'period'>): string {
  return `${e.regime}|${e.agency}|${e.period}`;
}

/** What a wall needs to name a regime. */
export const regimeMetaSchema = z.object({
  code: z.string().min(1).max(64),
  name: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  periodicity: z.string().min(1).max(32),
  /** Agency that issued the regime (receives the reports). */
  owner: z.string().max(16).nullable(),
});
export type RegimeMeta = z.infer<typeof regimeMetaSchema>;
