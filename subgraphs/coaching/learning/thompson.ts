/**
 * Thompson sampling over Bernoulli arms — pure, no I/O. Each arm's success probability has a Beta posterior:
 * prior Beta(1, 1) (uniform), then Beta(1 + successes, 1 + failures). To pick, draw one sample from every
 * arm's posterior and take the largest: an arm is chosen with the probability that it is the best one, so
 * uncertain arms still get tried while a clearly better arm takes over.
 *
 * Beta sampling: X ~ Gamma(a), Y ~ Gamma(b) ⇒ X / (X + Y) ~ Beta(a, b). Gamma(k) for k ≥ 1 by Marsaglia &
 * Tsang, "A simple method for generating gamma variables" (ACM TOMS 26(3), 2000): d = k − 1/3,
 * c = 1/√(9d); repeat v = (1 + c·z)³ with z ~ N(0,1) until ln u < z²/2 + d − d·v + d·ln v; return d·v.
 * For k < 1 the same paper's boost: Gamma(k) = Gamma(k + 1) · u^(1/k). Normals by Box–Muller. (No npm
 * package was added for these ~30 lines: the pinned dependency set is kept small.)
 *
 * Every random draw goes through an injected `Rng`, so a seed replays the same decisions (tests, bench).
 */

/** Uniform in [0, 1). `Math.random` in production; `seededRng` where a run must replay. */
export type Rng = () => number;

/** mulberry32: a small, fast 32-bit PRNG (uniform in [0, 1)), good enough for simulation, not for secrets. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform draw in (0, 1): never 0, so logarithms stay finite. */
function open01(rng: Rng): number {
  let u = rng();
  while (u <= 0) u = rng();
  return u;
}

/** Standard normal (Box–Muller). */
export function normalSample(rng: Rng): number {
  const u1 = open01(rng);
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Gamma(shape, 1), shape > 0 (Marsaglia–Tsang; boosted for shape < 1). */
export function gammaSample(shape: number, rng: Rng): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be > 0: ${shape}`);
  if (shape < 1) return gammaSample(shape + 1, rng) * Math.pow(open01(rng), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let z: number;
    let v: number;
    do {
      z = normalSample(rng);
      v = 1 + c * z;
    } while (v <= 0);
    v = v * v * v;
    const u = open01(rng);
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Beta(a, b), a, b > 0. */
export function betaSample(a: number, b: number, rng: Rng): number {
  const x = gammaSample(a, rng);
  const y = gammaSample(b, rng);
  return x / (x + y);
}

/** What is known of one arm: Bernoulli outcomes observed so far. */
export interface ArmCounts<A extends string = string> {
  arm: A;
  successes: number;
  failures: number;
}

/** The prior Beta(1, 1): every arm starts uniform. */
export const PRIOR_ALPHA = 1;
export const PRIOR_BETA = 1;

/** The posterior mean (1 + s) / (2 + s + f). */
export function posteriorMean(successes: number, failures: number): number {
  return (PRIOR_ALPHA + successes) / (PRIOR_ALPHA + PRIOR_BETA + successes + failures);
}

/**
 * Thompson sampling: one posterior draw per arm, the largest wins. `arms` lists every candidate (an arm with
 * no observations is given as 0/0); ties go to the earlier arm. Throws on an empty list.
 */
export function thompsonPick<A extends string>(arms: readonly ArmCounts<A>[], rng: Rng): A {
  let best: A | undefined;
  let bestDraw = -1;
  for (const a of arms) {
    const draw = betaSample(
      PRIOR_ALPHA + Math.max(0, a.successes),
      PRIOR_BETA + Math.max(0, a.failures),
      rng,
    );
    if (draw > bestDraw) {
      bestDraw = draw;
      best = a.arm;
    }
  }
  if (best === undefined) throw new RangeError('thompsonPick needs at least one arm');
  return best;
}
