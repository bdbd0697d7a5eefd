import { z } from 'zod';

/** Who holds a token. Checked on every request and every socket connection. */
export const roleSchema = z.enum(['admin', 'operator', 'wall', 'submitter']);
export type Role = z.infer<typeof roleSchema>;
