/**
 * What the catalogue knows about the legal documents its regimes cite: how a document
 * number is written, which laws have been replaced and by what, and which articles of
 * Decree 09/2019/NĐ-CP give the cut-off and the deadline. The regime schema (./schema.ts)
 * checks every regime's legal basis against these facts.
 */

/**
 * A document number: 09/2019/NĐ-CP, 89/2015/QH13, 293/QĐ-TTg, 01/2020/TT-VPCP. A citation
 * without one ("Luật Đầu tư công 2024") cannot be looked up.
 */
export const DOCUMENT_NUMBER = /\b\d{1,4}\/(?:\d{4}\/)?[A-ZĐ][A-Za-zĐ0-9]*(?:-[A-Za-zĐ0-9]+)*/u;

/** The number in a citation, e.g. "89/2015/QH13" in "Luật Thống kê 89/2015/QH13". */
export function documentNumber(citation: string): string | undefined {
  return DOCUMENT_NUMBER.exec(citation)?.[0];
}

export const DECREE_09 = '09/2019/NĐ-CP';
/** Decree 09/2019/NĐ-CP, art. 12: the data cut-off (thời gian chốt số liệu) of periodic reports. */
export const DECREE_09_CUTOFF_ARTICLE = 12;
/** Decree 09/2019/NĐ-CP, art. 13: the deadline (thời hạn gửi báo cáo) of periodic reports. */
export const DECREE_09_DEADLINE_ARTICLE = 13;

/** The article numbers a citation names: "Điều 12, Điều 13" → [12, 13]. */
export function articleNumbers(article: string | undefined): number[] {
  if (!article) return [];
  return [...article.matchAll(/Điều\s+(\d+)/gu)].map((m) => Number(m[1]));
}

export interface Supersession {
  /** The replaced document's number. */
  number: string;
  name: string;
  /** The number of the document that replaces it. */
  replacedBy: string;
  /** First day the replacement is in force (the replaced one applies up to the day before). */
  from: string;
}

/**
 * Laws the catalogue cites that were replaced while its regimes applied (from 2023): each
 * new law's final article repeals the old one on the day it takes effect. The Law on Public
 * Investment 58/2024/QH15 from 1 January 2025; the Law on Social Insurance 41/2024/QH15
 * from 1 July 2025; the Law on Employment 74/2025/QH15 and the Law on the State Budget
 * 89/2025/QH15 from 1 January 2026.
 */
export const SUPERSEDED_LAWS: readonly Supersession[] = Object.freeze([
  { number: '39/2019/QH14', name: 'Luật Đầu tư công', replacedBy: '58/2024/QH15', from: '2025-01-01' },
  { number: '58/2014/QH13', name: 'Luật Bảo hiểm xã hội', replacedBy: '41/2024/QH15', from: '2025-07-01' },
  { number: '38/2013/QH13', name: 'Luật Việc làm', replacedBy: '74/2025/QH15', from: '2026-01-01' },
  { number: '83/2015/QH13', name: 'Luật Ngân sách nhà nước', replacedBy: '89/2025/QH15', from: '2026-01-01' },
]);
