/**
 * Why a report is refused: the envelope and the caller's rights (report.*), the content
 * checked against its regime (submission.*, shared/regimes/validate-submission.ts) and the
 * CSV form (csv.*, shared/regimes/csv.ts). Each names one problem at one path; a refused
 * report lists every one of them under `report.refused`.
 */
export const reportErrors = {
  'report.refused': { status: 422, vi: 'Báo cáo có {count} lỗi; không có gì được lưu', en: 'the report has {count} problem(s); nothing was stored' },
  'report.query_in_json': {
    vi: 'Báo cáo JSON ghi chế độ, cơ quan, kỳ và trạng thái trong nội dung, không trong tham số truy vấn',
    en: 'a JSON report carries regime, agency, period and status in its body, not as query parameters',
  },
  'report.regime_required': { vi: 'Thiếu mã chế độ báo cáo (regime)', en: 'regime is required' },
  'report.regime_required_csv': { vi: 'Thiếu mã chế độ báo cáo (tham số ?regime=)', en: 'the regime is required (query parameter ?regime=)' },
  'report.regime_unknown': { vi: 'Không có chế độ báo cáo {code} (xem GET /api/v1/regimes)', en: 'unknown regime {code} (see GET /api/v1/regimes)' },
  'report.agency_not_own': {
    vi: 'Mã truy cập này chỉ được gửi báo cáo của cơ quan {own}, không phải {agency}',
    en: 'this token reports for agency {own} only, not {agency}',
  },
  'report.not_object': { vi: 'Báo cáo phải là một đối tượng JSON', en: 'a report is a JSON object' },
  'report.agency_unknown': { vi: 'Không có cơ quan mã "{agency}"', en: 'unknown agency "{agency}"' },
  'report.received_at_demo_only': {
    vi: 'Chỉ mã truy cập dữ liệu mô phỏng (demo) được ghi lùi thời điểm nhận báo cáo',
    en: 'only a demo token may set receivedAt (backdate a report)',
  },
  'report.received_at_not_instant': { vi: '"{value}" không phải thời điểm ISO 8601 có múi giờ', en: '"{value}" is not an ISO 8601 instant with an offset' },
  'report.received_at_future': { vi: 'Thời điểm nhận không được ở tương lai', en: 'receivedAt may not be in the future' },
  'report.received_at_too_old': { vi: 'Chỉ được ghi lùi tối đa {days} ngày', en: 'receivedAt may be at most {days} days ago' },

  'submission.not_object': { vi: 'Báo cáo phải là một đối tượng JSON, không phải {type}', en: 'a submission is a JSON object, not {type}' },
  'submission.unknown_property': { vi: 'Trường "{key}" không được phép trong báo cáo', en: 'unknown property "{key}"' },
  'submission.regime_missing': { vi: 'Thiếu mã chế độ báo cáo', en: 'regime is missing' },
  'submission.regime_mismatch': {
    vi: 'Báo cáo ghi chế độ {given}, nhưng đang được kiểm tra theo chế độ {regime}',
    en: 'the submission names regime {given}, not {regime}',
  },
  'submission.agency_missing': { vi: 'Thiếu mã cơ quan báo cáo', en: 'agency is missing' },
  'submission.agency_not_string': { vi: 'Mã cơ quan phải là chuỗi ký tự, không phải {type}', en: 'agency must be a string, not {type}' },
  'submission.agency_unknown': { vi: 'Không có cơ quan mã {agency}', en: 'unknown agency {agency}' },
  'submission.agency_not_reporter': {
    vi: '{name} ({agency}) không thuộc đối tượng báo cáo của chế độ {regime}',
    en: '{name} ({agency}) is not a reporting agency of regime {regime}',
  },
  'submission.period_missing': { vi: 'Thiếu kỳ báo cáo', en: 'period is missing' },
  'submission.period_not_string': { vi: 'Kỳ báo cáo phải là chuỗi ký tự, không phải {type}', en: 'period must be a string, not {type}' },
  'submission.period_invalid': { vi: '{period} không phải kỳ báo cáo hợp lệ (ví dụ {example})', en: '{period} is not a period (e.g. {example})' },
  'submission.period_wrong_kind': {
    vi: 'Chế độ {regime} báo cáo {periodicity}: kỳ phải có dạng {example}, không phải {period}',
    en: 'regime {regime} is {periodicity}: the period looks like {example}, not {period}',
  },
  'submission.period_before_regime': {
    vi: 'Kỳ {period} (số liệu đến {end}) trước ngày chế độ {regime} có hiệu lực ({effectiveFrom})',
    en: 'period {period} (data up to {end}) precedes regime {regime}, in force from {effectiveFrom}',
  },
  'submission.period_not_begun': { vi: 'Kỳ {period} chưa bắt đầu (số liệu từ {start})', en: 'period {period} has not begun (its data window opens {start})' },
  'submission.status_invalid': {
    vi: 'Trạng thái số liệu là "estimate" (ước tính) hoặc "official" (chính thức), không phải {status}',
    en: 'status is "estimate" or "official", not {status}',
  },
  'submission.values_missing': { vi: 'Thiếu danh sách số liệu (values)', en: 'values is missing' },
  'submission.values_not_array': { vi: 'values phải là một mảng, không phải {type}', en: 'values must be an array, not {type}' },
  'submission.values_too_many': { vi: 'Quá nhiều số liệu: {count} (tối đa {max})', en: 'too many values: {count} (at most {max})' },
  'submission.values_empty': { vi: 'Báo cáo không có số liệu nào', en: 'values is empty: a submission has at least one value' },
  'submission.value_not_object': {
    vi: 'Mỗi số liệu là một đối tượng {indicator, value, …}, không phải {type}',
    en: 'each value is an object {indicator, value, …}, not {type}',
  },
  'submission.value_unknown_property': { vi: 'Trường "{key}" không được phép trong một số liệu', en: 'unknown property "{key}" in a value' },
  'submission.indicator_missing': { vi: 'Thiếu mã chỉ tiêu (indicator)', en: 'indicator is missing' },
  'submission.indicator_not_string': { vi: 'Mã chỉ tiêu phải là chuỗi ký tự, không phải {type}', en: 'indicator must be a string, not {type}' },
  'submission.indicator_not_in_template': {
    vi: 'Chỉ tiêu {indicator} không có trong biểu mẫu của chế độ {regime}',
    en: 'indicator {indicator} is not a field of the template of regime {regime}',
  },
  'submission.unit_not_string': { vi: 'Đơn vị tính phải là chuỗi ký tự, không phải {type}', en: 'unit must be a string, not {type}' },
  'submission.unit_mismatch': { vi: 'Đơn vị tính của {indicator} là "{unit}", không phải "{given}"', en: 'the unit of {indicator} is "{unit}", not "{given}"' },
  'submission.value_duplicate': {
    vi: 'Trùng số liệu: {indicator} cho vùng {region} đã có ở $.values[{first}]',
    en: 'duplicate: {indicator} for region {region} is already given at $.values[{first}]',
  },
  'submission.field_missing': { vi: 'Thiếu chỉ tiêu bắt buộc {indicator}', en: 'required field {indicator} is missing' },
  'submission.field_missing_by_province': {
    vi: 'Thiếu chỉ tiêu bắt buộc {indicator} (theo 34 tỉnh, thành phố)',
    en: 'required field {indicator} (by province, all 34) is missing',
  },
  'submission.field_provinces_missing': {
    vi: 'Chỉ tiêu {indicator} thiếu số liệu của {count} tỉnh, thành phố: {provinces}',
    en: 'field {indicator} lacks {count} province(s): {provinces}',
  },
  'submission.region_not_string': {
    vi: 'Mã vùng phải là chuỗi ký tự ("VN" hoặc mã tỉnh hai chữ số), không phải {type}',
    en: 'region must be a string ("VN" or a two-digit province code), not {type}',
  },
  'submission.region_unknown': {
    vi: '{region} không phải "VN" hay mã của một trong 34 tỉnh, thành phố',
    en: '{region} is neither "VN" nor the code of one of the 34 provinces and cities',
  },
  'submission.region_required': {
    vi: 'Chỉ tiêu {indicator} báo cáo theo từng tỉnh, thành phố: cần mã tỉnh (region)',
    en: 'field {indicator} is broken down by province: region (a province code) is required',
  },
  'submission.region_not_province': {
    vi: 'Chỉ tiêu {indicator} báo cáo theo từng tỉnh, thành phố: "{region}" không phải mã tỉnh',
    en: 'field {indicator} is broken down by province: "{region}" is not a province code',
  },
  'submission.region_not_own': {
    vi: 'Chỉ tiêu {indicator} là số liệu của chính đơn vị báo cáo: vùng phải là {own} hoặc bỏ trống, không phải {region}',
    en: "field {indicator} is the reporting agency's own figure: region is {own} or absent, not {region}",
  },
  'submission.value_missing': { vi: 'Thiếu giá trị (value)', en: 'value is missing' },
  'submission.value_not_number': { vi: 'Giá trị phải là một số, không phải {value}', en: 'value must be a number, not {value}' },
  'submission.value_not_integer': { vi: '{indicator} là số nguyên ({unit}), không phải {value}', en: '{indicator} is a whole number ({unit}), not {value}' },
  'submission.value_out_of_range': {
    vi: 'Giá trị {value} {unit} của {indicator} nằm ngoài khoảng cho phép {range}',
    en: 'value {value} {unit} of {indicator} is outside the allowed range {range}',
  },

  'csv.junk_after_quote': { vi: 'Có ký tự sau dấu ngoặc kép đóng của một ô', en: 'characters after the closing quote of a cell' },
  'csv.unclosed_quote': { vi: 'Dấu ngoặc kép mở nhưng không đóng', en: 'a quoted cell is never closed' },
  'csv.decimal_comma': { vi: '"{text}" dùng dấu phẩy thập phân: hãy dùng dấu chấm ({fixed})', en: '"{text}" has a decimal comma: use a point ({fixed})' },
  'csv.thousands_separator': {
    vi: '"{text}" có dấu phân cách hàng nghìn: hãy viết liền các chữ số, dấu chấm chỉ dùng cho phần thập phân',
    en: '"{text}" has thousands separators: write the digits without them; a point is only the decimal separator',
  },
  'csv.not_a_number': { vi: '"{text}" không phải một số', en: '"{text}" is not a number' },
  'csv.empty': { vi: 'Tệp CSV trống: cần dòng tiêu đề region,<mã chỉ tiêu>,…', en: 'the CSV is empty: it needs a header row region,<field>,…' },
  'csv.first_column': { vi: 'Cột đầu tiên phải là "region", không phải "{name}"', en: 'the first column must be "region", not "{name}"' },
  'csv.column_unnamed': { vi: 'Cột {column} không có tên', en: 'column {column} has no name' },
  'csv.column_not_field': { vi: 'Cột "{name}" không phải chỉ tiêu của biểu mẫu {regime}', en: 'column "{name}" is not a field of the template of {regime}' },
  'csv.column_twice': { vi: 'Cột "{name}" lặp lại (đã có ở cột {first})', en: 'column "{name}" appears twice (first as column {first})' },
  'csv.row_width': { vi: 'Dòng có {cells} ô, dòng tiêu đề có {header}', en: 'the row has {cells} cells, the header {header}' },
  'csv.region_missing': { vi: 'Thiếu mã vùng (VN hoặc mã tỉnh)', en: 'the region is missing ("VN" or a province code)' },
  'csv.region_unknown': {
    vi: '"{region}" không phải "VN" hay mã của một trong 34 tỉnh, thành phố',
    en: '"{region}" is neither "VN" nor the code of one of the 34 provinces and cities',
  },
  'csv.region_twice': { vi: 'Vùng {region} đã có ở dòng {first}', en: 'region {region} already has a row (row {first})' },
} as const;
