import { describe, expect, it } from 'vitest';
import { rankChange, rankScores, rankText } from '../../shared/rankings';

const scores = (pairs: Array<[string, number]>) => pairs.map(([code, value]) => ({ code, value }));

describe('rank derivation', () => {
  it('higher is better: the highest score is first', () => {
    const r = rankScores(scores([['01', 62.1], ['79', 70.4], ['48', 68.9]]), 'up');
    expect(r.rows.map((x) => [x.code, x.rank])).toEqual([['79', 1], ['48', 2], ['01', 3]]);
    expect(r.total).toBe(3);
  });

  it('lower is better: the lowest score is first', () => {
    const r = rankScores(scores([['01', 12], ['79', 3], ['48', 7]]), 'down');
    expect(r.rows.map((x) => [x.code, x.rank])).toEqual([['79', 1], ['48', 2], ['01', 3]]);
  });

  it('ties share a rank and the next rank skips (1, 2, 2, 4), listed by code', () => {
    const r = rankScores(scores([['92', 70.12], ['01', 75], ['48', 70.12], ['79', 65]]), 'up');
    expect(r.rows.map((x) => [x.code, x.rank, x.tied])).toEqual([
      ['01', 1, false],
      ['48', 2, true],
      ['92', 2, true],
      ['79', 4, false],
    ]);
    expect(rankText(r.rankOf('92')!, r.total)).toBe('hạng 2/4 (đồng hạng)');
    expect(rankText(r.rankOf('79')!, r.total, 'en')).toBe('rank 4/4');
  });

  it('a tie at the bottom of a lower-is-better ranking', () => {
    const r = rankScores(scores([['01', 5], ['79', 9], ['48', 9]]), 'down');
    expect(r.rows.map((x) => x.rank)).toEqual([1, 2, 2]);
  });

  it('ranks only finite scores: the total counts them', () => {
    const r = rankScores(scores([['01', Number.NaN], ['79', 1], ['48', Number.POSITIVE_INFINITY], ['92', 2]]), 'up');
    expect(r.rows.map((x) => x.code)).toEqual(['92', '79']);
    expect(r.total).toBe(2);
    expect(r.rankOf('01')).toBeUndefined();
    expect(rankText(r.rankOf('79')!, r.total)).toBe('hạng 2/2');
  });

  it('neutral ranks highest first, as up does', () => {
    expect(rankScores(scores([['01', 1], ['79', 2]]), 'neutral').rows.map((x) => x.code)).toEqual(['79', '01']);
  });

  it('the change of rank is positive when a province climbs', () => {
    expect(rankChange(3, 7)).toBe(4);
    expect(rankChange(7, 3)).toBe(-4);
    expect(rankChange(5, 5)).toBe(0);
    expect(rankChange(5, undefined)).toBeNull();
    expect(rankChange(undefined, 5)).toBeNull();
  });
});
