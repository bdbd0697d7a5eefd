import { AGENCIES, agencyByCode } from '../../../shared/agencies';
import type { ComplianceStatus } from '../../../shared/compliance/status';
import { formatPeriod } from '../../../shared/format/date';
import { comparePeriods, parsePeriod } from '../../../shared/period';
import type { ComplianceEntryWire, RegimeMeta } from '../../../shared/protocol/compliance';
import type { ComplianceOptions } from '../../../shared/widgets/compliance/definition';
import {
  agencyWallName,
  daysLate,
  lateText,
  overdueText,
  periodShort,
  periodTiny,
  regimeName,
  regimeSubject,
  STATUS_GLYPH,
  textWidthEm,
} from '../common/board-compliance';
import { COMPLIANCE_STATUS_NAMES } from '../../../shared/compliance/status';

/**
 * What the compliance board shows, computed without React from the store's entries: the
 * columns (one regime each, at the period the options pick), the rows (agencies, worst
 * first), the counts, and which wording fits the cells at this tile's size. Pure, so the
 * rules are tested as functions.
 */

export type CellStatus = ComplianceStatus | 'none';

export interface ComplianceCell {
  regime: string;
  /** The regime's subject in few letters ("KT-XH", "NSNN"). */
  subject: string;
  /** A chip's label: the subject and the period in short ("KT-XH T11", "NSNN T11", "Rừng 2025"). */
  label: string;
  period: string | null;
  status: CellStatus;
  /** Late: days after the deadline day; missing: days overdue as of now. */
  days: number | null;
  /** The words beside the mark, in the wording chosen for this tile ("trễ 3 ngày", "3 ngày" or ""). */
  text: string;
  /** Everything, for the title attribute: "Hà Nội — KT-XH Tháng 10/2026: Trễ hạn, trễ 3 ngày". */
  title: string;
}

export interface ComplianceColumn {
  regime: string;
  subject: string;
  period: string | null;
  periodShort: string;
  periodLong: string;
  name: { vi: string; en: string };
}

export interface ComplianceRow {
  agency: string;
  name: string;
  /** One per column, in column order; in the chip layout only the regimes the agency reports. */
  cells: ComplianceCell[];
  counts: Record<ComplianceStatus, number>;
  /** The longest delay of the row in days (late or overdue), for sorting. */
  worstDays: number;
}

/** long: "trễ 3 ngày" / "chưa gửi"; short: "3 ngày"; compact: "3" (days late); mark: the mark alone. */
/** long: "trễ 3 ngày" / "chưa gửi"; short: "3 ngày"; compact: "3" (days late); mark: the mark alone. */
export type Wording = 'long' | 'short' | 'compact' | 'mark';

/** One line of a page: an agency's row (matrix: the cells of the page's columns; chips: one line of its chips). */
export interface ComplianceLine {
  agency: string;
  /** The agency's name on its first line; '' on a continuation line of chips. */
  name: string;
  cells: ComplianceCell[];
}

/** What one page shows: some columns (matrix) and up to rowsPerPage lines. */
export interface CompliancePage {
  columns: ComplianceColumn[];
  lines: ComplianceLine[];
}

export interface ComplianceView {
  layout: 'matrix' | 'chips';
  columns: ComplianceColumn[];
  /** Rows to list (after onlyProblems), sorted. */
  rows: ComplianceRow[];
  /** Every row, listed or not (the counts cover them all). */
  totalRows: number;
  counts: Record<ComplianceStatus, number>;
  wording: Wording;
  /** Name column width in em of the row font. */
  nameEm: number;
  /** The corner above the names: "Tỉnh, thành phố" when it fits, else "Tỉnh/TP" ("Cơ quan"). */
  corner: string;
  /** Pages in turn: column groups (when the columns do not fit side by side) × pages of rows. */
  pages: CompliancePage[];
}

/**
 * The board's vertical rhythm, in % of the tile's height (cqh): the CSS uses the same
 * numbers (compliance.css), the model uses them to choose wordings that fit.
 */
export const LAYOUT = {
  padY: 2.5,
  padX: 2.5,
  head: 14.5,
  /** Two lines of 5.4cqh column heads (regime, period) at line-height 1.08 need 11.7cqh. */
  colHead: 12,
  /** What is left for the rows: 100 − 2·padY − head − colHead − gaps. */
  body: 66,
  /** Row text: 60 % of the row's height, at most 6cqh. */
  fontOfRow: 0.6,
  maxFont: 6,
} as const;

