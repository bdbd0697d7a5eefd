import type { Bilingual } from '../../shared/i18n';

/**
 * The information page's own texts (the wall's shared ones come from shared/i18n):
 * Vietnamese first; the page shows one language at a time, switched in its header.
 */
export const text = {
  title: { vi: 'Thông tin chỉ đạo, điều hành', en: 'Key indicators for leadership' },
  subtitle: { vi: 'Bộ chỉ tiêu tổng hợp theo Quyết định 293/QĐ-TTg', en: 'Indicator set of Decision 293/QĐ-TTg' },
  loginHelp: { vi: 'Trang thông tin phục vụ lãnh đạo. Đăng nhập bằng tài khoản được cấp.', en: 'The information page for leadership. Sign in with the account you were given.' },
  region: { vi: 'Địa bàn', en: 'Area' },
  national: { vi: 'Cả nước', en: 'Whole country' },
  nationalFigure: { vi: 'Số liệu cả nước (tỉnh chưa có)', en: "The nation's figure (none for the province)" },
  updatedAt: { vi: 'Cập nhật lúc', en: 'Updated at' },
  refresh: { vi: 'Cập nhật', en: 'Refresh' },
  loading: { vi: 'Đang tải số liệu…', en: 'Loading the figures…' },
  loadFailed: { vi: 'Chưa tải được số liệu', en: 'The figures could not be loaded' },
  noHeadline: { vi: 'Chưa có số liệu cho lĩnh vực này', en: 'No figures for this field yet' },
  compliance: { vi: 'Tình hình chấp hành chế độ báo cáo', en: 'Reporting compliance' },
  complianceProvince: { vi: 'Báo cáo của địa phương', en: "The province's reports" },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa gửi', en: 'Missing' },
  notDue: { vi: 'Chưa đến hạn', en: 'Not yet due' },
  complianceAsOf: { vi: 'tính đến', en: 'as of' },
  provenance: { vi: 'Nguồn số liệu', en: 'Where the figure comes from' },
  showProvenance: { vi: 'Xem nguồn', en: 'Show the source' },
  close: { vi: 'Đóng', en: 'Close' },
  agency: { vi: 'Cơ quan báo cáo', en: 'Reporting agency' },
  regime: { vi: 'Chế độ báo cáo', en: 'Reporting regime' },
  submittedAt: { vi: 'Thời điểm gửi báo cáo', en: 'Submitted at' },
  releasedAt: { vi: 'Thời điểm công bố', en: 'Released at' },
  status: { vi: 'Tính chất số liệu', en: 'Status' },
  vintage: { vi: 'Phiên bản số liệu', en: 'Vintage' },
  revision: { vi: 'Lần báo cáo', en: 'Report revision' },
  source: { vi: 'Nguồn', en: 'Source' },
  submission: { vi: 'Mã báo cáo', en: 'Submission' },
  seeded: { vi: 'Số liệu công bố (nạp từ tệp số liệu quốc gia)', en: 'Published figure (loaded from the national figures file)' },
  period: { vi: 'Kỳ', en: 'Period' },
  dataAge: { vi: 'Tuổi số liệu', en: 'Age of the figure' },
  previousPeriod: { vi: 'so với kỳ trước', en: 'vs the previous period' },
  yearOnYear: { vi: 'so với cùng kỳ năm trước', en: 'vs the same period last year' },
  sessionEnded: { vi: 'Phiên làm việc đã kết thúc. Hãy đăng nhập lại.', en: 'The session has ended. Please sign in again.' },
} as const satisfies Record<string, Bilingual>;

export type Lang = 'vi' | 'en';
