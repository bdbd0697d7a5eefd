import { describe, expect, it } from 'vitest';
import { appError, errorCatalogue, errorText, fieldError, isErrorCode, statusOf } from '../../shared/errors';
import { accountErrors } from '../../shared/errors/accounts';
import { clientErrors } from '../../shared/errors/client';
import { httpErrors } from '../../shared/errors/http';
import { readErrors } from '../../shared/errors/reads';
import { reportErrors } from '../../shared/errors/reports';
import { wallErrors } from '../../shared/errors/wall';

const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the error catalogue (shared/errors/)', () => {
  it('gives every code a Vietnamese and an English text with the same holes', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[a-z]+(\.[a-z_]+)+$/);
      expect(entry.vi.trim().length, code).toBeGreaterThan(3);
      expect(entry.en.trim().length, code).toBeGreaterThan(3);
      expect(entry.vi, code).not.toBe(entry.en);
      expect(holes(entry.vi), code).toEqual(holes(entry.en));
      const status = (entry as { status?: number }).status;
      if (status !== undefined) expect(status >= 400 && status < 600, code).toBe(true);
    }
  });

  it('has no code in two areas (a later area would silently replace an earlier one)', () => {
    const areas = [httpErrors, readErrors, reportErrors, wallErrors, clientErrors, accountErrors].map((a) => Object.keys(a));
    const all = areas.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('fills holes with numbers, strings and bilingual pairs', () => {
    expect(errorText('auth.rate_limited', { seconds: 3 })).toEqual({
      vi: 'Mã truy cập này gửi quá nhiều yêu cầu; thử lại sau 3 giây',
      en: 'too many requests for this token; retry in 3 s',
    });
    const e = fieldError('$.agency', 'submission.agency_not_reporter', { name: { vi: 'Bộ Tài chính', en: 'Ministry of Finance' }, agency: 'BTC', regime: 'CTK-KTXH-THANG' });
    expect(e).toEqual({
      path: '$.agency',
      code: 'submission.agency_not_reporter',
      message_vi: 'Bộ Tài chính (BTC) không thuộc đối tượng báo cáo của chế độ CTK-KTXH-THANG',
      message_en: 'Ministry of Finance (BTC) is not a reporting agency of regime CTK-KTXH-THANG',
      message: 'Ministry of Finance (BTC) is not a reporting agency of regime CTK-KTXH-THANG',
    });
    // Braces around prose are text, not holes.
    expect(errorText('submission.value_not_object', { type: 'string' }).en).toBe('each value is an object {indicator, value, …}, not string');
  });

  it('builds AppError values with details, and knows its statuses and codes', () => {
    expect(appError('token.bootstrap')).toMatchObject({ code: 'token.bootstrap', message_vi: expect.stringContaining('khởi động lại') });
    expect(appError('auth.rate_limited', { seconds: 2 }, { retryAfterSeconds: 2 }).details).toEqual({ retryAfterSeconds: 2 });
    expect(statusOf('auth.token_required')).toBe(401);
    expect(statusOf('report.refused')).toBe(422);
    expect(isErrorCode('auth.token_required')).toBe(true);
    expect(isErrorCode('auth.nope')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
