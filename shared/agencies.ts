import { z } from 'zod';
import { NATIONAL_REGION_CODE, PROVINCES, type Province } from './regions';

/**
 * Agencies (cơ quan, đơn vị) that report or receive reports.
 *
 * Central agencies: the ministries and ministry-level bodies as named since the 2025
 * reorganisation of the Government (in force 1 March 2025: 14 ministries and 3
 * ministry-level bodies, Resolution 176/2025/QH15); the agencies under the Government
 * (cơ quan thuộc Chính phủ), which Decree 09/2019/NĐ-CP, art. 13, names as reporters to the
 * Government beside the ministries and provinces; and the units under a ministry that
 * produce figures of their own: the statistics office (Cục Thống kê, the former General
 * Statistics Office), Viet Nam Social Security, and the customs, treasury and tax
 * departments, all under the Ministry of Finance since 2025. Codes are short ASCII
 * abbreviations of the Vietnamese name (BTC = Bộ Tài chính …), as commonly written in
 * Vietnamese administrative documents.
 *
 * Provinces: every one of the 34 provinces and centrally-run cities reports through its
 * People's Committee. Its agency code is `P` + its official two-digit code (P01 Hà Nội,
 * P79 Hồ Chí Minh): short, ASCII, never colliding with a ministry's code, and mapping
 * one-to-one to the region code its figures are observed under.
 */
export type AgencyKind = 'ministry' | 'ministry-level' | 'government-agency' | 'ministry-unit' | 'province';

export interface Agency {
  code: string;
  kind: AgencyKind;
  name: { vi: string; en: string };
  /** Short name for tight places on the wall. */
  shortName: { vi: string; en: string };
  /** For a unit under a ministry: that ministry's code. */
  parent?: string;
  /** The region its own figures describe: "VN" for central agencies, the province code otherwise. */
  region: string;
  /** Codes this agency was known by before (e.g. TCTK for the statistics office), still accepted as aliases. */
  formerCodes?: readonly string[];
}

const central = (
  code: string,
  kind: Exclude<AgencyKind, 'province'>,
  vi: string,
  en: string,
  shortVi: string,
  shortEn: string,
  extra: Partial<Pick<Agency, 'parent' | 'formerCodes'>> = {},
): Agency => ({ code, kind, name: { vi, en }, shortName: { vi: shortVi, en: shortEn }, region: NATIONAL_REGION_CODE, ...extra });

