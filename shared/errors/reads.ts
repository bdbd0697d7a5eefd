/** Errors of the read routes: the catalogue, observations, compliance, boundaries. */
export const readErrors = {
  'regime.not_found': { status: 404, vi: 'Không có chế độ báo cáo {code}', en: 'no regime {code} (see GET /api/v1/regimes)' },
  'regime.agency_not_reporter': {
    status: 400,
    vi: 'Cơ quan {agency} không thuộc đối tượng báo cáo của chế độ {regime}',
    en: 'agency {agency} does not report under {regime}',
  },
  'submission.not_found': { status: 404, vi: 'Không có báo cáo {id}', en: 'no submission {id}' },
  'submission.agency_only': {
    status: 403,
    vi: 'Mã truy cập này chỉ xem được báo cáo của cơ quan {agency}',
    en: 'this token sees the submissions of agency {agency} only',
  },
  'submission.before_unknown': { status: 400, vi: 'before: không có báo cáo {id}', en: 'before: no submission {id}' },
  'compliance.agency_only': {
    status: 403,
    vi: 'Mã truy cập này chỉ xem được tình hình báo cáo của cơ quan {agency}',
    en: 'this token sees the compliance of agency {agency} only',
  },
  'geo.file_missing': {
    status: 404,
    vi: 'Không có tệp ranh giới tỉnh {file}; chỉ định bằng --geo <tệp> hoặc biến TOANCANH_GEO',
    en: 'the province boundary file {file} is missing; pass --geo <file> or set TOANCANH_GEO',
  },
} as const;
