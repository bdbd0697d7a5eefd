/** Errors of the layout library, publishing, the schedule and presence (docs/console.md). */
export const libraryErrors = {
  'layout.not_found': { status: 404, vi: 'Không có bố cục "{id}" trong thư viện', en: 'no layout "{id}" in the library' },
  'layout.version_not_found': { status: 404, vi: 'Bố cục "{id}" không có phiên bản {version}', en: 'layout "{id}" has no version {version}' },
  'layout.exists': { status: 409, vi: 'Đã có bố cục mã "{id}"; hãy chọn mã khác', en: 'a layout with id "{id}" exists; choose another id' },
  'layout.version_conflict': {
    status: 409,
    vi: 'Bố cục đã được {by} lưu thành phiên bản {head} sau phiên bản {base} bạn mở; hãy tải lại bản của họ hoặc lưu bản của bạn thành bản sao',
    en: 'the layout was saved as version {head} by {by} after the version {base} you opened; reload theirs, or save yours as a copy',
  },
  'layout.template_read_only': {
    status: 409,
    vi: 'Bố cục "{id}" là bố cục mẫu, chỉ đọc; hãy nhân bản rồi sửa bản sao',
    en: 'layout "{id}" is a template and read-only; duplicate it first',
  },
  'layout.in_bin': { status: 409, vi: 'Bố cục "{id}" đang ở thùng rác; hãy khôi phục trước', en: 'layout "{id}" is in the bin; restore it first' },
  'layout.not_in_bin': { status: 409, vi: 'Bố cục "{id}" không ở thùng rác', en: 'layout "{id}" is not in the bin' },
  'layout.in_use': { status: 409, vi: 'Bố cục "{id}" đang được dùng ({use}); không thể xoá', en: 'layout "{id}" is in use ({use}); it cannot be deleted' },
  'layout.invalid': { status: 422, vi: 'Bố cục có {count} lỗi; không có gì được lưu', en: 'the layout has {count} error(s); nothing was stored' },
  'layout.id_mismatch': {
    status: 422,
    vi: 'Tài liệu mang mã "{documentId}" nhưng được lưu vào bố cục "{id}"',
    en: 'the document has id "{documentId}" but is saved to layout "{id}"',
  },
  'layout.newer_schema': {
    status: 422,
    vi: 'Tệp bố cục được viết bởi phiên bản Toàn Cảnh mới hơn (schemaVersion {found}; phiên bản này đọc {known}); hãy cập nhật máy chủ',
    en: 'the layout file was written by a newer Toàn Cảnh (schemaVersion {found}; this one reads {known}); update the server',
  },
  'layout.no_free_id': { status: 409, vi: 'Không tìm được mã trống cho bố cục từ "{id}"', en: 'no free layout id could be made from "{id}"' },
  'schedule.invalid': { status: 422, vi: 'Lịch có {count} lỗi; lịch cũ được giữ nguyên', en: 'the schedule has {count} error(s); the old one is kept' },
  'schedule.unknown_layout': { vi: 'Không có bố cục "{id}" (hoặc bố cục đang ở thùng rác)', en: 'no layout "{id}" (or it is in the bin)' },
  'schedule.unknown_version': { vi: 'Bố cục "{id}" không có phiên bản {version}', en: 'layout "{id}" has no version {version}' },
  'schedule.no_override': { status: 409, vi: 'Không có lần đưa lên tường thủ công nào đang giữ lịch', en: 'no manual push is overriding the schedule' },
  'control.open_layout_invalid': { vi: 'Thông báo mở bố cục không hợp lệ: {detail}', en: 'the open-layout message is not valid: {detail}' },
} as const;
