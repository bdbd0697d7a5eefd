import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { type WallStore } from '../../renderer/store/wallStore';
import { clockView, msToNextTick, zonedParts } from '../../renderer/widgets/clock/model';
import { thresholdItem, tickerView } from '../../renderer/widgets/ticker/model';
import { pageAt, paginate } from '../../renderer/widgets/common/board-rotation';
import { widgetRegistry } from '../../renderer/widgets/registry';
import { validateLayout } from '../../shared/layout/load';
import { checkLegibility } from '../../shared/legibility';
import { wallProfileSchema } from '../../shared/wall/profile';
import type { Snapshot } from '../../shared/protocol/feed';
import { widgetCatalog, widgetLegibility } from '../../shared/widgets/catalog';
import { clockOptionsSchema } from '../../shared/widgets/clock/definition';
import { imageOptionsSchema, isMediaPath, mediaUrl } from '../../shared/widgets/image/definition';
import { noteOptionsSchema } from '../../shared/widgets/note/definition';
import { tickerOptionsSchema } from '../../shared/widgets/ticker/definition';
import { complianceOptionsSchema } from '../../shared/widgets/compliance/definition';
import { projectRoot } from '../support/paths';
import { observation, readJson, seededSnapshot, wallStateWith } from './fixtures';
import { atFixedTime, cleanup, field, showWall, tileEl, wallStore } from './render';

/**
 * Clock, note, image and the ticker's threshold alerts, on the wall (the real WallView and
 * registry) with the published national figures; plus the options schemas and the
 * honesty of each widget's declared smallest text.
 */

/** Thursday 26/11/2026, 14:05:09 in Hà Nội. */
const INSTANT = Date.parse('2026-11-26T14:05:09+07:00');
const BOARD = ['compliance', 'ticker', 'clock', 'note', 'image'] as const;

const wallState = (tiles: unknown[], revision = 1) => wallStateWith(tiles, { id: 'bang-tin', title: { vi: 'Bảng tin' }, revision });
const wallWith = (tiles: unknown[], snapshot: Snapshot = seededSnapshot(100)) => wallStore(snapshot, wallState(tiles));
const show = (store: WallStore) => showWall(store);

atFixedTime(INSTANT, ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']);

describe('catalogue and registry', () => {
  it('registers each board widget with a component and its shared definition, whose defaults parse from {}', () => {
    for (const type of BOARD) {
      const spec = widgetCatalog[type];
      expect(widgetRegistry[type].component, type).toBeTypeOf('function');
      expect(widgetRegistry[type].spec, type).toBe(spec);
      expect(spec.binding).toBe('none');
      expect(spec.optionsSchema.safeParse({}).success, type).toBe(true);
    }
    expect(complianceOptionsSchema.parse({})).toEqual({
      regimes: 'all',
      rows: 'provinces',
      period: 'latest-due',
      sort: 'worst-first',
      onlyProblems: false,
      rowsPerPage: 9,
      pageSeconds: 12,
    });
    expect(tickerOptionsSchema.parse({})).toMatchObject({ thresholds: [], reports: true, motion: { mode: 'scroll', speed: 'normal' } });
    expect(clockOptionsSchema.parse({})).toEqual({ seconds: true, date: true });
    expect(noteOptionsSchema.parse({})).toEqual({ text: '', align: 'start' });
    expect(imageOptionsSchema.parse({})).toEqual({ src: 'media/toan-canh.svg', fit: 'contain' });
  });

  it('refuses bad options with their paths', () => {
    const result = validateLayout(
      wallState([
        { id: 'a', widget: 'clock', x: 0, y: 0, w: 4, h: 2, options: { second: { timeZone: 'Mars/Olympus', label: { vi: 'Sao Hỏa' } } } },
        { id: 'b', widget: 'ticker', x: 4, y: 0, w: 20, h: 1, options: { thresholds: [{ indicator: 'cpi', when: 'over', value: 'x' }] } },
        { id: 'c', widget: 'compliance', x: 0, y: 2, w: 12, h: 8, options: { rowsPerPage: 30, regimes: [] } },
        { id: 'd', widget: 'note', x: 12, y: 2, w: 4, h: 4, options: { text: 'x'.repeat(5000), html: '<b>' } },
      ]).layout,
    );
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '$.tiles[0].options.second.timeZone',
        '$.tiles[1].options.thresholds[0].indicator',
        '$.tiles[1].options.thresholds[0].when',
        '$.tiles[1].options.thresholds[0].value',
        '$.tiles[2].options.rowsPerPage',
        '$.tiles[2].options.regimes',
        '$.tiles[3].options.text',
      ]),
    );
  });
});

