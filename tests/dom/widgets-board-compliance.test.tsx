import { act } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCatalog } from '../../server/catalog/load';
import { connectWall, type WallConnection } from '../../renderer/feed/socket';
import { acceptChanges, acceptWallState } from '../../renderer/feed/ingest';
import { selectBoundIndicators, selectWantsCompliance } from '../../renderer/store/selectors';
import { createWallStore } from '../../renderer/store/wallStore';
import { choosePeriod, complianceView, rowFontCqh } from '../../renderer/widgets/compliance/model';
import { daysLate, periodShort, regimeSubject, reportName } from '../../renderer/widgets/common/board-compliance';
import { pageAt } from '../../renderer/widgets/common/board-rotation';
import { reportItems, tickerView } from '../../renderer/widgets/ticker/model';
import { PROVINCE_AGENCIES } from '../../shared/agencies';
import { complianceReport, type ComplianceEntry, type ReceivedSubmission } from '../../shared/compliance/status';
import { complianceEntrySchema, complianceKey, type ComplianceEntryWire, type RegimeMeta } from '../../shared/protocol/compliance';
import type { Snapshot } from '../../shared/protocol/feed';
import { deadlineOf, toInstant } from '../../shared/regimes/calendar';
import type { Regime } from '../../shared/regimes/schema';
import { widgetCatalog } from '../../shared/widgets/catalog';
import { complianceOptionsSchema, type ComplianceOptions } from '../../shared/widgets/compliance/definition';
import { tickerOptionsSchema } from '../../shared/widgets/ticker/definition';
import { observation, presetWallState, seededSnapshot, wallStateWith } from './fixtures';
import { startServer, stopServer, TOKEN, type Fake } from './fakeServer';
import { atFixedTime, cleanup, showWall, tileEl, wallStore } from './render';

/**
 * The compliance board and the ticker's report alerts, on entries computed the way the
 * server computes them (shared/compliance/status.ts) for the real regimes of
 * server/catalog/data, as of Thursday 26/11/2026 14:05:09 in Hà Nội.
 */

const NOW_ISO = '2026-11-26T14:05:09+07:00';
const NOW = toInstant(NOW_ISO);
const DAY = 86_400_000;

const catalog = loadCatalog();
const regimeOf = (code: string): Regime => catalog.regimes.find((r) => r.code === code)!;
const regimeMetas: RegimeMeta[] = catalog.regimes.map((r) => ({ code: r.code, name: r.name, periodicity: r.periodicity, owner: r.owner }));

/** The province regimes with a calendar, and the monthly ministry reports of the Ministry of Finance. */
const PROVINCE_REGIMES = ['TINH-KTXH-THANG', 'TINH-KTXH-9T', 'TINH-KTXH-NAM', 'VPCP-TTHC-QUY'];
// GRDP of every province is one report of the statistics office (CTK), not the provinces'.
const CENTRAL_REGIMES = ['CTK-GRDP-QUY', 'BTC-NSNN-THANG', 'BTC-DTC-THANG', 'BTC-FDI-THANG', 'BTC-DKDN-THANG', 'BCA-TNGT-THANG', 'NHNN-TTTD-THANG', 'CTK-KTXH-THANG', 'CTK-KTXH-QUY', 'CTK-KTXH-NAM', 'BNV-LDVL-QUY'];

const provinceIndex = new Map(PROVINCE_AGENCIES.map((a, i) => [a.code, i]));

/**
 * Submissions, by a fixed rule, for every regime × agency × period whose window has begun:
 * most reports a couple of days before the deadline; some late (by 1–4 days), some never;
 * open periods: a few early reports. Plus hand-placed cases for TINH-KTXH-THANG 2026-11
 * (deadline 20/11/2026 23:59:59+07:00): Hà Nội 3 days late, Hồ Chí Minh 31 s late,
 * Cao Bằng and Điện Biên missing.
 */
