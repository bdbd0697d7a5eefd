import { formatAge } from '../format/date';

/**
 * The wall's words, Vietnamese first and English second. The wall is read by Vietnamese
 * leadership, so Vietnamese is the main line everywhere; English is the smaller second
 * line for visiting delegations and for the technicians' logs. Pure data and pure
 * functions: the renderer, the console and the server's messages share them.
 */
export interface Bilingual {
  vi: string;
  en: string;
}

export const messages = {
  noData: { vi: 'Chưa có số liệu', en: 'No data' },
  displayError: { vi: 'Lỗi hiển thị', en: 'Display error' },
  unknownWidget: { vi: 'Loại ô chưa hỗ trợ', en: 'Unsupported tile type' },
  estimate: { vi: 'Ước tính', en: 'Estimate' },
  demo: { vi: 'DEMO', en: 'Simulated data' },
  noComparison: { vi: 'Chưa có kỳ so sánh', en: 'No period to compare' },
  comparePrevious: { vi: 'so với kỳ trước', en: 'vs previous period' },
  compareYoy: { vi: 'so với cùng kỳ', en: 'year on year' },
  percentagePoints: { vi: 'điểm %', en: 'pp' },
  connecting: { vi: 'Đang kết nối…', en: 'Connecting…' },
  connected: { vi: 'Đã kết nối', en: 'Connected' },
  disconnected: { vi: 'Mất kết nối — đang kết nối lại…', en: 'Connection lost — reconnecting…' },
  waitingForWall: { vi: 'Đang chờ cấu hình tường màn hình…', en: 'Waiting for the wall configuration…' },
  unknownScreen: { vi: 'Màn hình này không có trong cấu hình tường', en: 'This screen is not part of the wall configuration' },
  tokenTitle: { vi: 'Nhập mã truy cập', en: 'Enter the access token' },
  tokenHelp: {
    vi: 'Màn hình cần mã truy cập do quản trị viên cấp để nhận số liệu.',
    en: 'This display needs the access token issued by the administrator to receive data.',
  },
  tokenLabel: { vi: 'Mã truy cập', en: 'Access token' },
  tokenSubmit: { vi: 'Kết nối', en: 'Connect' },
  tokenRejected: {
    vi: 'Mã truy cập bị từ chối. Vui lòng nhập lại.',
    en: 'The access token was rejected. Please enter it again.',
  },
  tokenEmpty: { vi: 'Chưa nhập mã truy cập.', en: 'No token entered.' },
  bootFailed: { vi: 'Không khởi động được màn hình', en: 'The display could not start' },
  subscribeFailed: { vi: 'Máy chủ từ chối đăng ký nhận số liệu', en: 'The server refused the data subscription' },
  preview: { vi: 'Xem trước toàn tường', en: 'Whole-wall preview' },
  // Chart widgets: KPI, time series, comparison.
  stale: { vi: 'Số liệu cũ', en: 'Out of date' },
  official: { vi: 'Chính thức', en: 'Official' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  planShort: { vi: 'KH', en: 'Plan' },
  planMet: { vi: 'Đạt kế hoạch', en: 'Plan met' },
  planNotMet: { vi: 'Chưa đạt kế hoạch', en: 'Plan not met' },
  revisions: { vi: 'Số liệu trước điều chỉnh', en: 'Earlier releases' },
  wrongUnit: { vi: 'Đơn vị không khớp', en: 'Unit does not match' },
  otherUnit: { vi: 'khác đơn vị', en: 'other unit' },
  unknownIndicator: { vi: 'Chỉ tiêu chưa có trong danh mục', en: 'Indicator not in the catalogue' },
  provinceIndicatorNeeded: { vi: 'Cần chỉ tiêu cấp tỉnh', en: 'Needs a province-level indicator' },
  rank: { vi: 'Hạng', en: 'Rank' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  highest: { vi: 'Cao nhất', en: 'Highest' },
  lowest: { vi: 'Thấp nhất', en: 'Lowest' },
  notReported: { vi: 'chưa báo cáo', en: 'not reported' },
  // Board widgets: compliance, ticker, clock, note, image.
  complianceTitle: { vi: 'Tình hình chấp hành chế độ báo cáo', en: 'Reporting compliance' },
  tasksTitle: { vi: 'Nhiệm vụ Chính phủ, Thủ tướng giao quá hạn', en: 'Overdue tasks assigned by the Government and the Prime Minister' },
  tasksNoneOverdue: { vi: 'Không có nhiệm vụ quá hạn', en: 'No task is overdue' },
  complianceNoProblems: { vi: 'Tất cả báo cáo đã gửi đúng hạn', en: 'Every report is in on time' },
  tickerLabel: { vi: 'Cảnh báo', en: 'Alerts' },
  tickerNoAlerts: { vi: 'Không có cảnh báo mới', en: 'No new alerts' },
  imageUnavailable: { vi: 'Không hiển thị được hình ảnh', en: 'The image cannot be shown' },
  noteEmpty: { vi: 'Chưa có nội dung', en: 'No content' },
  // Maps: the province boundary file.
  boundaryUnreachable: { vi: 'Chưa tải được bản đồ ranh giới tỉnh — đang thử lại', en: 'Province boundaries not loaded yet — retrying' },
  boundaryUnauthorized: { vi: 'Máy chủ từ chối tải bản đồ ranh giới (mã truy cập)', en: 'The server refused the boundary map (access token)' },
  boundaryMissing: { vi: 'Máy chủ chưa có bản đồ ranh giới tỉnh', en: 'The server has no province boundary map' },
  boundaryInvalid: { vi: 'Tệp ranh giới tỉnh không hợp lệ', en: 'The province boundary file is invalid' },
  boundaryLoading: { vi: 'Đang tải bản đồ ranh giới tỉnh…', en: 'Loading the province boundaries…' },
  tileGridInvalid: { vi: 'Lưới ô tỉnh không hợp lệ', en: 'Invalid province tile grid' },
  map3dLoading: { vi: 'Đang tải bản đồ 3D…', en: 'Loading the 3D map…' },
  map3dBuilding: { vi: 'Đang dựng bản đồ 3D…', en: 'Building the 3D map…' },
  map3dRestoring: { vi: 'Đang khôi phục hiển thị 3D…', en: 'Restoring the 3D display…' },
  map3dUnavailable: { vi: 'Máy này không hiển thị được bản đồ 3D (WebGL)', en: 'This display cannot draw the 3D map (WebGL)' },
  // The wall's view during a briefing (shared/wall/view.ts, renderer/wall/view/).
  viewNational: { vi: 'toàn quốc', en: 'national' },
  viewProvinceShown: { vi: 'Đang xem', en: 'Showing' },
  viewFrozenBackLive: { vi: 'Số liệu đứng yên để theo dõi', en: 'Figures held still for the briefing' },
} as const satisfies Record<string, Bilingual>;

export type MessageId = keyof typeof messages;

/** "cập nhật 3 ngày trước" / "updated 3 days ago": the age of a figure from its vintage. */
export function updatedAgo(ageMs: number): Bilingual {
  return { vi: `cập nhật ${formatAge(ageMs, 'vi')}`, en: `updated ${formatAge(ageMs, 'en')}` };
}

/** "so với tháng 3/2025" / "vs March 2025": what a change is measured against. */
export function versusPeriod(period: Bilingual): Bilingual {
  return { vi: `so với ${period.vi.charAt(0).toLocaleLowerCase('vi')}${period.vi.slice(1)}`, en: `vs ${period.en}` };
}

/** One line for logs and tooltips: "Vietnamese / English". */
export function bilingualLine(text: Bilingual): string {
  return `${text.vi} / ${text.en}`;
}

/** "HH:MM" in the wall's time zone, with "dd/mm" in front when it is not today there. */
function clockTime(at: number, now: number, timeZone: string): string {
  const parts = (instant: number) => {
    const list = new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
    const get = (type: Intl.DateTimeFormatPartTypes) => list.find((p) => p.type === type)?.value ?? '';
    return { day: `${get('day')}/${get('month')}`, time: `${get('hour')}:${get('minute')}` };
  };
  const then = parts(at);
  return then.day === parts(now).day ? then.time : `${then.time} ${then.day}`;
}

/**
 * The offline mark: the wall shows figures it kept, and says as of when they were current
 * ("mất kết nối — số liệu lúc 14:05"), in the wall's time zone.
 */
export function offlineSince(syncedAt: number, now: number, timeZone = 'Asia/Ho_Chi_Minh'): Bilingual {
  const time = clockTime(syncedAt, now, timeZone);
  return { vi: `Mất kết nối — số liệu lúc ${time}`, en: `Connection lost — figures as of ${time}` };
}
