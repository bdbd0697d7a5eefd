import { z } from 'zod';

/** Options of the KPI tile. Version 1. */
export const kpiOptionsSchema = z
  .object({
    /** What the change figure compares against. */
    compare: z.enum(['previous', 'yoy']).default('previous'),
    /** Fixed number of decimals; by default the unit decides (see format/number). */
    decimals: z.number().int().min(0).max(4).optional(),
  })
  .strict();
export type KpiOptions = z.infer<typeof kpiOptionsSchema>;
