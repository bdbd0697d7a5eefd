import { z } from 'zod';

export const indicatorCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'indicator code: upper-case letters, digits and underscores');

/** The whole country. */
export const NATIONAL_REGION = 'VN';

/** "VN", or a province's official two-digit code (Decision 19/2025/QĐ-TTg). */
export const regionCodeSchema = z.string().regex(/^(VN|\d{2})$/, 'region: "VN" or a two-digit province code');
