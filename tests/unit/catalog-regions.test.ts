import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AGENCIES,
  CENTRAL_AGENCIES,
  PROVINCE_AGENCIES,
  agencyByCode,
  agencyCodeSchema,
  agencyCodeSyntax,
  canonicalAgencyCode,
  isProvinceAgency,
  provinceAgencyCode,
  regionOfAgency,
} from '../../shared/agencies';
import { NATIONAL_REGION_CODE, PROVINCES, PROVINCE_CODES, isProvinceCode, isRegionCode, provinceByCode, provinceCodeSchema, regionName } from '../../shared/regions';
import { provincesTopoPath } from '../support/paths';

interface GeoProperties {
  code: string;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
}

/** The `properties` of the 34 geometries of the boundary file beside the checkout (TOANCANH_SHARED_DATA). */
function boundaryProvinces(): GeoProperties[] {
  const topo = JSON.parse(readFileSync(provincesTopoPath, 'utf8')) as { objects: { provinces: { geometries: { id: string; properties: GeoProperties }[] } } };
  return topo.objects.provinces.geometries.map((g) => {
    expect(g.id).toBe(g.properties.code);
    return g.properties;
  });
}

describe('the 34 provinces and cities', () => {
  it('match the boundary file: codes, names, full names, in both languages', () => {
    const geo = boundaryProvinces();
    expect(geo).toHaveLength(34);
    const fromGeo = [...geo].sort((a, b) => a.code.localeCompare(b.code)).map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn, fullName: p.fullName, fullNameEn: p.fullNameEn }));
    expect(PROVINCES.map(({ code, name, nameEn, fullName, fullNameEn }) => ({ code, name, nameEn, fullName, fullNameEn }))).toEqual(fromGeo);
  });

  it('say whether each is a province or a centrally-run city, as its full name does', () => {
    for (const p of PROVINCES) {
      expect(p.fullName, p.code).toBe(`${p.kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${p.name}`);
      expect(p.fullNameEn, p.code).toBe(`${p.nameEn} ${p.kind === 'city' ? 'City' : 'Province'}`);
    }
    expect(PROVINCES.filter((p) => p.kind === 'city').map((p) => p.name)).toEqual(['Hà Nội', 'Hải Phòng', 'Huế', 'Đà Nẵng', 'Đồng Nai', 'Hồ Chí Minh', 'Cần Thơ']);
  });

  it('are sorted, unique, two-digit and in NFC', () => {
    expect(PROVINCE_CODES).toEqual([...PROVINCE_CODES].sort());
    expect(new Set(PROVINCE_CODES).size).toBe(34);
    for (const p of PROVINCES) {
      expect(p.code).toMatch(/^\d{2}$/);
      expect(p.name).toBe(p.name.normalize('NFC'));
    }
  });

  it('answer look-ups; "VN" is the nation, not a province; codes of the former 63 are not provinces', () => {
    expect(provinceByCode('79')?.name).toBe('Hồ Chí Minh');
    expect(regionName('01')).toBe('Hà Nội');
    expect(regionName('31', 'en')).toBe('Haiphong');
    expect(regionName(NATIONAL_REGION_CODE)).toBe('Toàn quốc');
    expect(regionName('99')).toBeUndefined();
    expect(isProvinceCode('VN')).toBe(false);
    expect(isRegionCode('VN')).toBe(true);
    // 02 (Hà Giang), 26 (Vĩnh Phúc) and 74 (Bình Dương) were merged on 1 July 2025.
    for (const former of ['02', '26', '74']) expect(isRegionCode(former)).toBe(false);
    expect(provinceCodeSchema.safeParse('74').success).toBe(false);
    expect(provinceCodeSchema.safeParse('75').success).toBe(true);
  });
});

