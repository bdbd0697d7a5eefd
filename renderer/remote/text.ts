import type { Bilingual } from '../../shared/i18n';

/** The remote's own texts, Vietnamese first; the page shows one language at a time (switched in its header). */
export const text = {
  title: { vi: 'Điều khiển phiên giao ban', en: 'Briefing remote' },
  loginHelp: { vi: 'Dành cho người điều khiển phiên giao ban. Đăng nhập bằng tài khoản được cấp.', en: 'For the presenter of the briefing. Sign in with the account you were given.' },
  sessionEnded: { vi: 'Phiên đăng nhập đã hết; hãy đăng nhập lại.', en: 'The session has ended; sign in again.' },
  loading: { vi: 'Đang kết nối…', en: 'Connecting…' },
  connected: { vi: 'Đã kết nối', en: 'Connected' },
  reconnecting: { vi: 'Mất kết nối — đang kết nối lại…', en: 'Connection lost — reconnecting…' },
  stateAt: { vi: 'trạng thái lúc', en: 'state at' },
  readOnly: { vi: 'Tài khoản này chỉ được xem, không điều khiển được tường.', en: 'This account may watch only; it cannot command the wall.' },
  noRun: { vi: 'Chưa có phiên giao ban nào đang chạy.', en: 'No briefing is running.' },
  startHint: { vi: 'Chọn một kịch bản để bắt đầu:', en: 'Pick a run of show to start:' },
  noBriefings: { vi: 'Chưa có kịch bản nào (soạn trong bảng điều khiển).', en: 'No run of show yet (build one in the console).' },
  start: { vi: 'Bắt đầu', en: 'Start' },
  stop: { vi: 'Kết thúc phiên', en: 'End the briefing' },
  stopConfirm: { vi: 'Chắc chắn kết thúc phiên', en: 'Yes, end the briefing' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  current: { vi: 'Đang chiếu', en: 'On the wall' },
  next: { vi: 'Tiếp theo', en: 'Next' },
  previous: { vi: 'Trước', en: 'Previous' },
  lastScene: { vi: 'Cảnh cuối', en: 'Last scene' },
  scene: { vi: 'Cảnh', en: 'Scene' },
  scenes: { vi: 'Các cảnh', en: 'Scenes' },
  hold: { vi: 'Giữ cảnh', en: 'Hold' },
  resume: { vi: 'Tiếp tục tự chạy', en: 'Resume the loop' },
  held: { vi: 'Đang giữ', en: 'Held' },
  inScene: { vi: 'Trong cảnh', en: 'In scene' },
  inBriefing: { vi: 'Cả phiên', en: 'Whole briefing' },
  duration: { vi: 'Thời lượng', en: 'Duration' },
  noDuration: { vi: 'không tự chuyển', en: 'no auto-advance' },
  advancesIn: { vi: 'tự chuyển sau', en: 'moves on in' },
  notes: { vi: 'Ghi chú cho người trình bày', en: 'Presenter notes' },
  noNotes: { vi: 'Không có ghi chú.', en: 'No notes.' },
  freeze: { vi: 'Dừng số liệu', en: 'Freeze' },
  live: { vi: 'Về trực tiếp', en: 'Back to live' },
  liveNow: { vi: 'Số liệu trực tiếp', en: 'Live figures' },
  province: { vi: 'Chọn tỉnh, thành phố', en: 'Pick a province' },
  national: { vi: 'Toàn quốc', en: 'National' },
  backNational: { vi: 'Về toàn quốc', en: 'Back to national' },
  showing: { vi: 'Tường đang xem', en: 'The wall shows' },
  close: { vi: 'Đóng', en: 'Close' },
  focusTile: { vi: 'phóng to ô', en: 'enlarged tile' },
  focusProvince: { vi: 'tập trung', en: 'focus' },
  commandedBy: { vi: 'điều khiển', en: 'by' },
  keys: {
    vi: 'Phím tắt: → / PageDown tiếp, ← / PageUp trước, 1–9 chọn cảnh, H giữ, F dừng/trực tiếp, P tỉnh, N toàn quốc',
    en: 'Keys: → / PageDown next, ← / PageUp previous, 1–9 scene, H hold, F freeze/live, P province, N national',
  },
  busy: { vi: 'Đang gửi lệnh…', en: 'Sending…' },
  failed: { vi: 'Lệnh không thực hiện được', en: 'The command failed' },
} satisfies Record<string, Bilingual>;

export type Lang = 'vi' | 'en';

/** "m:ss" (or "h:mm:ss") of a duration in ms, for the timers. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
