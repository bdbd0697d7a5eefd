import { describe, expect, it } from 'vitest';
import { formatAge, formatDay, formatPeriod } from '../../shared/format/date';
import { formatNumber, formatSigned, formatValue } from '../../shared/format/number';

describe('vi-VN numbers', () => {
  it('groups thousands with "." and uses "," for decimals', () => {
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
  });

  it('keeps the precision the report gave, at most two decimals', () => {
    expect(formatValue(11511.9, 'nghìn tỷ đồng')).toBe('11.511,9');
    expect(formatValue(8.02, '% so với cùng kỳ')).toBe('8,02');
    expect(formatValue(514, 'tỷ USD')).toBe('514');
    expect(formatValue(3.14159, '%')).toBe('3,14');
    expect(formatValue(21691, 'vụ')).toBe('21.691');
    expect(formatValue(233000.4, 'doanh nghiệp')).toBe('233.000');
  });

  it('signs changes with a real minus and no sign on zero', () => {
    expect(formatSigned(1.234)).toBe('+1,23');
    expect(formatSigned(-0.4)).toBe('−0,40');
    expect(formatSigned(0.001)).toBe('0,00');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('dates and periods', () => {
  it('writes days as dd/mm/yyyy', () => {
    expect(formatDay('2025-07-01')).toBe('01/07/2025');
  });

  it('names periods as a reader says them', () => {
    expect(formatPeriod('2025-Q4')).toBe('Quý 4/2025');
    expect(formatPeriod('2024-01')).toBe('Tháng 01/2024');
    expect(formatPeriod('2024')).toBe('Năm 2024');
    expect(formatPeriod('2025-H1')).toBe('6 tháng đầu năm 2025');
    expect(formatPeriod('2023-12-15..2024-11-14')).toBe('15/12/2023–14/11/2024');
    expect(formatPeriod('2025-Q4', 'en')).toBe('Q4 2025');
  });

  it('says how old a figure is', () => {
    expect(formatAge(30_000)).toBe('vừa xong');
    expect(formatAge(5 * 60_000)).toBe('5 phút trước');
    expect(formatAge(3 * 86_400_000)).toBe('3 ngày trước');
    expect(formatAge(3 * 86_400_000, 'en')).toBe('3 days ago');
  });
});
