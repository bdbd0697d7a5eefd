import { z } from 'zod';
import { defineWidgetSpec, option } from '../define';

/**
 * The reporting-compliance board (tình hình chấp hành chế độ báo cáo): a matrix of
 * reporting agencies × regimes for one period per regime, each cell on time / late /
 * missing / not yet due.
 */

/** Same syntax as shared/regimes/schema.ts's regime codes (kept here so options stay light). */
const regimeCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+){0,5}$/, 'regime code: upper-case letters and digits in dash-separated words')
  .max(40);

export const complianceOptionsSchema = z
  .object({
    regimes: option(z.union([z.literal('all'), z.array(regimeCode).min(1).max(24)]).default('all'), {
      label: { vi: 'Chế độ báo cáo', en: 'Regimes' },
      help: {
        vi: '«all»: mọi chế độ mà cơ quan loại `rows` phải báo cáo (chế độ đột xuất chỉ khi liệt kê mã); hoặc danh sách mã, theo thứ tự cột',
        en: '"all": every regime whose reporters are of the `rows` kind (ad-hoc regimes only when listed); or a list of codes, in column order',
      },
    }),
    rows: option(z.enum(['provinces', 'agencies']).default('provinces'), {
      label: { vi: 'Hàng', en: 'Rows' },
      choices: { provinces: { vi: '34 tỉnh, thành phố', en: 'The 34 provinces' }, agencies: { vi: 'Các bộ, cơ quan trung ương', en: 'The central agencies' } },
    }),
    period: option(z.enum(['latest-due', 'current']).default('latest-due'), {
      label: { vi: 'Kỳ của mỗi chế độ', en: 'Period of each regime' },
      choices: {
        'latest-due': { vi: 'Kỳ mới nhất đã quá hạn (mọi báo cáo đã gửi hoặc thiếu)', en: 'The newest whose deadline has passed (every report in or missing)' },
        current: { vi: 'Kỳ mới nhất đang có (có thể chưa đến hạn)', en: 'The newest the feed carries (may still be open)' },
      },
    }),
    sort: option(z.enum(['worst-first', 'official', 'name']).default('worst-first'), {
      label: { vi: 'Sắp xếp hàng', en: 'Row order' },
      choices: {
        'worst-first': { vi: 'Thiếu nhiều nhất, rồi trễ nhiều nhất trước', en: 'Most missing, then most late, first' },
        official: { vi: 'Theo mã chính thức', en: 'Official code order' },
        name: { vi: 'Theo tên', en: 'By name' },
      },
    }),
    onlyProblems: option(z.boolean().default(false), {
      label: { vi: 'Chỉ hàng có vấn đề', en: 'Only rows with problems' },
      help: { vi: 'Chỉ liệt kê hàng có báo cáo trễ hoặc thiếu (phần đầu vẫn đếm tất cả)', en: 'List only rows with a late or missing report (the header still counts everyone)' },
    }),
    rowsPerPage: option(z.number().int().min(4).max(10).default(9), {
      label: { vi: 'Số hàng mỗi trang', en: 'Rows per page' },
      help: { vi: 'Cỡ chữ theo số hàng này và không nhỏ hơn; nhiều hàng hơn thì chia trang', en: 'Type is sized for this many rows and never shrinks; more rows make more pages' },
    }),
    pageSeconds: option(z.number().int().min(4).max(120).default(12), {
      label: { vi: 'Thời gian mỗi trang', en: 'Time per page' },
      unit: { vi: 'giây', en: 'seconds' },
    }),
  })
  .strict();
export type ComplianceOptions = z.infer<typeof complianceOptionsSchema>;

export const complianceSpec = defineWidgetSpec({
  id: 'compliance',
  name: { vi: 'Tình hình chấp hành chế độ báo cáo', en: 'Reporting compliance' },
  description: {
    vi: 'Bảng cơ quan báo cáo × chế độ báo cáo: đúng hạn, trễ hạn, chưa gửi, chưa đến hạn',
    en: 'Reporting agencies × regimes: on time, late, missing, not yet due',
  },
  optionsSchema: complianceOptionsSchema,
  optionsVersion: 1,
  migrations: {},
  binding: 'none',
  // rows at 60 % of 66cqh / rowsPerPage; with the most rows a page allows (10): 3.96cqh
  legibility: {
    smallestTextFraction: 0.039,
    // The rows' text is 60 % of 66cqh / rowsPerPage, at most 6cqh (rowFontCqh in the
    // renderer's model); everything else is at least 5.4cqh (compliance.css).
    smallestTextFractionFor: (options) => {
      const rows = typeof options.rowsPerPage === 'number' ? options.rowsPerPage : 10;
      return Math.min(0.06, (0.66 / rows) * 0.6, 0.054);
    },
  },
});
