/**
 * `npm run bench:bandit`: replays the coaching bandit (subgraphs/coaching/learning/thompson.ts, the sampler the
 * live path uses) on a simulated population. Each (role, stage) context has three variants whose true acceptance
 * is 0.20 / 0.30 / 0.45 — which variant is best differs by context — and receives `hintsPerContext` hints; each
 * hint's variant is picked by Thompson sampling from that context's own posteriors, and the simulated agent
 * accepts it with the variant's true probability. Uniform random picking on the same population is the
 * baseline. Printed: the share of picks that went to the best variant per window of 500 hints (averaged over
 * contexts), and cumulative regret (expected acceptances lost against always picking the best) for both.
 * Deterministic for a seed (`--seed N`, default 42); no platform, no network.
 */
import { thompsonPick, seededRng, type ArmCounts, type Rng } from '../subgraphs/coaching/learning/thompson';

export interface ReplayOptions {
  /** True acceptance per variant, best listed anywhere. */
  rates: readonly number[];
  contexts: number;
  hintsPerContext: number;
  window: number;
  seed: number;
}

export const DEFAULT_REPLAY: ReplayOptions = {
  rates: [0.2, 0.3, 0.45],
  contexts: 4,
  hintsPerContext: 5_000,
  window: 500,
  seed: 42,
};

export interface ReplayWindow {
  /** Hints 1-based [from, to] within each context. */
  from: number;
  to: number;
  /** Share of this window's picks (all contexts) that went to the context's best variant. */
  banditBestShare: number;
  uniformBestShare: number;
  /** Cumulative expected regret at the window's end, summed over contexts. */
  banditRegret: number;
  uniformRegret: number;
}

export interface ReplayResult {
  windows: ReplayWindow[];
  /** Share of best-variant picks in the last 1,000 hints of each context (all contexts). */
  lastThousandBestShare: number;
  banditRegret: number;
  uniformRegret: number;
  banditAcceptance: number;
  uniformAcceptance: number;
}

interface Policy {
  pick(ctx: number, rng: Rng): number;
  observe(ctx: number, arm: number, accepted: boolean): void;
}

function thompsonPolicy(contexts: number, arms: number): Policy {
  const counts: ArmCounts[][] = Array.from({ length: contexts }, () =>
    Array.from({ length: arms }, (_, i) => ({ arm: String(i), successes: 0, failures: 0 })),
  );
  return {
    pick: (ctx, rng) => Number(thompsonPick(counts[ctx]!, rng)),
    observe(ctx, arm, accepted) {
      const c = counts[ctx]![arm]!;
      if (accepted) c.successes += 1;
      else c.failures += 1;
    },
  };
}

function uniformPolicy(arms: number): Policy {
  return { pick: (_ctx, rng) => Math.floor(rng() * arms), observe: () => undefined };
}

/** Context c's variant rates: the base rates rotated by c, so each context has its own best variant. */
function contextRates(rates: readonly number[], ctx: number): number[] {
  return rates.map((_, i) => rates[(i + ctx) % rates.length]!);
}

interface PolicyRun {
  bestPerWindow: number[];
  regretAtWindow: number[];
  lastThousandBest: number;
  regret: number;
  accepted: number;
}

