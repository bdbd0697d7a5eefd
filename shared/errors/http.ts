/**
 * Errors of the HTTP layer and of the socket handshakes: identity, rate, request shape,
 * unknown routes, the server's own faults. `status` is the HTTP status a reply carrying
 * the code as its main error is answered with.
 */
export const httpErrors = {
  'auth.token_required': {
    status: 401,
    vi: 'Cần mã truy cập hợp lệ (Authorization: Bearer <mã>)',
    en: 'a valid token is required (Authorization: Bearer <token>)',
  },
  'auth.token_invalid': {
    status: 401,
    vi: 'Mã truy cập không hợp lệ hoặc đã bị thu hồi',
    en: 'the token is not valid or has been revoked (Authorization: Bearer <token>)',
  },
  'auth.role_forbidden': {
    status: 403,
    vi: 'Vai trò {role} không được phép thực hiện thao tác này',
    en: 'the {role} role may not do this',
  },
  'auth.rate_limited': {
    status: 429,
    vi: 'Mã truy cập này gửi quá nhiều yêu cầu; thử lại sau {seconds} giây',
    en: 'too many requests for this token; retry in {seconds} s',
  },
  'request.body_too_large': {
    status: 413,
    vi: 'Nội dung yêu cầu vượt giới hạn {limit}; hãy chia nhỏ báo cáo',
    en: 'the request body is larger than the limit of {limit}; split the report',
  },
  'request.invalid_json': {
    status: 400,
    vi: 'Nội dung không phải JSON hợp lệ: {detail}',
    en: 'the body is not valid JSON: {detail}',
  },
  'socket.namespace_closed': {
    status: 404,
    vi: 'Kênh socket này không mở; dùng /feed hoặc /control',
    en: 'this socket namespace is closed; use /feed or /control',
  },
  'request.content_encoding_unsupported': {
    status: 415,
    vi: 'Content-Encoding {encoding} không được hỗ trợ: gửi nội dung không nén',
    en: 'Content-Encoding {encoding} is not supported: send the body uncompressed',
  },
  'request.json_too_deep': {
    status: 400,
    vi: 'JSON lồng nhau quá {max} cấp; không có gì thay đổi',
    en: 'the JSON nests deeper than {max} levels; nothing was changed',
  },
  'request.unsupported_media_type': {
    status: 415,
    vi: 'Kiểu nội dung {contentType} không được hỗ trợ: gửi application/json, hoặc text/csv cho báo cáo theo biểu mẫu',
    en: 'unsupported Content-Type {contentType}: send application/json, or text/csv for a report in its template\'s columns',
  },
  'request.bad': { status: 400, vi: 'Yêu cầu không hợp lệ: {detail}', en: 'bad request: {detail}' },
  'request.invalid_params': { status: 400, vi: 'Đường dẫn có {count} tham số không hợp lệ', en: 'the path has {count} bad parameter(s)' },
  'request.invalid_query': { status: 400, vi: 'Truy vấn có {count} tham số không hợp lệ', en: 'bad query: {count} problem(s)' },
  'request.invalid_body': { status: 422, vi: 'Nội dung yêu cầu có {count} lỗi; không có gì thay đổi', en: 'the request body has {count} problem(s); nothing was changed' },
  'request.idempotency_key_invalid': {
    status: 400,
    vi: 'Idempotency-Key: 1 đến 200 ký tự ASCII in được',
    en: 'Idempotency-Key: 1 to 200 printable ASCII characters',
  },
  'request.idempotency_key_reused': {
    status: 409,
    vi: 'Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới cho báo cáo mới',
    en: 'this Idempotency-Key was used for another request; use a new key for a new report',
  },
  'route.not_found': { status: 404, vi: 'Không có địa chỉ {method} {path}', en: 'no such endpoint: {method} {path}' },
  'server.internal': { status: 500, vi: 'Lỗi máy chủ; xem nhật ký máy chủ', en: 'internal error; see the server log' },
  'server.reply_invalid': {
    status: 500,
    vi: 'Máy chủ tạo ra câu trả lời sai lược đồ; xem nhật ký máy chủ',
    en: 'the server produced a reply that does not match its schema; see the server log',
  },
  // Start-up (server/errors.ts StartupError): the headline; the error's message says what to fix.
  'startup.failed': { vi: 'Máy chủ không khởi động được', en: 'the server cannot start' },
  'startup.wall_files_invalid': { vi: 'Hồ sơ tường hoặc bố cục không hợp lệ', en: 'the wall profile or layout is not valid' },
  'startup.data_folder': { vi: 'Không dùng được thư mục dữ liệu', en: 'the data folder cannot be used' },
  'startup.database_damaged': { vi: 'Tệp cơ sở dữ liệu bị hỏng', en: 'the database file is damaged' },
  'startup.database_read_only': { vi: 'Không ghi được cơ sở dữ liệu', en: 'the database cannot be written' },
  'startup.disk_full': { vi: 'Ổ đĩa đã đầy', en: 'the disk is full' },
  'startup.database_newer': { vi: 'Cơ sở dữ liệu của phiên bản mới hơn', en: 'the database is from a newer version' },
  'startup.catalogue_invalid': { vi: 'Danh mục chế độ báo cáo không hợp lệ', en: 'the reporting catalogue is not valid' },
  'startup.address_in_use': { vi: 'Cổng đã được dùng', en: 'the port is in use' },
  'startup.address_unavailable': { vi: 'Địa chỉ không thuộc máy này', en: 'the address is not one of this machine' },
  'startup.token_invalid': { vi: 'Mã truy cập khởi tạo không hợp lệ', en: 'a bootstrap token is not valid' },
  /** One field of a query, a path or a body that zod refused (its text is zod's, in English). */
  'validation.invalid': { vi: 'Giá trị không hợp lệ: {detail}', en: '{detail}' },
  'validation.query': { vi: 'Tham số truy vấn không hợp lệ: {detail}', en: 'bad query parameter: {detail}' },
} as const;
