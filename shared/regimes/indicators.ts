import { z } from 'zod';
import { indicatorMetaSchema } from '../protocol/model';
import { DOCUMENT_NUMBER } from './legal';
import { indicatorFieldNames } from '../i18n/terms';

/**
 * The 9 fields (lĩnh vực) of the indicator set of Decision 293/QĐ-TTg (24 February 2020)
 * — "Bộ chỉ tiêu tổng hợp báo cáo định kỳ và báo cáo thống kê về kinh tế - xã hội phục vụ
 * sự chỉ đạo, điều hành của Chính phủ, Thủ tướng Chính phủ": 200 indicators, reported
 * through the Government Reporting Information System.
 *
 * Source of the names: the press release of its issuance (Nhân Dân, 26 February 2020,
 * "Ban hành Bộ chỉ tiêu tổng hợp về kinh tế - xã hội"), which lists the nine fields as
 * "Tăng trưởng kinh tế, tài chính công, ổn định kinh tế vĩ mô, môi trường kinh doanh, lao
 * động việc làm, các vấn đề xã hội, môi trường, hành chính công phục vụ người dân, kết cấu
 * hạ tầng và khoa học công nghệ". Nine fields make the last item one field ("kết cấu hạ
 * tầng và khoa học công nghệ"). The English names are ours. The codes are stable ids,
 * stored in the indicator catalogue (`group`): never rename them.
 */
export const INDICATOR_FIELDS = [
  { code: 'economic-growth', name: indicatorFieldNames['economic-growth'] },
  { code: 'public-finance', name: indicatorFieldNames['public-finance'] },
  { code: 'macro-stability', name: indicatorFieldNames['macro-stability'] },
  { code: 'business-environment', name: indicatorFieldNames['business-environment'] },
  { code: 'labour-employment', name: indicatorFieldNames['labour-employment'] },
  { code: 'social-affairs', name: indicatorFieldNames['social-affairs'] },
  { code: 'environment', name: indicatorFieldNames['environment'] },
  { code: 'public-administration', name: indicatorFieldNames['public-administration'] },
  { code: 'infrastructure-science', name: indicatorFieldNames['infrastructure-science'] },
] as const;

export type IndicatorFieldCode = (typeof INDICATOR_FIELDS)[number]['code'];
export const indicatorFieldCodes = INDICATOR_FIELDS.map((f) => f.code) as [IndicatorFieldCode, ...IndicatorFieldCode[]];
export const indicatorFieldSchema = z.enum(indicatorFieldCodes);

/**
 * A yearly plan target (chỉ tiêu kế hoạch), as set by the National Assembly's resolution on
 * that year's socio-economic development plan. `comparator` reads the target's wording:
 * "8% trở lên" is at-least 8, "khoảng 4,5%" is about 4.5. A range ("5.400–5.500 USD") is
 * at-least its lower bound, with `upper` its upper bound: reaching the range meets it.
 */
export const planTargetSchema = z
  .strictObject({
    year: z.int().min(2000).max(2100),
    value: z.number().finite(),
    /** The upper end of a range target; `value` is its lower end. */
    upper: z.number().finite().optional(),
    comparator: z.enum(['at-least', 'at-most', 'about']),
    /** The document that set it, with its number, e.g. "Nghị quyết 244/2025/QH15". */
    basis: z.string().min(1).max(200).regex(DOCUMENT_NUMBER, 'name the resolution with its number, e.g. "Nghị quyết 244/2025/QH15"'),
  })
  .superRefine((t, ctx) => {
    if (t.upper === undefined) return;
    if (t.comparator !== 'at-least') ctx.addIssue({ code: 'custom', path: ['comparator'], message: 'a range target is "at-least" its lower end' });
    if (t.upper <= t.value) ctx.addIssue({ code: 'custom', path: ['upper'], message: `the range's upper end (${t.upper}) is not above its lower end (${t.value})` });
  });
export type PlanTarget = z.infer<typeof planTargetSchema>;

/**
 * An indicator of the catalogue: the feed's indicator meta (code, names, unit, periodicity,
 * direction, group) plus where it is observed and its plan targets.
 *
 * `scope`: 'national' indicators are observed for region "VN"; 'province' ones (codes
 * PROV_…) for each of the 34 provinces. The two are distinct indicators because their units
 * and definitions differ (state budget revenue is counted in nghìn tỷ đồng nationally and
 * in tỷ đồng "on the province's territory").
 *
 * `targets`: only targets we are sure of; an empty list means "no plan target recorded"
 * (absent), never zero.
 */
export const catalogIndicatorSchema = indicatorMetaSchema
  .extend({
    group: indicatorFieldSchema,
    scope: z.enum(['national', 'province']),
    targets: z.array(planTargetSchema).max(50),
    /** Who publishes or compiles it, for the wall's source line. */
    source: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((indicator, ctx) => {
    const province = indicator.code.startsWith('PROV_');
    if (province !== (indicator.scope === 'province')) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'province-level indicators, and only they, have codes starting with PROV_' });
    }
    if (indicator.ranking) rankingIssues(indicator).forEach(({ path, message }) => ctx.addIssue({ code: 'custom', path, message }));
    const years = new Set<number>();
    indicator.targets.forEach((t, i) => {
      if (years.has(t.year)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'year'], message: `a second target for ${t.year}` });
      years.add(t.year);
    });
  });
export type CatalogIndicator = z.infer<typeof catalogIndicatorSchema>;

/**
 * A ranking indicator is a published yearly score of each province: its publisher is the
 * source line of every value (VCCI for PCI…), its year is the period, and its direction
 * says whether the highest score ranks first. Without any of them a «hạng N/34» could not
 * be derived or cited.
 */
function rankingIssues(indicator: { scope: string; periodicity: string; direction: string; source?: string | undefined }): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if (indicator.scope !== 'province') issues.push({ path: ['scope'], message: 'a ranking ranks the provinces: scope "province"' });
  if (indicator.periodicity !== 'year') issues.push({ path: ['periodicity'], message: 'a ranking is published by year: periodicity "year"' });
  if (indicator.direction === 'neutral') issues.push({ path: ['direction'], message: 'a ranking says which end ranks first: direction "up" (higher is better) or "down"' });
  if (!indicator.source) issues.push({ path: ['source'], message: 'a ranking names its publisher (VCCI, UNDP/CECODES, Bộ Nội vụ, Văn phòng Chính phủ…): "source" is required' });
  return issues;
}

export const INDICATOR_CATALOG_SCHEMA_VERSION = 1;

/** The indicator catalogue file: `{ schemaVersion: 1, indicators: [...] }`. */
export const indicatorCatalogSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(INDICATOR_CATALOG_SCHEMA_VERSION),
  indicators: z.array(catalogIndicatorSchema).min(1),
});
export type IndicatorCatalogDocument = z.infer<typeof indicatorCatalogSchema>;

/** The target for a year, if one is recorded. */
export function targetFor(indicator: Pick<CatalogIndicator, 'targets'>, year: number): PlanTarget | undefined {
  return indicator.targets.find((t) => t.year === year);
}