function runPolicy(policy: Policy, o: ReplayOptions, rng: Rng): PolicyRun {
  const windows = Math.ceil(o.hintsPerContext / o.window);
  const bestPerWindow = new Array<number>(windows).fill(0);
  const regretAtWindow = new Array<number>(windows).fill(0);
  let regret = 0;
  let accepted = 0;
  let lastThousandBest = 0;
  // Contexts interleave hint by hint, as a live tenant's traffic would.
  for (let h = 0; h < o.hintsPerContext; h++) {
    for (let ctx = 0; ctx < o.contexts; ctx++) {
      const rates = contextRates(o.rates, ctx);
      const best = rates.indexOf(Math.max(...rates));
      const arm = policy.pick(ctx, rng);
      const ok = rng() < rates[arm]!;
      policy.observe(ctx, arm, ok);
      regret += rates[best]! - rates[arm]!;
      if (ok) accepted += 1;
      if (arm === best) {
        bestPerWindow[Math.floor(h / o.window)]! += 1;
        if (h >= o.hintsPerContext - 1_000) lastThousandBest += 1;
      }
    }
    if ((h + 1) % o.window === 0 || h + 1 === o.hintsPerContext)
      regretAtWindow[Math.floor(h / o.window)] = regret;
  }
  return { bestPerWindow, regretAtWindow, lastThousandBest, regret, accepted };
}

export function replayBandit(opts: Partial<ReplayOptions> = {}): ReplayResult {
  const o: ReplayOptions = { ...DEFAULT_REPLAY, ...opts };
  const bandit = runPolicy(thompsonPolicy(o.contexts, o.rates.length), o, seededRng(o.seed));
  const uniform = runPolicy(uniformPolicy(o.rates.length), o, seededRng(o.seed + 1));
  const windows: ReplayWindow[] = bandit.bestPerWindow.map((_, w) => {
    const from = w * o.window + 1;
    const to = Math.min((w + 1) * o.window, o.hintsPerContext);
    const picks = (to - from + 1) * o.contexts;
    return {
      from,
      to,
      banditBestShare: bandit.bestPerWindow[w]! / picks,
      uniformBestShare: uniform.bestPerWindow[w]! / picks,
      banditRegret: bandit.regretAtWindow[w]!,
      uniformRegret: uniform.regretAtWindow[w]!,
    };
  });
  const total = o.hintsPerContext * o.contexts;
  return {
    windows,
    lastThousandBestShare: bandit.lastThousandBest / (Math.min(1_000, o.hintsPerContext) * o.contexts),
    banditRegret: bandit.regret,
    uniformRegret: uniform.regret,
    banditAcceptance: bandit.accepted / total,
    uniformAcceptance: uniform.accepted / total,
  };
}

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

export function formatReplay(r: ReplayResult, o: ReplayOptions): string {
  const lines = [
    `Thompson sampling replay: ${o.contexts} (role, stage) contexts × ${o.hintsPerContext} hints, ` +
      `variants with true acceptance ${o.rates.join(' / ')}, seed ${o.seed}`,
    '',
    '| hints (per context) | best-variant picks, bandit | best-variant picks, uniform | cumulative regret, bandit | cumulative regret, uniform |',
    '| ------------------- | -------------------------: | --------------------------: | ------------------------: | -------------------------: |',
    ...r.windows.map(
      (w) =>
        `| ${w.from}–${w.to} | ${pct(w.banditBestShare)} | ${pct(w.uniformBestShare)} | ` +
        `${w.banditRegret.toFixed(1)} | ${w.uniformRegret.toFixed(1)} |`,
    ),
    '',
    `best-variant picks in the last 1,000 hints per context: ${pct(r.lastThousandBestShare)}`,
    `acceptance: bandit ${pct(r.banditAcceptance)}, uniform ${pct(r.uniformAcceptance)} ` +
      `(best possible ${pct(Math.max(...o.rates))})`,
    `regret: bandit ${r.banditRegret.toFixed(1)} vs uniform ${r.uniformRegret.toFixed(1)} ` +
      `(${pct(1 - r.banditRegret / r.uniformRegret)} less)`,
  ];
  return lines.join('\n');
}

function main(argv: string[]): void {
  const i = argv.indexOf('--seed');
  const seed = i >= 0 ? Number(argv[i + 1]) : DEFAULT_REPLAY.seed;
  if (!Number.isSafeInteger(seed)) throw new Error('--seed takes an integer');
  const o = { ...DEFAULT_REPLAY, seed };
  process.stdout.write(`${formatReplay(replayBandit(o), o)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
