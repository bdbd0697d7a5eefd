import { z } from 'zod';
import type { Bilingual } from './i18n';
import { provinceKindNames } from './i18n/terms';

/**
 * The 34 provincial-level administrative units in force since 1 July 2025 (Resolution
 * 202/2025/QH15 merged the 63 provinces and cities), with their official two-digit codes
 * (Decision 19/2025/QĐ-TTg on the list of administrative unit codes), plus "VN" for the
 * whole country.
 *
 * This is a code table of public administrative facts, typed for the code that needs it;
 * the boundary file beside the checkout (../shared/data/geo/vn-provinces-34.topo.json)
 * carries the same codes and names, and tests/unit/regimes-regions.test.ts checks that the
 * two agree. Names are in Unicode NFC, spelled as in the boundary file ("Thanh Hóa",
 * "Khánh Hòa"; "Haiphong", "Hanoi" in English).
 *
 * `kind`: 'city' for a centrally-run city (thành phố trực thuộc trung ương), 'province'
 * for a province (tỉnh). It follows the boundary file's `fullName`: seven cities, Đồng Nai
 * included (it became a centrally-run city after the 1 July 2025 merger, which had six).
 */
export type ProvinceKind = 'province' | 'city';

export const PROVINCE_KIND_NAMES: Readonly<Record<ProvinceKind, Bilingual>> = provinceKindNames;

export interface Province {
  /** Official two-digit code. */
  code: string;
  name: string;
  nameEn: string;
  kind: ProvinceKind;
  fullName: string;
  fullNameEn: string;
}

export const PROVINCES: readonly Province[] = Object.freeze([
  { code: '01', name: 'Hà Nội', nameEn: 'Hanoi', kind: 'city', fullName: 'Thành phố Hà Nội', fullNameEn: 'Hanoi City' },
  { code: '04', name: 'Cao Bằng', nameEn: 'Cao Bang', kind: 'province', fullName: 'Tỉnh Cao Bằng', fullNameEn: 'Cao Bang Province' },
  { code: '08', name: 'Tuyên Quang', nameEn: 'Tuyen Quang', kind: 'province', fullName: 'Tỉnh Tuyên Quang', fullNameEn: 'Tuyen Quang Province' },
  { code: '11', name: 'Điện Biên', nameEn: 'Dien Bien', kind: 'province', fullName: 'Tỉnh Điện Biên', fullNameEn: 'Dien Bien Province' },
  { code: '12', name: 'Lai Châu', nameEn: 'Lai Chau', kind: 'province', fullName: 'Tỉnh Lai Châu', fullNameEn: 'Lai Chau Province' },
  { code: '14', name: 'Sơn La', nameEn: 'Son La', kind: 'province', fullName: 'Tỉnh Sơn La', fullNameEn: 'Son La Province' },
  { code: '15', name: 'Lào Cai', nameEn: 'Lao Cai', kind: 'province', fullName: 'Tỉnh Lào Cai', fullNameEn: 'Lao Cai Province' },
  { code: '19', name: 'Thái Nguyên', nameEn: 'Thai Nguyen', kind: 'province', fullName: 'Tỉnh Thái Nguyên', fullNameEn: 'Thai Nguyen Province' },
  { code: '20', name: 'Lạng Sơn', nameEn: 'Lang Son', kind: 'province', fullName: 'Tỉnh Lạng Sơn', fullNameEn: 'Lang Son Province' },
  { code: '22', name: 'Quảng Ninh', nameEn: 'Quang Ninh', kind: 'province', fullName: 'Tỉnh Quảng Ninh', fullNameEn: 'Quang Ninh Province' },
  { code: '24', name: 'Bắc Ninh', nameEn: 'Bac Ninh', kind: 'province', fullName: 'Tỉnh Bắc Ninh', fullNameEn: 'Bac Ninh Province' },
  { code: '25', name: 'Phú Thọ', nameEn: 'Phu Tho', kind: 'province', fullName: 'Tỉnh Phú Thọ', fullNameEn: 'Phu Tho Province' },
  { code: '31', name: 'Hải Phòng', nameEn: 'Haiphong', kind: 'city', fullName: 'Thành phố Hải Phòng', fullNameEn: 'Haiphong City' },
  { code: '33', name: 'Hưng Yên', nameEn: 'Hung Yen', kind: 'province', fullName: 'Tỉnh Hưng Yên', fullNameEn: 'Hung Yen Province' },
  { code: '37', name: 'Ninh Bình', nameEn: 'Ninh Binh', kind: 'province', fullName: 'Tỉnh Ninh Bình', fullNameEn: 'Ninh Binh Province' },
  { code: '38', name: 'Thanh Hóa', nameEn: 'Thanh Hoa', kind: 'province', fullName: 'Tỉnh Thanh Hóa', fullNameEn: 'Thanh Hoa Province' },
  { code: '40', name: 'Nghệ An', nameEn: 'Nghe An', kind: 'province', fullName: 'Tỉnh Nghệ An', fullNameEn: 'Nghe An Province' },
  { code: '42', name: 'Hà Tĩnh', nameEn: 'Ha Tinh', kind: 'province', fullName: 'Tỉnh Hà Tĩnh', fullNameEn: 'Ha Tinh Province' },
  { code: '44', name: 'Quảng Trị', nameEn: 'Quang Tri', kind: 'province', fullName: 'Tỉnh Quảng Trị', fullNameEn: 'Quang Tri Province' },
  { code: '46', name: 'Huế', nameEn: 'Hue', kind: 'city', fullName: 'Thành phố Huế', fullNameEn: 'Hue City' },
  { code: '48', name: 'Đà Nẵng', nameEn: 'Da Nang', kind: 'city', fullName: 'Thành phố Đà Nẵng', fullNameEn: 'Da Nang City' },
  { code: '51', name: 'Quảng Ngãi', nameEn: 'Quang Ngai', kind: 'province', fullName: 'Tỉnh Quảng Ngãi', fullNameEn: 'Quang Ngai Province' },
  { code: '52', name: 'Gia Lai', nameEn: 'Gia Lai', kind: 'province', fullName: 'Tỉnh Gia Lai', fullNameEn: 'Gia Lai Province' },
  { code: '56', name: 'Khánh Hòa', nameEn: 'Khanh Hoa', kind: 'province', fullName: 'Tỉnh Khánh Hòa', fullNameEn: 'Khanh Hoa Province' },
  { code: '66', name: 'Đắk Lắk', nameEn: 'Dak Lak', kind: 'province', fullName: 'Tỉnh Đắk Lắk', fullNameEn: 'Dak Lak Province' },
  { code: '68', name: 'Lâm Đồng', nameEn: 'Lam Dong', kind: 'province', fullName: 'Tỉnh Lâm Đồng', fullNameEn: 'Lam Dong Province' },
  { code: '75', name: 'Đồng Nai', nameEn: 'Dong Nai', kind: 'city', fullName: 'Thành phố Đồng Nai', fullNameEn: 'Dong Nai City' },
  { code: '79', name: 'Hồ Chí Minh', nameEn: 'Ho Chi Minh', kind: 'city', fullName: 'Thành phố Hồ Chí Minh', fullNameEn: 'Ho Chi Minh City' },
  { code: '80', name: 'Tây Ninh', nameEn: 'Tay Ninh', kind: 'province', fullName: 'Tỉnh Tây Ninh', fullNameEn: 'Tay Ninh Province' },
  { code: '82', name: 'Đồng Tháp', nameEn: 'Dong Thap', kind: 'province', fullName: 'Tỉnh Đồng Tháp', fullNameEn: 'Dong Thap Province' },
  { code: '86', name: 'Vĩnh Long', nameEn: 'Vinh Long', kind: 'province', fullName: 'Tỉnh Vĩnh Long', fullNameEn: 'Vinh Long Province' },
  { code: '91', name: 'An Giang', nameEn: 'An Giang', kind: 'province', fullName: 'Tỉnh An Giang', fullNameEn: 'An Giang Province' },
  { code: '92', name: 'Cần Thơ', nameEn: 'Can Tho', kind: 'city', fullName: 'Thành phố Cần Thơ', fullNameEn: 'Can Tho City' },
  { code: '96', name: 'Cà Mau', nameEn: 'Ca Mau', kind: 'province', fullName: 'Tỉnh Cà Mau', fullNameEn: 'Ca Mau Province' },
] satisfies Province[]);

