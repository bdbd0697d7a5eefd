/** Errors of people's accounts, sessions and CSRF protection (the console). */
export const accountErrors = {
  'auth.csrf_failed': {
    status: 403,
    vi: 'Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (X-CSRF-Token) hoặc nguồn gốc (Origin) khác máy chủ; không có gì thay đổi',
    en: 'refused: the X-CSRF-Token is missing or wrong, or the Origin is not this server; nothing was changed',
  },
  'auth.session_expired': {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn hoặc đã kết thúc; hãy đăng nhập lại',
    en: 'the session has expired or ended; sign in again',
  },
  'auth.session_required': {
    status: 401,
    vi: 'Thao tác này cần một người đã đăng nhập (phiên đăng nhập), không phải mã truy cập',
    en: 'this needs a signed-in person (a session), not a token',
  },
  'auth.login_failed': { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu', en: 'wrong login name or password' },
  'auth.account_locked': {
    status: 423,
    vi: 'Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần; mở lại lúc {until}',
    en: 'the account is locked after too many wrong passwords; it opens again at {until}',
  },
  'auth.account_disabled': { status: 403, vi: 'Tài khoản đã bị vô hiệu hóa; hãy liên hệ quản trị viên', en: 'the account is disabled; ask an administrator' },
  'auth.login_rate_limited': {
    status: 429,
    vi: 'Quá nhiều lần đăng nhập từ địa chỉ này; thử lại sau {seconds} giây',
    en: 'too many logins from this address; retry in {seconds} s',
  },
  'user.not_found': { status: 404, vi: 'Không có tài khoản {id}', en: 'no account {id}' },
  'user.username_taken': { status: 409, vi: 'Tên đăng nhập "{username}" đã có người dùng', en: 'the login name "{username}" is taken' },
  'user.last_admin': {
    status: 409,
    vi: 'Đây là quản trị viên cuối cùng còn hoạt động; hãy tạo hoặc mở lại một quản trị viên khác trước',
    en: 'this is the last active admin; create or enable another admin first',
  },
  'user.old_password_wrong': { status: 403, vi: 'Mật khẩu cũ không đúng; mật khẩu không đổi', en: 'the old password is wrong; the password is unchanged' },
  'user.old_password_required': { status: 422, vi: 'Cần mật khẩu cũ để đổi mật khẩu của chính mình', en: 'changing your own password needs the old one (oldPassword)' },
  'user.not_self': { status: 403, vi: 'Chỉ quản trị viên mới đặt mật khẩu cho người khác', en: "only an admin sets another person's password" },
} as const;
