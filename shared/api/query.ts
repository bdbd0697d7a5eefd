import { z } from 'zod';
import { parsePeriod } from '../period';

/** Query-string pieces shared by the read routes: every value arrives as a string. */

/** A comma-separated list of values, each checked by `item` (1 to 200 of them). */
export const list = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .max(4000)
    .transform((text, ctx): z.output<T>[] => {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      if (items.length === 0 || items.length > 200) ctx.addIssue({ code: 'custom', message: 'a list of 1 to 200 comma-separated values' });
      const out: z.output<T>[] = [];
      for (const text of items.slice(0, 200)) {
        const parsed = item.safeParse(text);
        if (parsed.success) out.push(parsed.data);
        else ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)}: ${parsed.error.issues[0]?.message ?? 'not valid'}` });
      }
      return out;
    });

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (2025-03-15) or a period (2025, 2025-Q1, 2025-03): from its first day / to its last. */
export const dayOrPeriod = z.string().max(40).refine((t) => DAY.test(t) || parsePeriod(t) !== null, 'a day (YYYY-MM-DD) or a period (2025, 2025-Q1, 2025-03, …)');

/** The first or last day of a day-or-period value. */
export const dayOf = (text: string, side: 'start' | 'end'): string => (DAY.test(text) ? text : side === 'start' ? parsePeriod(text)!.start : parsePeriod(text)!.end);

export const flag = z.enum(['0', '1', 'true', 'false']);
export const isTrue = (v: string | undefined): boolean | undefined => (v === undefined ? undefined : v === '1' || v === 'true');

export const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