/** Ministries, ministry-level bodies, agencies under the Government and the ministry units that report on their own. */
export const CENTRAL_AGENCIES: readonly Agency[] = Object.freeze([
  central('BQP', 'ministry', 'Bộ Quốc phòng', 'Ministry of National Defence', 'Quốc phòng', 'Defence'),
  central('BCA', 'ministry', 'Bộ Công an', 'Ministry of Public Security', 'Công an', 'Public Security'),
  central('BNG', 'ministry', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', 'Ngoại giao', 'Foreign Affairs'),
  central('BNV', 'ministry', 'Bộ Nội vụ', 'Ministry of Home Affairs', 'Nội vụ', 'Home Affairs'),
  central('BTP', 'ministry', 'Bộ Tư pháp', 'Ministry of Justice', 'Tư pháp', 'Justice'),
  central('BTC', 'ministry', 'Bộ Tài chính', 'Ministry of Finance', 'Tài chính', 'Finance'),
  central('BCT', 'ministry', 'Bộ Công Thương', 'Ministry of Industry and Trade', 'Công Thương', 'Industry and Trade'),
  central('BNNMT', 'ministry', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', 'Nông nghiệp và Môi trường', 'Agriculture and Environment'),
  central('BXD', 'ministry', 'Bộ Xây dựng', 'Ministry of Construction', 'Xây dựng', 'Construction'),
  central('BVHTTDL', 'ministry', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', 'Văn hóa, Thể thao và Du lịch', 'Culture, Sports and Tourism'),
  central('BKHCN', 'ministry', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'Khoa học và Công nghệ', 'Science and Technology'),
  central('BGDDT', 'ministry', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', 'Giáo dục và Đào tạo', 'Education and Training'),
  central('BYT', 'ministry', 'Bộ Y tế', 'Ministry of Health', 'Y tế', 'Health'),
  central('BDTTG', 'ministry', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs', 'Dân tộc và Tôn giáo', 'Ethnic and Religious Affairs'),
  central('NHNN', 'ministry-level', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Viet Nam', 'Ngân hàng Nhà nước', 'State Bank'),
  central('TTCP', 'ministry-level', 'Thanh tra Chính phủ', 'Government Inspectorate', 'Thanh tra Chính phủ', 'Inspectorate'),
  central('VPCP', 'ministry-level', 'Văn phòng Chính phủ', 'Government Office', 'Văn phòng Chính phủ', 'Government Office'),
  central('CTK', 'ministry-unit', 'Cục Thống kê (Bộ Tài chính)', 'National Statistics Office (Ministry of Finance)', 'Thống kê', 'Statistics', {
    parent: 'BTC',
    formerCodes: ['TCTK'],
  }),
  central('BHXH', 'ministry-unit', 'Bảo hiểm xã hội Việt Nam', 'Viet Nam Social Security', 'Bảo hiểm xã hội', 'Social Security', { parent: 'BTC' }),
  // The Ministry of Finance's producers of trade, treasury and tax figures (general
  // departments until 1 March 2025, departments since).
  central('CHQ', 'ministry-unit', 'Cục Hải quan (Bộ Tài chính)', 'Customs Department (Ministry of Finance)', 'Hải quan', 'Customs', { parent: 'BTC', formerCodes: ['TCHQ'] }),
  central('KBNN', 'ministry-unit', 'Kho bạc Nhà nước (Bộ Tài chính)', 'State Treasury (Ministry of Finance)', 'Kho bạc Nhà nước', 'State Treasury', { parent: 'BTC' }),
  central('CTHUE', 'ministry-unit', 'Cục Thuế (Bộ Tài chính)', 'Tax Department (Ministry of Finance)', 'Thuế', 'Taxation', { parent: 'BTC', formerCodes: ['TCT'] }),
  // Agencies under the Government since 1 March 2025.
  central('TTXVN', 'government-agency', 'Thông tấn xã Việt Nam', 'Vietnam News Agency', 'Thông tấn xã', 'News Agency'),
  central('VOV', 'government-agency', 'Đài Tiếng nói Việt Nam', 'Voice of Vietnam', 'Đài Tiếng nói Việt Nam', 'Voice of Vietnam'),
  central('VTV', 'government-agency', 'Đài Truyền hình Việt Nam', 'Vietnam Television', 'Đài Truyền hình Việt Nam', 'Vietnam Television'),
  central('VHLKHCN', 'government-agency', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Vietnam Academy of Science and Technology', 'Viện Hàn lâm KH&CN', 'Academy of Science and Technology'),
  central('VHLKHXH', 'government-agency', 'Viện Hàn lâm Khoa học xã hội Việt Nam', 'Vietnam Academy of Social Sciences', 'Viện Hàn lâm KHXH', 'Academy of Social Sciences'),
]);

/** The agency code of a province: "P" + its two-digit code. */
export function provinceAgencyCode(regionCode: string): string {
  return `P${regionCode}`;
}

function provinceAgency(p: Province): Agency {
  return {
    code: provinceAgencyCode(p.code),
    kind: 'province',
    name: { vi: `Ủy ban nhân dân ${p.fullName}`, en: `People's Committee of ${p.fullNameEn}` },
    shortName: { vi: p.name, en: p.nameEn },
    region: p.code,
  };
}

/** The People's Committees of the 34 provinces and cities, by ascending code. */
export const PROVINCE_AGENCIES: readonly Agency[] = Object.freeze(PROVINCES.map(provinceAgency));

/** Every agency: central ones first, then the 34 provinces. */
export const AGENCIES: readonly Agency[] = Object.freeze([...CENTRAL_AGENCIES, ...PROVINCE_AGENCIES]);

const byCode: ReadonlyMap<string, Agency> = new Map(AGENCIES.map((a) => [a.code, a]));
const byFormerCode: ReadonlyMap<string, Agency> = new Map(AGENCIES.flatMap((a) => (a.formerCodes ?? []).map((c) => [c, a] as const)));

export function agencyByCode(code: string): Agency | undefined {
  return byCode.get(code);
}

export function isAgencyCode(code: string): boolean {
  return byCode.has(code);
}

/** The current code for a code or a former one (TCTK → CTK); undefined when unknown. */
export function canonicalAgencyCode(code: string): string | undefined {
  return byCode.get(code)?.code ?? byFormerCode.get(code)?.code;
}

export function isProvinceAgency(code: string): boolean {
  return byCode.get(code)?.kind === 'province';
}

/** The region an agency's own figures describe ("VN" or a province code), or undefined. */
export function regionOfAgency(code: string): string | undefined {
  return byCode.get(code)?.region;
}

/** The syntax of an agency code: P + two digits for a province, 2–12 upper-case ASCII otherwise. */
export const agencyCodeSyntax = /^(P\d{2}|[A-Z][A-Z0-9]{1,11})$/;

/** A code of an agency in the table above (current codes only). */
export const agencyCodeSchema = z.string().refine(isAgencyCode, {
  message: 'unknown agency: a ministry code such as BTC, or P + the two-digit code of one of the 34 provinces',
});