describe('smallestTextFraction is what the stylesheets draw', () => {
  /** font sizes in cqh of a widget's CSS: plain `Ncqh`, and `calc(Ncqh * var(--fit…))` times the FitText minimum. */
  function fontSizes(file: string, fitMin: number): number[] {
    const css = readFileSync(resolve(projectRoot, file), 'utf8');
    const sizes: number[] = [];
    for (const m of css.matchAll(/font-size:\s*([^;]+);/g)) {
      const value = m[1]!.trim();
      const fit = /^calc\(([\d.]+)cqh \* var\(--fit/.exec(value);
      if (fit) sizes.push(Number(fit[1]) * fitMin);
      else if (/^[\d.]+cqh$/.test(value)) sizes.push(Number.parseFloat(value));
    }
    return sizes;
  }

  it.each([
    ['ticker', 'renderer/widgets/ticker/ticker.css', 1],
    ['clock', 'renderer/widgets/clock/clock.css', 0.875],
    ['note', 'renderer/widgets/note/note.css', 0.8],
    ['image', 'renderer/widgets/image/image.css', 1],
  ] as const)('%s', (type, file, fitMin) => {
    const smallest = Math.min(...fontSizes(file, fitMin)) / 100;
    const declared = widgetCatalog[type].legibility.smallestTextFraction;
    expect(declared).toBeLessThanOrEqual(smallest + 1e-9);
    expect(declared).toBeGreaterThan(smallest - 0.005);
  });

  it('on the 2×2 55" wall read from 5 m: the smallest legible tile of each (shared/legibility.ts)', () => {
    const profile = wallProfileSchema.parse(readJson('assets/profiles/wall-2x2-55in.json'));
    const tile = (id: string, widget: string, h: number, x: number) => ({ id, widget, x, y: 0, w: 2, h });
    const layout = {
      grid: { columns: 24, rows: 12 },
      tiles: [
        tile('ticker-1', 'ticker', 1, 0),
        tile('clock-3', 'clock', 3, 2),
        tile('clock-2', 'clock', 2, 4),
        tile('image-3', 'image', 3, 6),
        tile('note-5', 'note', 5, 8),
        tile('note-4', 'note', 4, 10),
        tile('compliance-8', 'compliance', 8, 12),
        tile('compliance-7', 'compliance', 7, 14),
      ],
    };
    const ok = Object.fromEntries(checkLegibility(profile, layout, widgetLegibility).map((r) => [r.tileId, r.ok]));
    expect(ok).toEqual({
      'ticker-1': true,
      'clock-3': true,
      'clock-2': false,
      'image-3': true,
      'note-5': true,
      'note-4': false,
      'compliance-8': true, // even at 10 rows a page
      'compliance-7': false,
    });
  });

  it('compliance: nothing in its CSS is smaller than the rows (computed, see the compliance tests)', () => {
    const sizes = fontSizes('renderer/widgets/compliance/compliance.css', 0.75); // the title may shrink to 0.75
    expect(Math.min(...sizes) / 100).toBeGreaterThanOrEqual(widgetCatalog.compliance.legibility.smallestTextFraction);
  });
});

describe('clock', () => {
  it('formats a fixed instant in Vietnamese, in Asia/Ho_Chi_Minh, whatever the host zone', () => {
    expect(clockView(INSTANT, { seconds: true })).toMatchObject({ time: '14:05:09', date: 'Thứ Năm, 26/11/2026', second: null });
    expect(clockView(INSTANT, { seconds: false }).time).toBe('14:05');
    // Just after midnight in Hà Nội it is still the day before in Washington.
    const late = Date.parse('2026-11-27T00:30:00+07:00');
    expect(clockView(late, { seconds: true, second: { timeZone: 'America/New_York', label: { vi: 'Washington' } } })).toMatchObject({
      time: '00:30:00',
      date: 'Thứ Sáu, 27/11/2026',
      second: { label: 'Washington', time: '12:30', date: 'Thứ Năm 26/11', sameDay: false },
    });
    expect(zonedParts(Date.parse('2026-01-01T00:00:00+07:00')).weekday).toBe(4);
    expect(msToNextTick(INSTANT + 250, true)).toBe(750);
    expect(msToNextTick(INSTANT, false)).toBe(51_000);
  });

  it('shows it on the wall and ticks on the second', () => {
    const store = wallWith([
      { id: 'gio', widget: 'clock', x: 0, y: 0, w: 6, h: 3 },
      { id: 'gio-2', widget: 'clock', x: 6, y: 0, w: 6, h: 3, title: { vi: 'Giờ làm việc' }, options: { seconds: false, second: { timeZone: 'Europe/Brussels', label: { vi: 'Brussels' } } } },
    ]);
    const { container } = show(store);
    const one = tileEl(container, 'gio');
    expect(field(one, 'time')!.textContent).toBe('14:05:09');
    expect(field(one, 'date')!.textContent).toBe('Thứ Năm, 26/11/2026');
    expect(one.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-26T07:05:09.000Z');
    act(() => vi.advanceTimersByTime(1005)); // re-armed for just after each whole second
    expect(field(one, 'time')!.textContent).toBe('14:05:10');
    act(() => vi.advanceTimersByTime(60_000));
    expect(field(one, 'time')!.textContent).toBe('14:06:10');
    const two = tileEl(container, 'gio-2');
    expect(field(two, 'title')!.textContent).toBe('Giờ làm việc');
    expect(field(two, 'time')!.textContent).toBe('14:06');
    expect(field(two, 'zone-2-label')!.textContent).toBe('Brussels');
    expect(field(two, 'time-2')!.textContent).toBe('08:06');
    expect(field(two, 'date-2')).toBeNull(); // same day: no date beside it
  });
});

describe('note', () => {
  it('renders the Markdown subset as elements, and HTML or scripts as plain text', () => {
    const text = [
      '## Kết luận phiên họp',
      'Giao **Bộ Tài chính** chủ trì, *khẩn trương* hoàn thiện.',
      'Hạn: 30/11/2026',
      '',
      '- Giải ngân vốn đầu tư công',
      '- Báo cáo trước **ngày 05/12**',
      '',
      '<script>alert("x")</script> <img src=x onerror="alert(1)"> [trang chủ](https://example.com)',
    ].join('\n');
    const { container } = show(wallWith([{ id: 'ghi-chu', widget: 'note', x: 0, y: 0, w: 8, h: 6, options: { text } }]));
    const note = field(tileEl(container, 'ghi-chu'), 'note')!;
    expect(note.querySelector('h3.md-h2')!.textContent).toBe('Kết luận phiên họp');
    const [p1, p2] = [...note.querySelectorAll('p')];
    expect(p1!.querySelector('strong')!.textContent).toBe('Bộ Tài chính');
    expect(p1!.querySelector('em')!.textContent).toBe('khẩn trương');
    expect(p1!.querySelectorAll('br')).toHaveLength(1);
    expect(p1!.textContent).toBe('Giao Bộ Tài chính chủ trì, khẩn trương hoàn thiện.Hạn: 30/11/2026');
    expect([...note.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['Giải ngân vốn đầu tư công', 'Báo cáo trước ngày 05/12']);
    // Nothing executable, nothing that navigates: the markup is text.
    expect(note.querySelector('script, img, a, iframe')).toBeNull();
    expect(p2!.textContent).toBe('<script>alert("x")</script> <img src=x onerror="alert(1)"> trang chủ');
    expect(p2!.childNodes).toHaveLength(1);
    expect(p2!.firstChild!.nodeType).toBe(Node.TEXT_NODE);
  });

  it('an empty note says so', () => {
    const { container } = show(wallWith([{ id: 'trong', widget: 'note', x: 0, y: 0, w: 4, h: 3 }]));
    expect(tileEl(container, 'trong').textContent).toBe('Chưa có nội dungNo content');
  });
});

describe('image', () => {
  it('accepts only files under media/', () => {
    for (const ok of ['media/co-to-quoc.svg', 'media/so-do/phong-hop_1.png', 'media/a.jpeg', 'media/x.webp']) expect(isMediaPath(ok), ok).toBe(true);
    for (const bad of [
      'https://example.com/a.png',
      '//example.com/a.png',
      '/media/a.png',
      'media/../secret.svg',
      'media/./a.svg',
      'media/.hidden.svg',
      'media//a.svg',
      'media\\a.svg',
      'media/a.svg?x=1',
      'media/a.svg#x',
      'media/%2e%2e/a.svg',
      'media/a.html',
      'media/a.svg.js',
      'media/a.PNG',
      'data:image/svg+xml,<svg/>',
      'javascript:alert(1)',
      'mediax/a.svg',
      'media/',
      ' media/a.svg',
    ]) {
      expect(isMediaPath(bad), bad).toBe(false);
      expect(imageOptionsSchema.safeParse({ src: bad }).success, bad).toBe(false);
    }
    expect(mediaUrl('media/co-to-quoc.svg')).toBe('/media/co-to-quoc.svg');
    expect(mediaUrl('https://x/y.png')).toBeNull();
  });

  it('every bundled picture is reachable by its path and carries no script or remote reference', () => {
    const dir = resolve(projectRoot, 'renderer/public/media');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      expect(isMediaPath(`media/${file}`), file).toBe(true);
      const svg = readFileSync(resolve(dir, file), 'utf8');
      expect(svg).not.toMatch(/<script|on\w+=|href=|xlink|@import|url\(/i);
      expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
    }
  });

  it('shows the picture from our origin with fit and caption; a missing file shows a message, not a broken image', () => {
    const store = wallWith([
      { id: 'co', widget: 'image', x: 0, y: 0, w: 6, h: 4, options: { src: 'media/co-to-quoc.svg', fit: 'cover', caption: { vi: 'Quốc kỳ', en: 'National flag' } } },
      { id: 'thieu', widget: 'image', x: 6, y: 0, w: 6, h: 4, options: { src: 'media/khong-co.png' } },
    ]);
    const { container } = show(store);
    const co = tileEl(container, 'co');
    const img = co.querySelector<HTMLImageElement>('img')!;
    expect(img.getAttribute('src')).toBe('/media/co-to-quoc.svg');
    expect(img.alt).toBe('Quốc kỳ');
    expect(co.querySelector<HTMLElement>('figure')!.dataset.fit).toBe('cover');
    expect(field(co, 'caption')!.textContent).toBe('Quốc kỳNational flag');
    const missing = tileEl(container, 'thieu');
    act(() => {
      missing.querySelector('img')!.dispatchEvent(new Event('error'));
    });
    expect(missing.querySelector('img')).toBeNull();
    expect(field(missing, 'message')!.textContent).toContain('Không hiển thị được hình ảnh');
  });

  it('a layout naming a remote picture is refused at load, with the path', () => {
    const result = validateLayout(wallState([{ id: 'xa', widget: 'image', x: 0, y: 0, w: 4, h: 4, options: { src: 'https://example.com/logo.png' } }]).layout);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['$.tiles[0].options.src']);
  });
});

describe('ticker: threshold alerts', () => {
  const thresholds = [
    { indicator: 'CPI_AVG', region: 'VN', when: 'above', value: 3 },
    { indicator: 'GDP_GROWTH', when: 'below', value: 8.5, label: { vi: 'Tăng trưởng GDP' } },
    { indicator: 'TRADE_BALANCE', when: 'below', value: 10 },
    { indicator: 'CPI_AVG', region: '01', when: 'above', value: 3 },
  ];

  it('alerts on the latest figure crossing a threshold, in Vietnamese with vi-VN numbers', () => {
    const snapshot = seededSnapshot(100);
    const store = wallWith([{ id: 't', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, options: { thresholds, reports: false } }], snapshot);
    const state = store.api.getState();
    const opts = tickerOptionsSchema.parse({ thresholds, reports: false });
    const latest = (indicator: string, region: string) => {
      const list = state.periods[`${indicator}|${region}`];
      return list ? state.observations[`${indicator}|${region}|${list[list.length - 1]}`] : undefined;
    };
    const view = tickerView({ options: opts, indicators: state.indicators, latest, compliance: [], now: INSTANT });
    expect(view.hasData).toBe(true);
    expect(view.items.map((i) => [i.kind, i.mark, i.text])).toEqual([
      ['threshold', '▲', 'Chỉ số giá tiêu dùng bình quân năm 2025: 3,31% so với cùng kỳ, vượt ngưỡng 3%'],
      ['threshold', '▼', 'Tăng trưởng GDP năm 2025: 8,02% so với cùng kỳ, dưới ngưỡng 8,5%'],
    ]);
    // Province figures are named by their province.
    const hanoi = thresholdItem(opts.thresholds[3]!, state.indicators.CPI_AVG, observation('CPI_AVG', '2026-10', 3.9, { region: '01' }));
    expect(hanoi!.text).toBe('Chỉ số giá tiêu dùng bình quân – Hà Nội tháng 10/2026: 3,9% so với cùng kỳ, vượt ngưỡng 3%');
    // A null figure is no figure.
    expect(thresholdItem(opts.thresholds[0]!, state.indicators.CPI_AVG, observation('CPI_AVG', '2026', null))).toBeNull();

    const { container } = show(store);
    const el = tileEl(container, 't');
    const items = [...el.querySelectorAll<HTMLElement>('[data-item-kind]')];
    expect(items.map((i) => i.textContent)).toEqual([
      '▲Chỉ số giá tiêu dùng bình quân năm 2025: 3,31% so với cùng kỳ, vượt ngưỡng 3%',
      '▼Tăng trưởng GDP năm 2025: 8,02% so với cùng kỳ, dưới ngưỡng 8,5%',
    ]);
    expect(el.querySelector<HTMLElement>('.board-ticker')!.dataset.mode).toBe('scroll');
  });

  it('newest first: a fresh figure that crosses a threshold goes to the front', () => {
    const snapshot = seededSnapshot(100);
    snapshot.observations.push(observation('TRADE_BALANCE', '2026-Q3', 6.2, { vintage: '2026-10-06T09:00:00+07:00' }));
    const { container } = show(wallWith([{ id: 't', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, options: { thresholds, reports: false } }], snapshot));
    const first = tileEl(container, 't').querySelector<HTMLElement>('[data-item-kind]')!;
    expect(first.dataset.itemId).toBe('threshold|TRADE_BALANCE|VN|below|10');
    expect(first.textContent).toBe('▼Cán cân thương mại hàng hóa quý 3/2026: 6,2 tỷ USD, dưới ngưỡng 10 tỷ USD');
  });

  it('page mode shows one alert at a time, in turn, in step with the wall clock', () => {
    vi.setSystemTime(Date.parse('2026-11-26T14:05:10+07:00')); // a multiple of 10 s: page 1 of 2
    const { container } = show(
      wallWith([{ id: 't', widget: 'ticker', x: 0, y: 10, w: 24, h: 2, options: { thresholds, reports: false, motion: { mode: 'page', seconds: 5 } } }]),
    );
    const el = tileEl(container, 't');
    const page = () => el.querySelector<HTMLElement>('.bt-page')!;
    expect(page().dataset.page).toBe('1');
    expect(el.querySelectorAll('[data-item-kind]')).toHaveLength(1);
    expect(page().textContent).toContain('Chỉ số giá tiêu dùng');
    act(() => vi.advanceTimersByTime(5005)); // turns just after each multiple of 5 s
    expect(page().dataset.page).toBe('2');
    expect(page().textContent).toContain('Tăng trưởng GDP');
    expect(page().textContent).toContain('2/2');
    act(() => vi.advanceTimersByTime(5000));
    expect(page().dataset.page).toBe('1');
  });

  it('pages turn on the wall clock, so two windows drawing one tile agree', () => {
    const t = Date.parse('2026-11-26T14:05:00+07:00');
    expect(pageAt(t, 4, 10)).toBe(pageAt(t + 9_999, 4, 10));
    expect(pageAt(t + 10_000, 4, 10)).toBe((pageAt(t, 4, 10) + 1) % 4);
    expect(pageAt(t, 1, 10)).toBe(0);
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 9)).toEqual([[]]);
  });

  it('nothing crossed: says so calmly; nothing to watch at all: no data', () => {
    const calm = [{ indicator: 'CPI_AVG', when: 'above', value: 10 }];
    const { container } = show(wallWith([{ id: 't', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, options: { thresholds: calm, reports: false } }]));
    expect(field(tileEl(container, 't'), 'no-alerts')!.textContent).toBe(' Không có cảnh báo mới');
    cleanup();
    const { container: c2 } = show(wallWith([{ id: 't', widget: 'ticker', x: 0, y: 11, w: 24, h: 1, options: { thresholds: [{ indicator: 'NO_SUCH', when: 'above', value: 1 }] } }]));
    expect(tileEl(c2, 't').textContent).toBe('Chưa có số liệuNo data');
  });
});
