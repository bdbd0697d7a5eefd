/** Errors of the display fleet: hello and status on /control, the display-to-screen map (shared/api/fleet.ts). */
export const fleetErrors = {
  'fleet.status_invalid': { vi: 'Báo cáo trạng thái của máy hiển thị không hợp lệ: {detail}', en: 'the status update is not valid: {detail}' },
  'fleet.status_before_hello': { vi: 'Cần gửi lời chào có thông tin máy (agent) trước khi báo trạng thái', en: 'send a hello with `agent` before a status update' },
  'fleet.watch_forbidden': { vi: 'Chỉ kỹ thuật viên, người điều hành và quản trị xem được bảng sức khỏe', en: 'only technicians, operators and admins watch the health board' },
  'fleet.assignments_invalid': { status: 422, vi: 'Bảng gán màn hình có {count} lỗi; không có gì được lưu', en: 'the display map has {count} error(s); nothing was stored' },
  'fleet.display_assigned_twice': {
    vi: 'Màn hình {displayId} của máy {hostId} đã được gán cho "{first}"; không gán thêm cho "{second}" được',
    en: 'display {displayId} of host {hostId} is already assigned to screen "{first}"; it cannot show "{second}" too',
  },
  'fleet.display_of_browser': {
    vi: 'Máy "{hostId}" là một trang tường trên trình duyệt: trang đó mở màn hình theo địa chỉ (?screen=…), không nhận bảng gán',
    en: 'host "{hostId}" is a wall page in a browser: it opens its screen from its address (?screen=…) and takes no display map',
  },
  'fleet.screen_assigned_twice': { vi: 'Màn hình tường "{id}" được gán hai lần', en: 'wall screen "{id}" is assigned twice' },
  'fleet.too_many_hosts': {
    vi: 'Đã theo dõi {max} máy đang kết nối hoặc được gán màn hình; không nhận thêm máy "{hostId}"',
    en: 'already {max} hosts connected or assigned a screen; host "{hostId}" is not taken',
  },
  'fleet.screen_unknown': { vi: 'Hồ sơ tường đang dùng không có màn hình "{id}"', en: 'the active wall profile has no screen "{id}"' },
} as const;