function scenario(): { entries: ComplianceEntryWire[]; internal: ComplianceEntry[] } {
  const regimes = [...PROVINCE_REGIMES, ...CENTRAL_REGIMES].map(regimeOf);
  const skeleton = complianceReport({ regimes, submissions: [], now: NOW, from: '2025-01-01', to: '2026-12-31' });
  const submissions: ReceivedSubmission[] = [];
  const special: Record<string, string | null> = {
    'TINH-KTXH-THANG|P01|2026-11': '2026-11-23T10:00:00+07:00',
    'TINH-KTXH-THANG|P79|2026-11': '2026-11-21T00:00:30+07:00',
    'TINH-KTXH-THANG|P04|2026-11': null,
    'TINH-KTXH-THANG|P11|2026-11': null,
  };
  skeleton.forEach((e, n) => {
    const key = `${e.regime}|${e.agency}|${e.period}`;
    const base = { regime: e.regime, agency: e.agency, period: e.period };
    if (key in special) {
      const at = special[key];
      if (at) submissions.push({ ...base, receivedAt: at });
      return;
    }
    if (e.regime === 'TINH-KTXH-THANG' && e.period === '2026-11') {
      submissions.push({ ...base, receivedAt: e.deadlineMs - 2 * DAY });
      return;
    }
    const h = ((provinceIndex.get(e.agency) ?? n) * 7 + e.regime.length * 3 + Number(e.period.slice(5, 7) || 0)) % 17;
    if (e.status === 'not-due') {
      if (h % 4 === 0) submissions.push({ ...base, receivedAt: NOW - DAY });
      return;
    }
    if (h === 0) return; // missing
    if (h === 1 || h === 2) submissions.push({ ...base, receivedAt: e.deadlineMs + (h * 2 - 1) * DAY + 3 * 3_600_000 });
    else submissions.push({ ...base, receivedAt: e.deadlineMs - 2 * DAY });
  });
  const internal = complianceReport({ regimes, submissions, now: NOW, from: '2025-01-01', to: '2026-12-31' });
  const entries = internal.map((e) =>
    complianceEntrySchema.parse({
      regime: e.regime,
      agency: e.agency,
      period: e.period,
      status: e.status,
      deadline: e.deadline,
      receivedAt: e.receivedAt ?? null,
      lateByMs: e.lateByMs ?? null,
      overdueByMs: e.overdueByMs ?? null,
      revisions: e.revisions,
    }),
  );
  return { entries, internal };
}

const { entries: ENTRIES } = scenario();

function complianceSnapshot(seq = 200): Snapshot {
  return { ...seededSnapshot(seq), compliance: ENTRIES, regimes: regimeMetas };
}

const boardState = (tiles: unknown[], revision = 1) => wallStateWith(tiles, { id: 'bang-chap-hanh', title: { vi: 'Chấp hành chế độ báo cáo' }, revision });
const storeWith = (snapshot: Snapshot, tiles: unknown[]) => wallStore(snapshot, boardState(tiles));

const options = (o: Partial<ComplianceOptions> = {}): ComplianceOptions => complianceOptionsSchema.parse(o);

