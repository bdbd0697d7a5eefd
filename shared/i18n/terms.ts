import type { Bilingual } from './index';

/**
 * The words for the codes the wall shows (statuses, periodicities, kinds of province, the
 * nine fields of indicators), Vietnamese first. The modules that own each code re-export
 * their table from here, typed by their code, so that every user-visible text lives in
 * shared/i18n.
 */
export const complianceStatusNames = {
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Trễ hạn', en: 'Late' },
  missing: { vi: 'Chưa gửi', en: 'Missing' },
  'not-due': { vi: 'Chưa đến hạn', en: 'Not yet due' },
} as const satisfies Record<string, Bilingual>;

export const periodicityNames = {
  month: { vi: 'hằng tháng', en: 'monthly' },
  quarter: { vi: 'hằng quý', en: 'quarterly' },
  'half-year': { vi: '6 tháng', en: 'six-monthly' },
  'nine-months': { vi: '9 tháng', en: 'nine months' },
  year: { vi: 'hằng năm', en: 'yearly' },
  'ad-hoc': { vi: 'đột xuất', en: 'ad hoc' },
} as const satisfies Record<string, Bilingual>;

export const provinceKindNames = {
  province: { vi: 'tỉnh', en: 'province' },
  city: { vi: 'thành phố', en: 'city' },
} as const satisfies Record<string, Bilingual>;

/** The nine fields of Decision 293/QĐ-TTg (the Vietnamese names are the decision's; the English ours). */
export const indicatorFieldNames = {
  'economic-growth': { vi: 'Tăng trưởng kinh tế', en: 'Economic growth' },
  'public-finance': { vi: 'Tài chính công', en: 'Public finance' },
  'macro-stability': { vi: 'Ổn định kinh tế vĩ mô', en: 'Macroeconomic stability' },
  'business-environment': { vi: 'Môi trường kinh doanh', en: 'Business environment' },
  'labour-employment': { vi: 'Lao động, việc làm', en: 'Labour and employment' },
  'social-affairs': { vi: 'Các vấn đề xã hội', en: 'Social affairs' },
  environment: { vi: 'Môi trường', en: 'Environment' },
  'public-administration': { vi: 'Hành chính công phục vụ người dân', en: 'Public administration serving the people' },
  'infrastructure-science': { vi: 'Kết cấu hạ tầng và khoa học công nghệ', en: 'Infrastructure, science and technology' },
} as const satisfies Record<string, Bilingual>;
