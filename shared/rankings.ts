import type { Direction } from './protocol/model';

/**
 * Ranks of the provinces by one score (PCI, PAPI, PAR Index, SIPAS, the service index, or
 * any province-level indicator), derived, never stored: the score is the published figure,
 * the rank follows from the scores of the same year and the indicator's direction.
 *
 * - `up` (higher is better, every published ranking so far) puts the highest score first;
 *   `down` the lowest. `neutral` has no better end: it ranks like `up`, highest first.
 * - Ties share a rank and the next rank skips ("1, 2, 2, 4"), as the publishers print them
 *   (VCCI's PCI tables): two provinces at 70,12 are both «hạng 2», the next is «hạng 4».
 * - Only finite scores are ranked; `total` is how many were, so «hạng 5/33» when a province
 *   has no figure that year.
 */

export interface Scored {
  code: string;
  value: number;
}

export interface Ranked extends Scored {
  /** 1 is the best. */
  rank: number;
  /** Whether another province shares the rank. */
  tied: boolean;
}

export interface Ranking {
  rows: Ranked[];
  total: number;
  /** The rank of a province, or undefined when it has no finite score. */
  rankOf(code: string): Ranked | undefined;
}

/** The order in which a direction ranks two scores: negative when `a` ranks before `b`. */
export function compareScores(a: number, b: number, direction: Direction): number {
  return direction === 'down' ? a - b : b - a;
}

/**
 * The ranking of `scores`, best first. Provinces of equal score are listed by code so that
 * the order is stable; their rank is the same.
 */
export function rankScores(scores: readonly Scored[], direction: Direction): Ranking {
  const finite = scores.filter((s) => Number.isFinite(s.value));
  const sorted = [...finite].sort((a, b) => compareScores(a.value, b.value, direction) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const rows: Ranked[] = [];
  sorted.forEach((s, i) => {
    const previous = rows[i - 1];
    const rank = previous && previous.value === s.value ? previous.rank : i + 1;
    rows.push({ code: s.code, value: s.value, rank, tied: false });
  });
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.rank, (counts.get(r.rank) ?? 0) + 1);
  for (const r of rows) r.tied = (counts.get(r.rank) ?? 0) > 1;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return { rows, total: rows.length, rankOf: (code) => byCode.get(code) };
}

/**
 * How a province's rank moved since the previous ranking: positive when it climbed (from
 * 7th to 3rd is +4), negative when it fell, 0 when it held, null when either year has no rank.
 */
export function rankChange(now: number | undefined, before: number | undefined): number | null {
  return now === undefined || before === undefined ? null : before - now;
}

/** «hạng 3/34» (vi) / "rank 3/34" (en); a shared rank says so: «hạng 2/34 (đồng hạng)». */
export function rankText(ranked: Pick<Ranked, 'rank' | 'tied'>, total: number, lang: 'vi' | 'en' = 'vi'): string {
  if (lang === 'en') return `rank ${ranked.rank}/${total}${ranked.tied ? ' (tied)' : ''}`;
  return `hạng ${ranked.rank}/${total}${ranked.tied ? ' (đồng hạng)' : ''}`;
}
