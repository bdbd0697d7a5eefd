import { z } from 'zod';

/**
 * Our pages run under `script-src 'self'` (no eval). zod probes `new Function` when it
 * builds an object schema, which Chromium reports as a CSP violation even though zod
 * catches it. Imported FIRST by every page entry, before any schema module is evaluated.
 */
z.config({ jitless: true });
