import { describe, expect, it } from 'vitest';
import { ClockEstimator, estimateOffset } from '../../shared/briefing/clock';
import { mulberry32 } from '../../shared/random';

describe('clock offset estimate', () => {
  it('is exact for a symmetric exchange', () => {
    // Local clock 250 ms behind the server; 10 ms each way.
    expect(estimateOffset([{ t0: 1000, t1: 1260, t2: 1020 }])).toEqual({ offsetMs: 250, rttMs: 20, samples: 1 });
  });

  it('keeps the smallest round trips: slow, lopsided replies do not pull it off', () => {
    const est = new ClockEstimator();
    const rand = mulberry32(7);
    const trueOffset = -40;
    for (let i = 0; i < 40; i++) {
      const t0 = i * 100;
      const up = 1 + rand() * 2;
      // One in four stalls on the way back (a busy page): up to 200 ms one way.
      const down = i % 4 === 0 ? 50 + rand() * 150 : 1 + rand() * 2;
      est.add({ t0, t1: t0 + up + trueOffset, t2: t0 + up + down });
    }
    const e = est.estimate()!;
    expect(e.samples).toBe(16);
    expect(Math.abs(e.offsetMs - trueOffset)).toBeLessThan(e.rttMs / 2 + 1e-9);
    expect(e.rttMs).toBeLessThan(6);
  });

  it('drops a reply that came back before it left, and knows nothing of no samples', () => {
    const est = new ClockEstimator();
    est.add({ t0: 100, t1: 5, t2: 90 });
    expect(est.estimate()).toBeNull();
  });
});