/** The font of the rows in cqh for `rowsPerPage` rows (the smallest text of the board). */
export function rowFontCqh(rowsPerPage: number, layout: 'matrix' | 'chips' = 'matrix'): number {
  const body = layout === 'matrix' ? LAYOUT.body : LAYOUT.body + LAYOUT.colHead;
  return Math.min(LAYOUT.maxFont, (body / rowsPerPage) * LAYOUT.fontOfRow);
}

const emptyCounts = (): Record<ComplianceStatus, number> => ({ 'on-time': 0, late: 0, missing: 0, 'not-due': 0 });

const PERIODICITY_RANK: Record<string, number> = { month: 0, quarter: 1, 'half-year': 2, 'nine-months': 3, year: 4, 'ad-hoc': 5 };

const isAdHoc = (regime: string, meta: RegimeMeta | undefined, entries: readonly ComplianceEntryWire[]): boolean =>
  meta ? meta.periodicity === 'ad-hoc' : entries.some((e) => e.regime === regime && parsePeriod(e.period)?.kind === 'window');

/** Past its deadline: missing or late say so; an early report (on time) says nothing about the period. */
const deadlinePassed = (e: ComplianceEntryWire, now: number) => e.status === 'missing' || e.status === 'late' || Date.parse(e.deadline) + 1000 <= now;

/** The period a column shows: the newest one due by now ("latest-due", else the newest), or simply the newest. */
export function choosePeriod(entries: readonly ComplianceEntryWire[], mode: ComplianceOptions['period'], now: number): string | null {
  let newest: string | null = null;
  let newestDue: string | null = null;
  for (const e of entries) {
    if (newest === null || comparePeriods(e.period, newest) > 0) newest = e.period;
    if (deadlinePassed(e, now) && (newestDue === null || comparePeriods(e.period, newestDue) > 0)) newestDue = e.period;
  }
  return mode === 'latest-due' ? (newestDue ?? newest) : newest;
}

export interface ComplianceInput {
  entries: readonly ComplianceEntryWire[];
  regimes: Readonly<Record<string, RegimeMeta>>;
  options: ComplianceOptions;
  now: number;
  /** The tile's box in canvas pixels (for the choice of wording); null: widest wording. */
  size: { width: number; height: number } | null;
  /** Width of a text in em of its (bold) font; default: an estimate (see board-measure.ts for the real one). */
  measure?: (text: string) => number;
}

function cellFor(entry: ComplianceEntryWire | undefined, regime: string, period: string | null, now: number): Omit<ComplianceCell, 'text' | 'title'> {
  const subject = regimeSubject(regime);
  const label = period ? `${subject} ${periodTiny(period)}` : subject;
  if (!entry) return { regime, subject, label, period, status: 'none', days: null };
  const days =
    entry.status === 'late'
      ? daysLate(entry.lateByMs)
      : entry.status === 'missing'
        ? daysLate(Number.isFinite(Date.parse(entry.deadline)) ? Math.max(0, now - Date.parse(entry.deadline)) : entry.overdueByMs)
        : null;
  return { regime, subject, label, period, status: entry.status, days };
}

/** The words of a cell in a wording: late "trễ 3 ngày" → "3 ngày" → "3" → ""; missing "chưa gửi" → "". */
export function cellText(status: CellStatus, days: number | null, wording: Wording): string {
  if (wording === 'mark') return '';
  if (status === 'late' && days !== null) return wording === 'long' ? lateText(days) : wording === 'short' ? `${days} ngày` : String(days);
  if (status === 'missing') return wording === 'long' ? 'chưa gửi' : '';
  return '';
}

function cellTitle(agency: string, column: ComplianceColumn, cell: Omit<ComplianceCell, 'text' | 'title'>): string {
  const what = `${agencyWallName(agency)} — ${column.subject} ${column.periodLong}`;
  if (cell.status === 'none') return `${what}: chưa có số liệu`;
  const status = COMPLIANCE_STATUS_NAMES[cell.status].vi;
  const extra = cell.days === null ? '' : cell.status === 'late' ? `, ${lateText(cell.days)}` : `, ${overdueText(cell.days)}`;
  return `${what}: ${STATUS_GLYPH[cell.status]} ${status}${extra}`;
}

const collator = new Intl.Collator('vi');
const officialIndex = new Map(AGENCIES.map((a, i) => [a.code, i]));

function sortRows(rows: ComplianceRow[], sort: ComplianceOptions['sort']): ComplianceRow[] {
  const official = (a: ComplianceRow, b: ComplianceRow) => (officialIndex.get(a.agency) ?? 1e6) - (officialIndex.get(b.agency) ?? 1e6) || (a.agency < b.agency ? -1 : 1);
  const byName = (a: ComplianceRow, b: ComplianceRow) => collator.compare(a.name, b.name) || official(a, b);
  if (sort === 'official') return rows.sort(official);
  if (sort === 'name') return rows.sort(byName);
  return rows.sort((a, b) => b.counts.missing - a.counts.missing || b.counts.late - a.counts.late || b.worstDays - a.worstDays || official(a, b));
}

