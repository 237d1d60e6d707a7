/**
 * The pure bandit: the samplers draw from the distributions they claim (moments over many seeded draws), a seed
 * replays the same picks, and on a simulated population (bench/bandit-replay.ts) Thompson sampling converges on
 * the best variant of each (role, stage) context.
 */
import { DEFAULT_REPLAY, replayBandit } from '../../../../bench/bandit-replay';
import {
  betaSample,
  gammaSample,
  posteriorMean,
  seededRng,
  thompsonPick,
} from '../../../../subgraphs/coaching/learning/thompson';

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sq / n - mean * mean };
}

describe('samplers', () => {
  it.each([0.3, 1, 2.5, 40])('Gamma(%p) has mean k and variance k', (k) => {
    const rng = seededRng(7);
    const m = moments(() => gammaSample(k, rng), 40_000);
    expect(m.mean).toBeCloseTo(k, k > 10 ? 0 : 1);
    // the sample variance of a skewed Gamma is itself noisy: 10% over 40,000 draws
    expect(Math.abs(m.variance - k) / k).toBeLessThan(0.1);
  });

  it.each([
    [1, 1],
    [2, 8],
    [30, 5],
    [0.5, 0.5],
  ])('Beta(%p, %p) has mean a/(a+b) and the right variance, inside [0, 1]', (a, b) => {
    const rng = seededRng(11);
    let outside = 0;
    const m = moments(() => {
      const x = betaSample(a, b, rng);
      if (!(x >= 0 && x <= 1)) outside += 1;
      return x;
    }, 40_000);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(outside).toBe(0);
    expect(Math.abs(m.mean - mean)).toBeLessThan(0.01);
    expect(Math.abs(m.variance - variance) / variance).toBeLessThan(0.06);
  });

  it('rejects a shape that is not positive', () => {
    expect(() => gammaSample(0, seededRng(1))).toThrow(RangeError);
    expect(() => thompsonPick([], seededRng(1))).toThrow(RangeError);
  });

  it('posterior mean starts at one half under the uniform prior', () => {
    expect(posteriorMean(0, 0)).toBe(0.5);
    expect(posteriorMean(9, 0)).toBeCloseTo(10 / 11);
  });
});

describe('thompsonPick', () => {
  const arms = [
    { arm: 'A', successes: 3, failures: 7 },
    { arm: 'B', successes: 5, failures: 5 },
    { arm: 'C', successes: 0, failures: 0 },
  ];

  it('replays the same picks for the same seed', () => {
    const run = (seed: number) => {
      const rng = seededRng(seed);
      return Array.from({ length: 50 }, () => thompsonPick(arms, rng)).join('');
    };
    expect(run(5)).toBe(run(5));
    expect(run(5)).not.toBe(run(6));
  });

  it('picks each arm about as often as it is the best under the posterior', () => {
    const rng = seededRng(3);
    const clear = [
      { arm: 'weak', successes: 2, failures: 40 },
      { arm: 'strong', successes: 40, failures: 2 },
    ];
    const picks = Array.from({ length: 2_000 }, () => thompsonPick(clear, rng));
    expect(picks.filter((p) => p === 'strong').length).toBeGreaterThan(1_990);
    // an untried arm still gets explored against a mediocre one
    const explore = [
      { arm: 'known', successes: 30, failures: 30 },
      { arm: 'new', successes: 0, failures: 0 },
    ];
    const newPicks = Array.from({ length: 2_000 }, () => thompsonPick(explore, rng)).filter(
      (p) => p === 'new',
    ).length;
    expect(newPicks).toBeGreaterThan(700);
    expect(newPicks).toBeLessThan(1_300);
  });
});

describe('replay on a simulated population (bench/bandit-replay.ts)', () => {
  it('converges on the best variant of each context, with a fraction of uniform picking’s regret', () => {
    const r = replayBandit({ seed: DEFAULT_REPLAY.seed });
    expect(r.windows).toHaveLength(10);
    expect(r.lastThousandBestShare).toBeGreaterThanOrEqual(0.8);
    expect(r.windows.at(-1)!.banditBestShare).toBeGreaterThan(r.windows[0]!.uniformBestShare * 2);
    expect(r.banditRegret).toBeLessThan(r.uniformRegret / 5);
    expect(r.banditAcceptance).toBeGreaterThan(r.uniformAcceptance);
  });

  it('converges for other seeds too (not an accident of one)', () => {
    for (const seed of [1, 2, 3]) {
      expect(replayBandit({ seed, hintsPerContext: 2_000 }).lastThousandBestShare).toBeGreaterThanOrEqual(
        0.8,
      );
    }
  });
});
