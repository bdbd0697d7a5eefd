import type { HealthLevel, HealthReason } from '../../../../shared/fleet/health';
import type { FleetDisplay } from '../../../../shared/fleet/schema';

/** The health board's words, Vietnamese first (docs/guides/ky-thuat.md uses the same). */
export const LEVEL_LABELS: Record<HealthLevel, { vi: string; en: string }> = {
  green: { vi: 'Xanh · ổn', en: 'Green · fine' },
  amber: { vi: 'Vàng · kém', en: 'Amber · degraded' },
  red: { vi: 'Đỏ · tắt', en: 'Red · dark' },
};

export const REASON_LABELS: Record<HealthReason, { vi: string; en: string }> = {
  'no-window': { vi: 'không cửa sổ nào hiện', en: 'no window shows it' },
  'host-gone': { vi: 'máy mất kết nối', en: 'its PC is disconnected' },
  disconnected: { vi: 'cửa sổ mất kết nối', en: 'its window is disconnected' },
  'fps-low': { vi: 'khung hình/giây thấp', en: 'frames per second low' },
  'report-stale': { vi: 'số liệu cũ hơn nhịp báo', en: 'data older than its cadence' },
  'heap-growing': { vi: 'bộ nhớ tăng liên tục', en: 'heap growing' },
  restarted: { vi: 'vừa khởi động lại', en: 'renderer restarted' },
};

/** A display as a technician names it: "màn hình 2 · 1920 × 1080 · ngoài". */
export function displayName(lang: 'vi' | 'en', d: Pick<FleetDisplay, 'id' | 'resolution' | 'internal' | 'rotation'>): string {
  const where = d.internal ? (lang === 'en' ? 'built-in' : 'trong') : lang === 'en' ? 'external' : 'ngoài';
  const turn = d.rotation ? ` · ${d.rotation}°` : '';
  return `${lang === 'en' ? 'display' : 'màn hình'} ${d.id} · ${d.resolution.width} × ${d.resolution.height}${turn} · ${where}`;
}

/** The drag payload's type: a display of a host, dropped on a screen of the drawing. */
export const DISPLAY_MIME = 'application/x-toancanh-display';
