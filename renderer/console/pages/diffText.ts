import { layoutDiffSchema, type LayoutDiff, type Rect } from '../../../shared/layout/diff';
import { formatTime, type Lang } from '../i18n';

/**
 * A layout diff (shared/layout/diff.ts) or an audit row's diff as lines a person reads:
 * "Thêm ô kpi-1 (kpi) tại cột 1, hàng 2, 3×2". Pure, so the page and its tests share it.
 */
export interface DiffLine {
  kind: 'added' | 'removed' | 'moved' | 'rebound' | 'widget' | 'options' | 'retitled' | 'title' | 'grid' | 'more' | 'field';
  text: string;
}

const rect = (lang: Lang, r: Rect) => (lang === 'en' ? `column ${r.x + 1}, row ${r.y + 1}, ${r.w}×${r.h}` : `cột ${r.x + 1}, hàng ${r.y + 1}, ${r.w}×${r.h}`);
const binding = (lang: Lang, b: { indicators: string[]; region: string } | null) =>
  b === null ? (lang === 'en' ? 'no binding' : 'không gắn dữ liệu') : `${b.indicators.join(', ') || '—'} @ ${b.region}`;

export function layoutDiffLines(lang: Lang, diff: LayoutDiff): DiffLine[] {
  const en = lang === 'en';
  const lines: DiffLine[] = [];
  if (diff.title) lines.push({ kind: 'title', text: en ? `Title: "${diff.title.from.vi}" → "${diff.title.to.vi}"` : `Tên: "${diff.title.from.vi}" → "${diff.title.to.vi}"` });
  if (diff.grid) {
    const g = diff.grid;
    lines.push({ kind: 'grid', text: `${en ? 'Grid' : 'Lưới'}: ${g.from.columns}×${g.from.rows} → ${g.to.columns}×${g.to.rows}` });
  }
  for (const a of diff.added) lines.push({ kind: 'added', text: en ? `Added tile ${a.id} (${a.widget}) at ${rect(lang, a.rect)}` : `Thêm ô ${a.id} (${a.widget}) tại ${rect(lang, a.rect)}` });
  for (const r of diff.removed) lines.push({ kind: 'removed', text: en ? `Removed tile ${r.id} (${r.widget}) from ${rect(lang, r.rect)}` : `Xoá ô ${r.id} (${r.widget}) ở ${rect(lang, r.rect)}` });
  for (const m of diff.moved) lines.push({ kind: 'moved', text: en ? `Moved/resized ${m.id}: ${rect(lang, m.from)} → ${rect(lang, m.to)}` : `Dời/đổi cỡ ${m.id}: ${rect(lang, m.from)} → ${rect(lang, m.to)}` });
  for (const b of diff.rebound) lines.push({ kind: 'rebound', text: en ? `Rebound ${b.id}: ${binding(lang, b.from)} → ${binding(lang, b.to)}` : `Đổi dữ liệu ${b.id}: ${binding(lang, b.from)} → ${binding(lang, b.to)}` });
  for (const w of diff.widget) lines.push({ kind: 'widget', text: en ? `Widget of ${w.id}: ${w.from} → ${w.to}` : `Loại ô ${w.id}: ${w.from} → ${w.to}` });
  for (const o of diff.options) lines.push({ kind: 'options', text: en ? `Options of ${o.id}: ${o.keys.join(', ')}` : `Tuỳ chọn của ${o.id}: ${o.keys.join(', ')}` });
  for (const r of diff.retitled) lines.push({ kind: 'retitled', text: en ? `Tile title of ${r.id} changed` : `Đổi tiêu đề ô ${r.id}` });
  // The lists stop at 50 a kind; the counts are true.
  const kinds = ['added', 'removed', 'moved', 'rebound', 'widget', 'options', 'retitled'] as const;
  for (const k of kinds) {
    const hidden = diff.counts[k] - diff[k].length;
    if (hidden > 0) lines.push({ kind: 'more', text: en ? `… and ${hidden} more (${k})` : `… và ${hidden} thay đổi khác (${k})` });
  }
  return lines;
}

/** Fields of the diff shapes the server writes that are not a layout diff (version, note, username, {from, to}…). */
const LAYOUT_DIFF_KEYS = new Set(Object.keys(layoutDiffSchema.shape));

/** An audit row's diff: a layout diff when it holds one, and every other field as "key: value" or "key: from → to". */
export function auditDiffLines(lang: Lang, diff: unknown): DiffLine[] {
  if (diff === undefined || diff === null) return [];
  if (typeof diff !== 'object' || Array.isArray(diff)) return [{ kind: 'field', text: short(lang, diff) }];
  const lines: DiffLine[] = [];
  const record = diff as Record<string, unknown>;
  const layout = layoutDiffSchema.safeParse(record);
  for (const [key, value] of Object.entries(record)) {
    if (layout.success && LAYOUT_DIFF_KEYS.has(key)) continue;
    lines.push({ kind: 'field', text: `${key}: ${fromTo(lang, value) ?? short(lang, value)}` });
  }
  if (layout.success) lines.push(...layoutDiffLines(lang, layout.data));
  return lines;
}

function fromTo(lang: Lang, value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 2 || !keys.includes('from') || !keys.includes('to')) return null;
  const v = value as { from: unknown; to: unknown };
  return `${short(lang, v.from)} → ${short(lang, v.to)}`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A value in at most 200 characters (the audit diff is bounded, but a line should stay one line); an instant in Viet Nam time. */
function short(lang: Lang, value: unknown): string {
  if (typeof value === 'string' && INSTANT.test(value)) return formatTime(lang, value);
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