/** Em widths (of the row font) of a mark with its gap, a cell's padding, the gap between columns or chips. */
const MARK_EM = 1.3;
const CELL_PAD_EM = 0.8;
const GAP_EM = 0.4;
/** Measures are of the bold weight at a nominal size; leave a little room for rounding. */
const SAFETY = 1.02;
/** A row's own padding, both sides (compliance.css: 0 0.3em). */
const ROW_PAD_EM = 0.6;
/** Column heads are 4.4cqh (compliance.css). */
const COLHEAD_CQH = 4.4;

export function complianceView(input: ComplianceInput): ComplianceView | null {
  const { options, regimes, now } = input;
  const textWidth = input.measure ?? textWidthEm;
  const wantProvinces = options.rows === 'provinces';
  const ofRows = input.entries.filter((e) => (agencyByCode(e.agency)?.kind === 'province') === wantProvinces);
  if (ofRows.length === 0) return null;

  const byRegime = new Map<string, ComplianceEntryWire[]>();
  for (const e of ofRows) {
    let list = byRegime.get(e.regime);
    if (!list) byRegime.set(e.regime, (list = []));
    list.push(e);
  }

  let codes: string[];
  if (options.regimes === 'all') {
    const rank = (code: string) =>
      PERIODICITY_RANK[regimes[code]?.periodicity ?? ''] ?? PERIODICITY_RANK[parsePeriod(byRegime.get(code)![0]!.period)?.kind ?? ''] ?? 9;
    codes = [...byRegime.keys()].filter((code) => !isAdHoc(code, regimes[code], byRegime.get(code)!)).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  } else {
    codes = [...new Set(options.regimes)];
  }
  if (codes.length === 0) return null;

  const columns: ComplianceColumn[] = codes.map((regime) => {
    const period = choosePeriod(byRegime.get(regime) ?? [], options.period, now);
    return {
      regime,
      subject: regimeSubject(regime),
      period,
      periodShort: period ? periodShort(period) : '—',
      periodLong: period ? formatPeriod(period, 'vi') : '—',
      name: regimeName(regime, regimes[regime]),
    };
  });

  // entry of regime × agency at the column's period
  const at = new Map<string, ComplianceEntryWire>();
  for (const column of columns) {
    for (const e of byRegime.get(column.regime) ?? []) if (e.period === column.period) at.set(`${column.regime}|${e.agency}`, e);
  }

  // Rows: every agency of the kind with an entry in a shown regime (all 34 provinces when
  // the regimes are provincial), so an agency with nothing in yet still shows as missing.
  const agencies = new Set<string>();
  for (const e of ofRows) if (codes.includes(e.regime)) agencies.add(e.agency);
  if (agencies.size === 0) return null;

  // Matrix when most cells mean something; chips (each agency with its own regimes) when
  // the matrix would be mostly empty, as with ministries that each report one or two.
  const layout: ComplianceView['layout'] = at.size >= 0.5 * columns.length * agencies.size ? 'matrix' : 'chips';

  const counts = emptyCounts();
  let rows: ComplianceRow[] = [...agencies].map((agency) => {
    const rowCounts = emptyCounts();
    let worstDays = 0;
    const cells: ComplianceCell[] = [];
    for (const column of columns) {
      const entry = at.get(`${column.regime}|${agency}`);
      if (!entry && layout === 'chips') continue;
      const cell = cellFor(entry, column.regime, column.period, now);
      if (cell.status !== 'none') {
        rowCounts[cell.status]++;
        counts[cell.status]++;
      }
      if (cell.days !== null) worstDays = Math.max(worstDays, cell.days);
      cells.push({ ...cell, text: '', title: cellTitle(agency, column, cell) });
    }
    return { agency, name: agencyWallName(agency), cells, counts: rowCounts, worstDays };
  });
  const totalRows = rows.length;
  if (options.onlyProblems) rows = rows.filter((r) => r.counts.late + r.counts.missing > 0);
  sortRows(rows, options.sort);

  // Sizes in em of the row font, for this tile (or unbounded when the size is unknown).
  const rowFont = rowFontCqh(options.rowsPerPage, layout);
  const innerEm = input.size && input.size.width > 0 && input.size.height > 0 ? (input.size.width - 2 * LAYOUT.padX * (input.size.height / 100)) / ((rowFont * input.size.height) / 100) : Infinity;
  const longestName = Math.max(4, ...rows.map((r) => textWidth(r.name))) * SAFETY + 0.6;
  const nameEm = Math.min(longestName, innerEm * (layout === 'matrix' ? 0.42 : 0.4));
  const cornerLong = options.rows === 'provinces' ? 'Tỉnh, thành phố' : 'Cơ quan';
  const corner = textWidth(cornerLong) * (COLHEAD_CQH / rowFont) * SAFETY <= nameEm ? cornerLong : options.rows === 'provinces' ? 'Tỉnh/TP' : 'Cơ quan';

  const base = { layout, columns, rows, totalRows, counts, nameEm, corner };
  const finish = (wording: Wording, pages: CompliancePage[]): ComplianceView => {
    for (const row of rows) for (const cell of row.cells) cell.text = cellText(cell.status, cell.days, wording);
    return { ...base, wording, pages: pages.length ? pages : [{ columns: layout === 'matrix' ? columns : [], lines: [] }] };
  };

  if (layout === 'matrix') {
    const cellsEm = innerEm - ROW_PAD_EM - nameEm;
    const headEm = (c: ComplianceColumn) => Math.max(textWidth(c.subject), textWidth(c.periodShort)) * (COLHEAD_CQH / rowFont) * SAFETY + GAP_EM;
    const cellEm = (wording: Wording, regime: string) =>
      Math.max(0, ...rows.map((r) => r.cells.find((c) => c.regime === regime)).map((c) => (c ? MARK_EM + CELL_PAD_EM + textWidth(cellText(c.status, c.days, wording)) * SAFETY : 0))) + GAP_EM;
    // As many columns side by side as fit with at least the compact wording; more make column groups.
    const minEm = Math.max(...columns.map((c) => Math.max(headEm(c), cellEm('compact', c.regime))));
    const perGroup = Math.max(1, Math.min(columns.length, Math.floor(cellsEm / minEm)));
    const groupCount = Math.ceil(columns.length / perGroup);
    const size = Math.ceil(columns.length / groupCount);
    const groups: ComplianceColumn[][] = [];
    for (let i = 0; i < columns.length; i += size) groups.push(columns.slice(i, i + size));
    const widthOfColumn = cellsEm / size;
    const wording = (['long', 'short', 'compact'] as const).find((w) => columns.every((c) => cellEm(w, c.regime) <= widthOfColumn)) ?? 'mark';
    const pages: CompliancePage[] = [];
    for (const group of groups) {
      const keep = new Set(group.map((c) => c.regime));
      const lines = rows.map((r) => ({ agency: r.agency, name: r.name, cells: r.cells.filter((c) => keep.has(c.regime)) }));
      for (let i = 0; i < Math.max(1, lines.length); i += options.rowsPerPage) pages.push({ columns: group, lines: lines.slice(i, i + options.rowsPerPage) });
    }
    return finish(wording, pages);
  }

  // Chips: each agency's reports on its line, wrapping onto more lines when they do not fit.
  const chipsEm = innerEm - ROW_PAD_EM - nameEm - GAP_EM;
  const chipEm = (c: ComplianceCell, wording: Wording) => {
    const words = cellText(c.status, c.days, wording);
    return (MARK_EM + CELL_PAD_EM + textWidth(c.label) * SAFETY + (words ? 0.3 + textWidth(words) * SAFETY : 0)) + GAP_EM;
  };
  const wrap = (row: ComplianceRow, wording: Wording): ComplianceCell[][] => {
    const lines: ComplianceCell[][] = [[]];
    let used = 0;
    for (const cell of row.cells) {
      const w = chipEm(cell, wording);
      if (used > 0 && used + w > chipsEm) {
        lines.push([]);
        used = 0;
      }
      lines[lines.length - 1]!.push(cell);
      used += w;
    }
    return lines;
  };
  const wording = (['long', 'short', 'compact'] as const).find((w) => rows.every((r) => wrap(r, w).length === 1)) ?? 'mark';
  const pages: CompliancePage[] = [];
  let current: ComplianceLine[] = [];
  for (const row of rows) {
    const lines = wrap(row, wording).map((cells, i) => ({ agency: row.agency, name: i === 0 ? row.name : '', cells }));
    // Keep an agency's lines on one page when they fit on one.
    if (current.length && current.length + lines.length > options.rowsPerPage && lines.length <= options.rowsPerPage) {
      pages.push({ columns: [], lines: current });
      current = [];
    }
    for (const line of lines) {
      if (current.length === options.rowsPerPage) {
        pages.push({ columns: [], lines: current });
        current = [];
      }
      current.push(line);
    }
  }
  if (current.length) pages.push({ columns: [], lines: current });
  return finish(wording, pages);
}
