import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatPeriod } from '../../shared/format/date';
import { formatValue } from '../../shared/format/number';
import { errorCatalogue } from '../../shared/errors';
import type { IndicatorMeta, Observation } from '../../shared/protocol/model';
import { indexObservations, selectHeadlines } from '../../renderer/info/headlines';
import { withMinus } from '../../renderer/widgets/common/chart-series';
import { asPerson, createUser, PASSWORD, signIn, TEST_SCRYPT } from '../helpers/accounts';
import { startHarness, type Harness } from '../helpers/server-harness';
import { indicatorsCsvPath } from '../support/paths';
import { CHROMIUM_ARGS, CHROMIUM_PATH, recordPageErrors } from './support/browser';

/**
 * The information page for leadership (/info/) in real Chromium as a phone (390×844,
 * touch, mobile viewport) against a real server: login first; every headline figure with
 * its period and provenance, as the API has them; the province picker; offline after a
 * load; and a viewer's session cannot change the wall.
 */
const SHOTS = 'out/screenshots';
const VIEWER = 'lanhdao';
const DA_NANG = '48';

/** Đà Nẵng's monthly report (TINH-KTXH-THANG) for `period`. */
const daNangReport = (period: string, revenue: number, retail: number, iip: number) => ({
  regime: 'TINH-KTXH-THANG',
  agency: `P${DA_NANG}`,
  period,
  values: [
    { indicator: 'PROV_BUDGET_REVENUE', value: revenue },
    { indicator: 'PROV_BUDGET_REVENUE_ESTIMATE_RATE', value: 81.5 },
    { indicator: 'PROV_RETAIL_SALES', value: retail },
    { indicator: 'PROV_IIP_GROWTH', value: iip },
  ],
});

interface Shown {
  code: string;
  region: string;
  period: string;
  value: string;
  periodText: string;
}

function shownHeadlines(page: Page): Promise<Shown[]> {
  return page.$$eval('[data-headline]', (cards) =>
    cards.map((card) => ({
      code: card.getAttribute('data-headline') ?? '',
      region: card.getAttribute('data-region') ?? '',
      period: card.getAttribute('data-period') ?? '',
      value: card.querySelector('[data-field="value"]')?.textContent?.trim() ?? '',
      periodText: card.querySelector('[data-field="period"]')?.firstChild?.textContent?.trim() ?? '',
    })),
  );
}

