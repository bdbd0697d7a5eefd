/** Errors of the wall state, the tokens and the sockets. */
export const wallErrors = {
  'wall.layout_invalid': { status: 422, vi: 'Bố cục có {count} lỗi; tường màn hình giữ bố cục hiện tại', en: 'the layout has {count} error(s); the wall keeps its layout' },
  'wall.profile_invalid': { status: 422, vi: 'Hồ sơ tường có {count} lỗi; tường màn hình giữ hồ sơ hiện tại', en: 'the profile has {count} error(s); the wall keeps its profile' },
  'wall.preset_expected': { status: 422, vi: 'Cần { "id": "<mã bố cục mẫu>" }', en: 'expected { "id": "<preset id>" }' },
  'wall.preset_id': { vi: 'Mã một bố cục mẫu trong GET /api/v1/layouts', en: 'a preset id from GET /api/v1/layouts' },
  'wall.preset_not_found': { status: 404, vi: 'Không có bố cục mẫu "{id}"', en: 'no preset layout "{id}"' },
  'wall.preset_invalid': { status: 422, vi: 'Bố cục mẫu "{id}" không hợp lệ; tường màn hình giữ bố cục hiện tại', en: 'preset "{id}" is not valid; the wall keeps its layout' },
  'wall.view_invalid': { status: 422, vi: 'Lệnh điều khiển tường không hợp lệ: {detail}', en: 'the wall view command is not valid: {detail}' },
  'wall.view_tile_unknown': { status: 422, vi: 'Bố cục "{layout}" không có ô "{id}" để phóng to', en: 'layout "{layout}" has no tile "{id}" to enlarge' },
  'token.not_found': { status: 404, vi: 'Không có mã truy cập đang hoạt động {id}', en: 'no active token {id}' },
  'token.bootstrap': {
    status: 409,
    vi: 'Mã quản trị và mã tường màn hình lấy từ biến môi trường hoặc thư mục dữ liệu; hãy thay ở đó rồi khởi động lại',
    en: 'the admin and wall tokens come from the environment or the data folder; replace them there and restart',
  },
  'token.submitter_agency': { vi: 'Mã gửi báo cáo thuộc về một cơ quan', en: 'a submitter token belongs to one agency' },
  'token.agency_only_submitter': { vi: 'Chỉ mã gửi báo cáo mới thuộc về một cơ quan', en: 'only a submitter token belongs to an agency' },
  'feed.subscribe_invalid': { vi: 'Yêu cầu đăng ký nhận số liệu không hợp lệ: {detail}', en: 'the subscribe request is not valid: {detail}' },
  'feed.subscribe_failed': { vi: 'Máy chủ không đọc được số liệu; hãy thử lại', en: 'the server could not read the feed; try again' },
  'control.hello_invalid': { vi: 'Lời chào của màn hình không hợp lệ: {detail}', en: 'the hello is not valid: {detail}' },
} as const;