describe('agencies', () => {
  it('name the ministries and ministry-level bodies of the 2025 Government', () => {
    const expected: Record<string, string> = {
      BTC: 'Bộ Tài chính',
      BCT: 'Bộ Công Thương',
      BNNMT: 'Bộ Nông nghiệp và Môi trường',
      BXD: 'Bộ Xây dựng',
      BKHCN: 'Bộ Khoa học và Công nghệ',
      BYT: 'Bộ Y tế',
      BGDDT: 'Bộ Giáo dục và Đào tạo',
      BTP: 'Bộ Tư pháp',
      BNV: 'Bộ Nội vụ',
      BCA: 'Bộ Công an',
      NHNN: 'Ngân hàng Nhà nước Việt Nam',
      BHXH: 'Bảo hiểm xã hội Việt Nam',
      VPCP: 'Văn phòng Chính phủ',
    };
    for (const [code, vi] of Object.entries(expected)) expect(agencyByCode(code)?.name.vi, code).toBe(vi);
    expect(CENTRAL_AGENCIES.filter((a) => a.kind === 'ministry')).toHaveLength(14);
    expect(CENTRAL_AGENCIES.filter((a) => a.kind === 'ministry-level').map((a) => a.code)).toEqual(['NHNN', 'TTCP', 'VPCP']);
    expect(agencyByCode('CTK')).toMatchObject({ kind: 'ministry-unit', parent: 'BTC' });
    expect(agencyByCode('BHXH')).toMatchObject({ kind: 'ministry-unit', parent: 'BTC' });
  });

  it("name the Ministry of Finance's data-producing units and the agencies under the Government (Decree 09, art. 13)", () => {
    // Customs (trade statistics), the State Treasury (budget receipts and payments), taxation.
    expect(agencyByCode('CHQ')).toMatchObject({ kind: 'ministry-unit', parent: 'BTC', name: { vi: 'Cục Hải quan (Bộ Tài chính)' } });
    expect(agencyByCode('KBNN')).toMatchObject({ kind: 'ministry-unit', parent: 'BTC', name: { vi: 'Kho bạc Nhà nước (Bộ Tài chính)' } });
    expect(agencyByCode('CTHUE')).toMatchObject({ kind: 'ministry-unit', parent: 'BTC', name: { vi: 'Cục Thuế (Bộ Tài chính)' } });
    expect(canonicalAgencyCode('TCHQ')).toBe('CHQ');
    expect(canonicalAgencyCode('TCT')).toBe('CTHUE');
    expect(CENTRAL_AGENCIES.filter((a) => a.kind === 'government-agency').map((a) => a.code)).toEqual(['TTXVN', 'VOV', 'VTV', 'VHLKHCN', 'VHLKHXH']);
    for (const a of CENTRAL_AGENCIES.filter((x) => x.kind === 'government-agency')) {
      expect(a.region).toBe('VN');
      expect(a.parent).toBeUndefined();
    }
  });

  it('include every province as P + its code, with its region', () => {
    expect(PROVINCE_AGENCIES.map((a) => a.code)).toEqual(PROVINCE_CODES.map((c) => `P${c}`));
    expect(agencyByCode('P79')).toMatchObject({ kind: 'province', region: '79', shortName: { vi: 'Hồ Chí Minh' }, name: { vi: 'Ủy ban nhân dân Thành phố Hồ Chí Minh' } });
    expect(provinceAgencyCode('01')).toBe('P01');
    expect(isProvinceAgency('P01')).toBe(true);
    expect(isProvinceAgency('BTC')).toBe(false);
    expect(regionOfAgency('BTC')).toBe('VN');
    expect(regionOfAgency('P48')).toBe('48');
  });

  it('have unique ASCII codes; former codes are aliases', () => {
    expect(new Set(AGENCIES.map((a) => a.code)).size).toBe(AGENCIES.length);
    for (const a of AGENCIES) expect(a.code).toMatch(agencyCodeSyntax);
    for (const a of CENTRAL_AGENCIES) if (a.parent) expect(agencyByCode(a.parent)?.kind).toBe('ministry');
    expect(canonicalAgencyCode('TCTK')).toBe('CTK');
    expect(canonicalAgencyCode('CTK')).toBe('CTK');
    expect(canonicalAgencyCode('BKHDT')).toBeUndefined(); // merged into Finance: no successor code of its own
    expect(agencyCodeSchema.safeParse('P01').success).toBe(true);
    expect(agencyCodeSchema.safeParse('P02').success).toBe(false);
    expect(agencyCodeSchema.safeParse('TCTK').success).toBe(false);
  });
});