/** The whole country, as a region. */
export const NATIONAL_REGION_CODE = 'VN';
export const NATIONAL_REGION = Object.freeze({ code: NATIONAL_REGION_CODE, name: 'Toàn quốc', nameEn: 'Viet Nam' });

/** The 34 codes, ascending. */
export const PROVINCE_CODES: readonly string[] = Object.freeze(PROVINCES.map((p) => p.code));

const byCode: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]));

export function isProvinceCode(code: string): boolean {
  return byCode.has(code);
}

export function provinceByCode(code: string): Province | undefined {
  return byCode.get(code);
}

/** "VN" or a real province's code. */
export function isRegionCode(code: string): boolean {
  return code === NATIONAL_REGION_CODE || byCode.has(code);
}

/** A region's short name ("Hà Nội", "Toàn quốc"), or undefined for an unknown code. */
export function regionName(code: string, lang: 'vi' | 'en' = 'vi'): string | undefined {
  if (code === NATIONAL_REGION_CODE) return lang === 'vi' ? NATIONAL_REGION.name : NATIONAL_REGION.nameEn;
  const p = byCode.get(code);
  return p && (lang === 'vi' ? p.name : p.nameEn);
}

/** A province's official code (of the 34); refuses "VN" and codes of the former 63. */
export const provinceCodeSchema = z.string().refine(isProvinceCode, { message: 'not the code of one of the 34 provinces and cities' });

/** "VN" or one of the 34 province codes. */
export const knownRegionCodeSchema = z.string().refine(isRegionCode, { message: 'region: "VN" or the code of one of the 34 provinces and cities' });