describe('the information page on a phone', () => {
  let h: Harness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let catalogue: IndicatorMeta[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness({ scrypt: TEST_SCRYPT, indicatorsCsv: indicatorsCsvPath, lockout: { attempts: 3, lockMs: 60_000 } });
    await createUser(h, VIEWER, ['viewer'], 'Lãnh đạo');
    await createUser(h, 'khoa', ['viewer'], 'Tài khoản sẽ bị khóa');
    for (const [period, revenue, retail, iip] of [['2026-10', 20150.5, 60210, 9.2], ['2026-11', 22480.25, 66115, 10.4]] as const) {
      const r = await h.api('POST', '/api/v1/reports', { body: daNangReport(period, revenue, retail, iip) });
      expect(r.status, r.text).toBe(201);
    }
    catalogue = (await h.api<{ indicators: IndicatorMeta[] }>('GET', '/api/v1/indicators')).body.indicators;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    page = await context.newPage();
    errors = recordPageErrors(page);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await h?.cleanup();
  });

  it('asks for a login without a session, and says why one was refused', async () => {
    await page.goto(`${h.server.url}/info/`);
    await page.waitForSelector('[data-testid="login-form"]');
    expect(await page.locator('[data-headline]').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/info-login.png` });
    await page.fill('#info-username', VIEWER);
    await page.fill('#info-password', 'not the password');
    await page.press('#info-password', 'Enter');
    await page.waitForSelector('[data-field="login-error"]');
    expect(await page.locator('[data-field="login-error"]').innerText()).toBe(errorCatalogue['auth.login_failed'].vi);
    // The third wrong password in a row locks the account: 423, with when it opens again.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.fill('#info-username', 'khoa');
      await page.fill('#info-password', `sai mật khẩu ${attempt}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
      await page.press('#info-password', 'Enter');
      expect((await answered).status()).toBe(attempt < 3 ? 401 : 423);
    }
    const locked = errorCatalogue['auth.account_locked'].vi.split('{until}')[0]!;
    await page.waitForFunction((text) => document.querySelector('[data-field="login-error"]')?.textContent?.startsWith(text), locked);
    expect(await page.locator('[data-field="login-error"]').innerText()).toMatch(/mở lại lúc \S+/);
    await page.click('[data-testid="language"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.locator('#info-login-title').innerText()).toBe('Sign in');
    await page.click('[data-testid="language"]');
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
  });

  it('shows every headline with its period and provenance, as the API has them', async () => {
    await page.fill('#info-username', VIEWER);
    await page.fill('#info-password', PASSWORD);
    await page.tap('.info-login button[type="submit"]');
    await page.waitForSelector('[data-headline]');
    const viewer = await signIn(h, VIEWER);
    const api = (await asPerson(h, viewer, 'GET', '/api/v1/observations?region=VN')).body as { observations: Observation[] };
    const expected = selectHeadlines(catalogue, indexObservations(api.observations), 'VN', Date.now()).flatMap((f) => f.headlines);
    expect(expected.length).toBeGreaterThan(8);
    const shown = await shownHeadlines(page);
    expect(shown.map((s) => s.code)).toEqual(expected.map((e) => e.meta.code));
    const byKey = new Map(api.observations.map((o) => [`${o.indicator}|${o.region}|${o.period}`, o]));
    for (const s of shown) {
      const o = byKey.get(`${s.code}|${s.region}|${s.period}`);
      const meta = catalogue.find((m) => m.code === s.code)!;
      expect(o, s.code).toBeDefined();
      expect(s.value).toBe(withMinus(formatValue(o!.value!, meta.unit, 'vi')));
      expect(s.periodText).toBe(formatPeriod(o!.period, 'vi'));
    }
    // The compliance counts are the server's.
    expect(await page.locator('[data-testid="compliance"] [data-status="on-time"]').count()).toBe(1);
    expect(await page.locator('[data-testid="data-age"]').innerText()).toMatch(/^Cập nhật lúc \d\d:\d\d$/);
    await page.screenshot({ path: `${SHOTS}/info-national.png`, fullPage: true });

    // Each figure's provenance is one tap away, and Escape closes it.
    const cards = page.locator('[data-headline] button');
    for (let i = 0; i < shown.length; i++) {
      const s = shown[i]!;
      const o = byKey.get(`${s.code}|${s.region}|${s.period}`)!;
      await cards.nth(i).tap();
      const sheet = page.locator('[data-testid="provenance"]');
      await sheet.waitFor();
      const agency = await sheet.locator('[data-field="agency"]').innerText();
      if (o.provenance.agency) expect(agency).toContain(o.provenance.agency);
      expect(await sheet.locator('[data-field="regime"]').innerText()).toBe(o.provenance.regime ?? '—');
      expect(await sheet.locator('[data-field="status"]').innerText()).toBe(o.status === 'estimate' ? 'Ước tính' : 'Chính thức');
      expect(await sheet.locator('[data-field="vintage"]').innerText()).toContain(formatDateTime(new Date(o.vintage)));
      expect(await sheet.locator(o.provenance.submissionId ? '[data-field="submitted-at"]' : '[data-field="released-at"]').count()).toBe(1);
      if (i === 0) await page.screenshot({ path: `${SHOTS}/info-provenance.png` });
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
    }
    // With the keyboard alone: Enter on a focused card opens its sheet, Escape closes it and focus is back on the card.
    await cards.nth(1).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="provenance"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="provenance"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.closest('[data-headline]')?.getAttribute('data-headline'))).toBe(shown[1]!.code);
  });

  it("switches to Đà Nẵng's figures where the province has them", async () => {
    await page.selectOption('[data-testid="region"]', DA_NANG);
    await page.waitForSelector(`[data-headline][data-region="${DA_NANG}"]`);
    const viewer = await signIn(h, VIEWER);
    const api = (await asPerson(h, viewer, 'GET', `/api/v1/observations?region=VN,${DA_NANG}`)).body as { observations: Observation[] };
    const expected = selectHeadlines(catalogue, indexObservations(api.observations), DA_NANG, Date.now()).flatMap((f) => f.headlines);
    const shown = await shownHeadlines(page);
    expect(shown.map((s) => `${s.code}|${s.region}`)).toEqual(expected.map((e) => `${e.meta.code}|${e.latest.region}`));
    // Every figure Đà Nẵng reported heads its field, before the nation's.
    const province = shown.filter((s) => s.region === DA_NANG);
    expect(province.map((s) => s.code).sort()).toEqual(['PROV_BUDGET_REVENUE', 'PROV_BUDGET_REVENUE_ESTIMATE_RATE', 'PROV_IIP_GROWTH', 'PROV_RETAIL_SALES']);
    expect(await page.locator('[data-field-code="economic-growth"] [data-headline]').first().getAttribute('data-region')).toBe(DA_NANG);
    expect(province.find((s) => s.code === 'PROV_BUDGET_REVENUE')).toMatchObject({ period: '2026-11', value: '22.480,25' });
    await page.screenshot({ path: `${SHOTS}/info-da-nang.png`, fullPage: true });
    await page.selectOption('[data-testid="region"]', 'VN');
    await page.waitForFunction(() => document.querySelectorAll('[data-headline][data-region="48"]').length === 0 && document.querySelectorAll('[data-headline]').length > 0);
    expect(await page.locator('#info-compliance-title').innerText()).toBe('Tình hình chấp hành chế độ báo cáo');
  });

  it("refuses the viewer's session a change of the wall (403), and nothing changes", async () => {
    const before = (await h.api<{ revision: number; layout: unknown }>('GET', '/api/v1/wall')).body;
    const result = await page.evaluate(async () => {
      const session = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const wall = (await (await fetch('/api/v1/wall')).json()) as { layout: { title?: unknown } };
      const changed = { ...wall.layout, title: { vi: 'Đổi bởi người xem', en: 'Changed by a viewer' } };
      const r = await fetch('/api/v1/wall/layout', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(changed) });
      return { status: r.status, body: (await r.json()) as { error: { code: string } } };
    });
    expect(result.status).toBe(403);
    expect(result.body.error.code).toBe('auth.role_forbidden');
    const after = (await h.api<{ revision: number; layout: unknown }>('GET', '/api/v1/wall')).body;
    expect(after.revision).toBe(before.revision);
    expect(after.layout).toEqual(before.layout);
  });

  it('shows the last figures with their age when the server is gone', async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The worker keeps the shell and every script and stylesheet the page loaded.
    await page.waitForFunction(async () => {
      const cache = await caches.open('toancanh-info-shell-v1');
      const wanted = [`${location.origin}/info/`, ...[...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="stylesheet"], link[rel="modulepreload"]')].map((e) => ('src' in e ? e.src : e.href))];
      const kept = await Promise.all(wanted.map((url) => cache.match(url, { ignoreSearch: true })));
      return kept.every(Boolean);
    });
    const before = await shownHeadlines(page);
    expect(before.filter((s) => s.region !== 'VN')).toEqual([]);
    await h.stop();
    await page.reload();
    await page.waitForSelector('[data-offline="true"]');
    expect(await page.locator('[data-offline="true"]').innerText()).toMatch(/^Mất kết nối — số liệu lúc \d\d:\d\d$/);
    expect(await shownHeadlines(page)).toEqual(before);
    expect(await page.locator('[data-testid="region"]').inputValue()).toBe('VN');
    await page.screenshot({ path: `${SHOTS}/info-offline.png` });
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_CONNECTION_REFUSED|status of 40[13]/.test(e))).toEqual([]);
  });
});