atFixedTime(NOW, ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']);

describe('the scenario itself (hand-checked against the regimes’ calendars)', () => {
  it('has the deadlines and statuses the assertions below rely on', () => {
    expect(deadlineOf(regimeOf('TINH-KTXH-THANG'), '2026-11').at).toBe('2026-11-20T23:59:59+07:00');
    // 20 December 2026 is a Sunday: the deadline is Monday 21.
    expect(deadlineOf(regimeOf('TINH-KTXH-THANG'), '2026-12').at).toBe('2026-12-21T23:59:59+07:00');
    const get = (regime: string, agency: string, period: string) => ENTRIES.find((e) => complianceKey(e) === `${regime}|${agency}|${period}`);
    expect(get('TINH-KTXH-THANG', 'P01', '2026-11')).toMatchObject({ status: 'late', lateByMs: 2 * DAY + 10 * 3_600_000 + 1000 });
    expect(get('TINH-KTXH-THANG', 'P79', '2026-11')).toMatchObject({ status: 'late', lateByMs: 31_000 });
    expect(get('TINH-KTXH-THANG', 'P04', '2026-11')?.status).toBe('missing');
    expect(get('TINH-KTXH-THANG', 'P11', '2026-11')?.status).toBe('missing');
    expect(get('TINH-KTXH-THANG', 'P48', '2026-11')?.status).toBe('on-time');
    expect(get('TINH-KTXH-THANG', 'P01', '2026-12')?.status).toMatch(/^(not-due|on-time)$/);
    expect(ENTRIES.filter((e) => e.regime === 'TINH-KTXH-THANG' && e.period === '2026-11')).toHaveLength(34);
  });
});

describe('compliance model', () => {
  it('picks, per regime, the newest period already due, or the newest at all', () => {
    const monthly = ENTRIES.filter((e) => e.regime === 'TINH-KTXH-THANG');
    expect(choosePeriod(monthly, 'latest-due', NOW)).toBe('2026-11');
    expect(choosePeriod(monthly, 'current', NOW)).toBe('2026-12');
    // The nine-month report of 2026 (deadline in September) and the third quarter.
    expect(choosePeriod(ENTRIES.filter((e) => e.regime === 'TINH-KTXH-9T'), 'latest-due', NOW)).toBe('2026-9M');
    expect(choosePeriod(ENTRIES.filter((e) => e.regime === 'CTK-GRDP-QUY'), 'latest-due', NOW)).toBe('2026-Q3');
  });

  it('builds a matrix of the 34 provinces × the calendar regimes, counts every cell, worst rows first', () => {
    const view = complianceView({ entries: ENTRIES, regimes: Object.fromEntries(regimeMetas.map((r) => [r.code, r])), options: options(), now: NOW, size: null })!;
    expect(view.layout).toBe('matrix');
    expect(view.totalRows).toBe(34);
    // Monthly first, then quarterly, nine-monthly, yearly; each at its newest period already due.
    expect(view.columns.map((c) => c.regime)).toEqual(['TINH-KTXH-THANG', 'VPCP-TTHC-QUY', 'TINH-KTXH-9T', 'TINH-KTXH-NAM']);
    expect(view.columns.map((c) => c.periodShort)).toEqual(['T11/2026', 'Q3/2026', '9T/2026', '2025']);
    // Counts = the entries of each column's period, recounted here from the raw entries.
    const chosen = new Map(view.columns.map((c) => [c.regime, c.period]));
    const shown = ENTRIES.filter((e) => chosen.get(e.regime) === e.period && e.agency.startsWith('P'));
    for (const status of ['on-time', 'late', 'missing', 'not-due'] as const) {
      expect(view.counts[status], status).toBe(shown.filter((e) => e.status === status).length);
    }
    expect(view.counts.late + view.counts.missing).toBeGreaterThan(4);
    // Worst first: missing count, then late count, never increasing down the list.
    const keys = view.rows.map((r) => r.counts.missing * 1000 + r.counts.late);
    expect([...keys].sort((a, b) => b - a)).toEqual(keys);
    const hanoi = view.rows.find((r) => r.agency === 'P01')!;
    expect(hanoi.name).toBe('Hà Nội');
    expect(hanoi.cells[0]).toMatchObject({ status: 'late', days: 3, text: 'trễ 3 ngày' });
    expect(view.rows.find((r) => r.agency === 'P79')!.cells[0]).toMatchObject({ status: 'late', days: 1, text: 'trễ 1 ngày' });
    expect(view.rows.find((r) => r.agency === 'P04')!.cells[0]).toMatchObject({ status: 'missing', text: 'chưa gửi', days: 6 });
  });

  it('lists ministries as chips of their own regimes (a sparse matrix would be mostly empty)', () => {
    const view = complianceView({ entries: ENTRIES, regimes: {}, options: options({ rows: 'agencies' }), now: NOW, size: null })!;
    expect(view.layout).toBe('chips');
    expect(view.rows.map((r) => r.agency).sort()).toEqual(['BCA', 'BNV', 'BTC', 'CTK', 'NHNN']);
    const btc = view.rows.find((r) => r.agency === 'BTC')!;
    expect(btc.name).toBe('Bộ Tài chính');
    expect(btc.cells.map((c) => c.subject).sort()).toEqual(['FDI', 'NSNN', 'ĐKDN', 'ĐTC']);
    expect(btc.cells.map((c) => c.label).sort()).toEqual(['FDI T10', 'NSNN T10', 'ĐKDN T10', 'ĐTC T10']);
    // The statistics office reports KT-XH monthly, quarterly and yearly, and every province's GRDP: the period tells them apart.
    expect(view.rows.find((r) => r.agency === 'CTK')!.cells.map((c) => c.label)).toEqual(['KT-XH T10', 'GRDP Q3', 'KT-XH Q3', 'KT-XH 2025']);
    expect(view.rows.find((r) => r.agency === 'NHNN')!.name).toBe('Ngân hàng NN');
  });

  it('with onlyProblems lists only rows with a late or missing report, yet counts everyone', () => {
    const all = complianceView({ entries: ENTRIES, regimes: {}, options: options(), now: NOW, size: null })!;
    const problems = complianceView({ entries: ENTRIES, regimes: {}, options: options({ onlyProblems: true }), now: NOW, size: null })!;
    expect(problems.counts).toEqual(all.counts);
    expect(problems.rows.length).toBeLessThan(34);
    expect(problems.rows.filter((r) => r.counts.late + r.counts.missing === 0)).toEqual([]);
  });

  it('on narrower tiles: shorter words, then columns in groups that take turns — never smaller type', () => {
    const run = (width: number) => complianceView({ entries: ENTRIES, regimes: {}, options: options(), now: NOW, size: { width, height: 1000 } })!;
    const richness = { long: 3, short: 2, compact: 1, mark: 0 } as const;
    let previousGroups = Infinity;
    const seen: string[] = [];
    for (const width of [600, 800, 1000, 1200, 1400, 1700, 2000, 2500, 3000, 4000]) {
      const view = run(width);
      const groups = new Set(view.pages.map((p) => p.columns.map((c) => c.regime).join(' ')));
      // Every column is on exactly one group; each page at most rowsPerPage lines; 34 rows per group.
      expect([...groups].flatMap((g) => g.split(' ')).sort()).toEqual(view.columns.map((c) => c.regime).sort());
      expect(view.pages.filter((p) => p.lines.length > 9)).toEqual([]);
      for (const g of groups) expect(view.pages.filter((p) => p.columns.map((c) => c.regime).join(' ') === g).reduce((n, p) => n + p.lines.length, 0)).toBe(34);
      expect(groups.size).toBeLessThanOrEqual(previousGroups);
      previousGroups = groups.size;
      seen.push(`${width}:${groups.size}:${view.wording}`);
    }
    expect(run(4000).wording).toBe('long');
    expect(run(4000).pages).toHaveLength(4); // one group, 4 pages of rows
    expect(run(4000).rows.find((r) => r.agency === 'P01')!.cells[0]!.text).toBe('trễ 3 ngày');
    expect(run(600).pages.length).toBeGreaterThan(4); // column groups × pages of rows
    // With one group, a wider tile never gets poorer words.
    const single = seen.map((s) => s.split(':')).filter(([, g]) => g === '1');
    const ranks = single.map(([, , w]) => richness[w as keyof typeof richness]);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(single.length).toBeGreaterThan(1);
  });

  it('declares its smallest text honestly: rows at the most rows per page allowed', () => {
    const max = complianceOptionsSchema.shape.rowsPerPage.unwrap().maxValue!;
    expect(rowFontCqh(max) / 100).toBeGreaterThanOrEqual(widgetCatalog.compliance.legibility.smallestTextFraction);
    expect(rowFontCqh(max) / 100).toBeLessThan(widgetCatalog.compliance.legibility.smallestTextFraction + 0.005);
  });

  it('says "no data" with no entries of the kind asked for', () => {
    expect(complianceView({ entries: [], regimes: {}, options: options(), now: NOW, size: null })).toBeNull();
    const central = ENTRIES.filter((e) => !e.agency.startsWith('P'));
    expect(complianceView({ entries: central, regimes: {}, options: options({ rows: 'provinces' }), now: NOW, size: null })).toBeNull();
  });

  it('words and labels', () => {
    expect(daysLate(31_000)).toBe(1);
    expect(daysLate(2 * DAY + 1)).toBe(3);
    expect(daysLate(null)).toBeNull();
    expect(regimeSubject('TINH-KTXH-THANG')).toBe('KT-XH');
    expect(regimeSubject('BTC-DTC-THANG')).toBe('ĐTC');
    expect(regimeSubject('BNNMT-THIENTAI')).toBe('Thiên tai');
    expect(periodShort('2025')).toBe('2025');
    expect(reportName('TINH-KTXH-THANG', '2026-11')).toBe('Báo cáo KT-XH tháng 11/2026');
    expect(reportName('CTK-GRDP-QUY', '2026-Q3')).toBe('Báo cáo GRDP quý 3/2026');
  });
});

describe('compliance tile on the wall', () => {
  const tile = { id: 'chap-hanh', widget: 'compliance', x: 0, y: 0, w: 24, h: 10, options: { rowsPerPage: 9, pageSeconds: 10 } };

  it('renders header counts, column heads and status cells with marks; rotates pages every N seconds', () => {
    const store = storeWith(complianceSnapshot(), [tile]);
    const { container } = showWall(store);
    const el = tileEl(container, 'chap-hanh');
    expect(el.dataset.widget).toBe('compliance');
    const board = el.querySelector<HTMLElement>('.board-compliance')!;
    expect(board.dataset.wording).toBe('long'); // the width of a 2×2 wall: "trễ 3 ngày" in four columns
    const view = complianceView({ entries: ENTRIES, regimes: {}, options: options(), now: NOW, size: null })!;
    expect(board.dataset.statusCountLate).toBe(String(view.counts.late));
    expect(board.dataset.statusCountMissing).toBe(String(view.counts.missing));
    expect(board.dataset.statusCountOnTime).toBe(String(view.counts['on-time']));
    expect(el.querySelector('[data-field="count-late"]')!.textContent).toBe(`${view.counts.late}trễ hạn`);
    expect(el.querySelector('[data-field="count-missing"]')!.textContent).toBe(`${view.counts.missing}chưa gửi`);
    expect(el.querySelector('[data-field="title"]')!.textContent).toBe('Tình hình chấp hành chế độ báo cáo');
    expect([...el.querySelectorAll('.bc-colhead')].map((h) => h.textContent)).toEqual(['KT-XHT11/2026', 'TTHCQ3/2026', 'KT-XH9T/2026', 'KT-XH2025']);

    // 34 provinces, 9 a page: 4 pages, turning every 10 s on the wall clock (every window
    // of the wall shows the same page at the same moment).
    const start = pageAt(NOW, 4, 10);
    const listed = () => [...el.querySelectorAll<HTMLElement>('.bc-body [data-agency].bc-row')].map((r) => r.dataset.agency);
    const pageRows = (i: number) => view.rows.slice(i * 9, i * 9 + 9).map((r) => r.agency);
    expect(board.dataset.pages).toBe('4');
    expect(board.dataset.page).toBe(String(start + 1));
    expect(el.querySelector('[data-field="page"]')!.textContent).toBe(`${start + 1}/4`);
    expect(listed()).toEqual(pageRows(start));
    expect(listed().length).toBe(start === 3 ? 7 : 9);

    // Every cell has a status, a mark (not colour alone) and, when late, its delay.
    const cells = [...el.querySelectorAll<HTMLElement>('[data-cell-status]')];
    expect(cells).toHaveLength(listed().length * 4);
    for (const cell of cells) {
      expect(['on-time', 'late', 'missing', 'not-due', 'none']).toContain(cell.dataset.cellStatus);
      if (cell.dataset.cellStatus !== 'none') expect(cell.querySelector('svg[data-glyph]')).not.toBeNull();
    }
    const missingCell = el.querySelector<HTMLElement>('[data-cell-status="missing"][data-agency="P04"][data-regime="TINH-KTXH-THANG"]');
    if (missingCell) {
      expect(missingCell.querySelector('svg')!.dataset.glyph).toBe('✕');
      expect(missingCell.title).toBe('Cao Bằng — KT-XH Tháng 11/2026: ✕ Chưa gửi, quá hạn 6 ngày');
    }

    act(() => vi.advanceTimersByTime(10_000));
    expect(board.dataset.page).toBe(String(((start + 1) % 4) + 1));
    expect(listed()).toEqual(pageRows((start + 1) % 4));
    act(() => vi.advanceTimersByTime(30_000));
    expect(board.dataset.page).toBe(String(start + 1));

    // Hà Nội, 3 days late, somewhere on the pages: find it.
    let hanoi: HTMLElement | null = null;
    for (let i = 0; i < 4 && !hanoi; i++) {
      hanoi = el.querySelector<HTMLElement>('[data-agency="P01"][data-regime="TINH-KTXH-THANG"]');
      if (!hanoi) act(() => vi.advanceTimersByTime(10_000));
    }
    expect(hanoi!.dataset.cellStatus).toBe('late');
    expect(hanoi!.textContent).toBe('trễ 3 ngày'); // the long wording: four columns leave room
    expect(hanoi!.title).toBe('Hà Nội — KT-XH Tháng 11/2026: ! Trễ hạn, trễ 3 ngày');
    expect(hanoi!.querySelector('svg')!.dataset.glyph).toBe('!');
  });

  it('updates a cell when a compliance change arrives, without a new snapshot', () => {
    const store = storeWith(complianceSnapshot(), [{ ...tile, options: { onlyProblems: true, rowsPerPage: 10 } }]);
    const { container } = showWall(store);
    const el = tileEl(container, 'chap-hanh');
    const board = el.querySelector<HTMLElement>('.board-compliance')!;
    const before = Number(board.dataset.statusCountMissing);
    const lateBefore = Number(board.dataset.statusCountLate);
    const entry = ENTRIES.find((e) => complianceKey(e) === 'TINH-KTXH-THANG|P04|2026-11')!;
    const arrived: ComplianceEntryWire = { ...entry, status: 'late', receivedAt: NOW_ISO, lateByMs: NOW - Date.parse(entry.deadline), overdueByMs: null };
    act(() => {
      expect(acceptChanges(store, { seq: 201, changes: [{ seq: 201, kind: 'compliance', entry: arrived }] })).toBe(true);
      store.flush();
    });
    expect(Number(board.dataset.statusCountMissing)).toBe(before - 1);
    expect(Number(board.dataset.statusCountLate)).toBe(lateBefore + 1);
    expect(el.querySelector('[data-field="count-late"]')!.textContent).toBe(`${lateBefore + 1}trễ hạn`);
  });

  it('shows "Chưa có số liệu / No data" without compliance, and never crashes on odd entries', () => {
    const { container } = showWall(storeWith(seededSnapshot(100), [tile]));
    expect(tileEl(container, 'chap-hanh').textContent).toBe('Chưa có số liệuNo data');
    cleanup();
    // An agency code nobody knows and a regime without metadata: shown or skipped, never thrown.
    const odd: ComplianceEntryWire = { ...ENTRIES[0]!, agency: 'P99', regime: 'LA-LAM' };
    const { container: c2 } = showWall(storeWith({ ...complianceSnapshot(), compliance: [...ENTRIES, odd], regimes: [] }, [tile]));
    expect(tileEl(c2, 'chap-hanh').querySelector('.board-compliance')).not.toBeNull();
  });

  it('ministries as chips', () => {
    const store = storeWith(complianceSnapshot(), [{ ...tile, options: { rows: 'agencies' } }]);
    const { container } = showWall(store);
    const el = tileEl(container, 'chap-hanh');
    const board = el.querySelector<HTMLElement>('.board-compliance')!;
    expect(board.dataset.layout).toBe('chips');
    // Worst first: Bộ Tài chính (a late report in this scenario) may be on any page; turn to it.
    for (let i = 0; i < Number(board.dataset.pages) && !el.querySelector('.bc-row[data-agency="BTC"]'); i++) act(() => vi.advanceTimersByTime(12_000));
    const lines = [...el.querySelectorAll<HTMLElement>('.bc-row[data-agency="BTC"]')];
    expect(lines[0]!.querySelector('[data-field="agency-name"]')!.textContent).toBe('Bộ Tài chính');
    expect(lines.flatMap((l) => [...l.querySelectorAll<HTMLElement>('[data-cell-status]')]).map((c) => c.querySelector('.bc-cell__subject')!.textContent).sort()).toEqual([
      'FDI T10',
      'NSNN T10',
      'ĐKDN T10',
      'ĐTC T10',
    ]);
  });
});

describe('ticker: late and missing reports from compliance', () => {
  it('one item per late report, one per missing regime × period naming who; newest first', () => {
    const items = reportItems(ENTRIES, NOW, 45);
    const late = items.filter((i) => i.kind === 'late');
    const missing = items.filter((i) => i.kind === 'missing');
    expect(late.find((i) => i.id === 'late|TINH-KTXH-THANG|P01|2026-11')!.text).toBe('Hà Nội — Báo cáo KT-XH tháng 11/2026: trễ 3 ngày');
    expect(late.find((i) => i.id === 'late|TINH-KTXH-THANG|P79|2026-11')!.text).toBe('Hồ Chí Minh — Báo cáo KT-XH tháng 11/2026: trễ 1 ngày');
    const nov = missing.find((i) => i.id === 'missing|TINH-KTXH-THANG|2026-11')!;
    expect(nov.agencies).toEqual(['P04', 'P11']);
    expect(nov.text).toBe('Báo cáo KT-XH tháng 11/2026 chưa gửi (quá hạn 6 ngày): Cao Bằng, Điện Biên');
    // 45 days back from 26/11: nothing that went wrong before 12/10.
    for (const item of items) expect(item.at).toBeGreaterThanOrEqual(NOW - 45 * DAY);
    const view = tickerView({ options: tickerOptionsSchema.parse({}), indicators: {}, latest: () => undefined, compliance: ENTRIES, now: NOW });
    const ats = view.items.map((i) => i.at);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(view.items[0]!.at).toBeLessThanOrEqual(NOW);
  });

  it('shows them on the wall in Vietnamese, scrolling, each once (the loop copy is hidden from tests and readers)', () => {
    const ticker = { id: 'canh-bao', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, options: { thresholds: [{ indicator: 'CPI_AVG', when: 'above', value: 3 }] } };
    const store = storeWith(complianceSnapshot(), [ticker]);
    const { container } = showWall(store);
    const el = tileEl(container, 'canh-bao');
    expect(el.querySelector('[data-field="label"]')!.textContent).toBe('Cảnh báo');
    const items = [...el.querySelectorAll<HTMLElement>('[data-item-kind]')];
    expect(items.length).toBeGreaterThan(3);
    const shown = items.map((i) => ({ kind: i.dataset.itemKind, text: i.textContent }));
    expect(shown).toContainEqual({ kind: 'late', text: 'Hà Nội — Báo cáo KT-XH tháng 11/2026: trễ 3 ngày' });
    expect(shown).toContainEqual(expect.objectContaining({ kind: 'missing' }));
  });
});

describe('store and subscription: compliance', () => {
  it('a snapshot replaces compliance and regimes; changes replace one entry; no snapshot compliance means none', () => {
    const store = createWallStore({ schedule: () => () => {} });
    store.ingestSnapshot(complianceSnapshot(300));
    store.flush();
    let state = store.api.getState();
    expect(Object.keys(state.compliance)).toHaveLength(ENTRIES.length);
    expect(state.regimes['TINH-KTXH-THANG']!.name.vi).toMatch(/^Báo cáo tình hình kinh tế - xã hội hằng tháng/);
    const before = state.compliance;
    store.ingestChanges({ seq: 301, changes: [{ seq: 301, kind: 'observation', observation: observation('GDP_GROWTH', '2026-Q3', 8.2) }] });
    store.flush();
    expect(store.api.getState().compliance).toBe(before); // untouched by data changes: no re-render of the board
    const entry = ENTRIES[0]!;
    store.ingestChanges({ seq: 302, changes: [{ seq: 302, kind: 'compliance', entry: { ...entry, revisions: 5 } }] });
    store.ingestChanges({ seq: 302, changes: [{ seq: 302, kind: 'compliance', entry: { ...entry, revisions: 9 } }] }); // replayed: dropped
    store.flush();
    state = store.api.getState();
    expect(state.compliance[complianceKey(entry)]!.revisions).toBe(5);
    expect(state.lastSeq).toBe(302);
    store.ingestSnapshot(seededSnapshot(400));
    store.flush();
    expect(store.api.getState().compliance).toEqual({});
    expect(store.api.getState().regimes).toEqual({});
  });

  it('wants compliance for a compliance board or a ticker of reports, and subscribes to the ticker’s threshold indicators', () => {
    const store = storeWith(seededSnapshot(1), [{ id: 'c', widget: 'clock', x: 0, y: 0, w: 4, h: 2 }]);
    expect(selectWantsCompliance(store.api.getState())).toBe(false);
    expect(acceptWallState(store, boardState([{ id: 't', widget: 'ticker', x: 0, y: 0, w: 24, h: 1, options: { reports: false, tasks: false, thresholds: [{ indicator: 'CPI_AVG', when: 'above', value: 4 }] } }]))).toBe(true);
    expect(selectWantsCompliance(store.api.getState())).toBe(false);
    expect(selectBoundIndicators(store.api.getState())).toEqual(['CPI_AVG']);
    expect(acceptWallState(store, boardState([{ id: 'b', widget: 'compliance', x: 0, y: 0, w: 12, h: 8 }]))).toBe(true);
    expect(selectWantsCompliance(store.api.getState())).toBe(true);
  });
});

describe('socket: subscribing with compliance', () => {
  let server: Fake;
  let connection: WallConnection | null = null;

  beforeAll(() => {
    vi.useRealTimers();
  });

  beforeEach(async () => {
    vi.useRealTimers();
    server = await startServer();
  });

  afterEach(async () => {
    connection?.close();
    connection = null;
    await stopServer(server);
  });

  afterAll(() => {
    vi.useRealTimers();
  });

  it('asks for a fresh snapshot with compliance: true once the layout shows compliance, and stores what comes', async () => {
    server.onSubscribe = (socket, request, ack) => {
      ack({ ok: true, mode: 'snapshot', seq: 100 });
      socket.emit('snapshot', request.compliance ? complianceSnapshot(100) : seededSnapshot(100));
    };
    // The preset without its board and its ticker (whose overdue reports come from compliance): a layout that shows none asks for none.
    const withoutBoard = () => {
      const state = presetWallState(1) as { layout: { tiles: { widget: string }[] } };
      state.layout.tiles = state.layout.tiles.filter((t) => t.widget !== 'compliance' && t.widget !== 'ticker' && t.widget !== 'tasks');
      return state;
    };
    server.wallState = withoutBoard;
    const store = createWallStore();
    connection = connectWall({ serverUrl: `http://127.0.0.1:${server.port}`, token: TOKEN, screenId: 's1', store });
    await vi.waitFor(() => expect(store.api.getState().wall).not.toBeNull(), { timeout: 5000 });
    await vi.waitFor(() => expect(store.api.getState().lastSeq).toBe(100));
    expect(server.subscribes.filter((s) => s.compliance !== undefined)).toEqual([]);
    const state = withoutBoard() as { revision: number; layout: { tiles: unknown[] } };
    state.revision = 2;
    state.layout.tiles[0] = { id: 'chap-hanh', widget: 'compliance', x: 0, y: 0, w: 4, h: 3 };
    server.controlSockets.at(-1)!.emit('wallState', state);
    await vi.waitFor(() => expect(server.subscribes.at(-1)?.compliance).toBe(true), { timeout: 5000 });
    expect(server.subscribes.at(-1)!.lastSeq).toBeNull();
    await vi.waitFor(() => expect(Object.keys(store.api.getState().compliance)).toHaveLength(ENTRIES.length), { timeout: 5000 });
    // Reconnecting keeps asking for it.
    server.feedSockets.at(-1)!.disconnect(true);
    await vi.waitFor(() => expect(server.subscribes.filter((s) => s.compliance).length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
  }, 20_000);
});
