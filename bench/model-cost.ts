/**
 * Model cost on a replayed workload (issue 13): what the coaching engine spends on Claude for the same turns,
 * (A) always on the large model with no prompt cache, against (B) the platform's defaults — the offline coach
 * answers the turns it is sure of (COACH_MODEL_WHEN_CONFIDENCE_BELOW), the others go to Haiku (QUICK) or Sonnet
 * (DEEP) with the cached prompt prefix; and (C) between them, every turn to Haiku/Sonnet with the cache, no offline
 * answers. Every call goes through the real engine and `@anthropic-ai/sdk` to the
 * fake Anthropic API on loopback, which reports cache creation / read tokens by the API's rules
 * (tests/fixtures/fake-anthropic-cache.ts); prices are engine/pricing.ts's.
 *
 *   node -r @swc-node/register bench/model-cost.ts [--deep-every 10] [--threshold 0.75] FILE.jsonl…
 *
 * The workload is one QUICK turn per labelled conversation (coaching-devset.md format), plus a DEEP request
 * (a manager's question) every `--deep-every` turns. The fake model answers each turn with the conversation's
 * labelled category (an "oracle" model), so arm A's categories are the labels by construction; the figure that
 * matters is how many of arm B's primary hints keep the category arm A gave (the offline coach answers some
 * turns itself). That agreement is only honest on files the coach was never trained or tuned on.
 */
import { randomUUID } from 'node:crypto';
import { MemoryCache } from '../core/cache/memory-cache';
import { ConversationStage, Experience, HintCategory } from '../core/vocabulary';
import { createCoachingEngine } from '../subgraphs/coaching/engine';
import { costMicros } from '../subgraphs/coaching/engine/pricing';
import type { CoachingKind, CoachRequest, CoachResult } from '../subgraphs/coaching/engine/types';
import { loadExamples, type Example } from '../tools/coach/examples';
import { start, type FakeAnthropic } from '../tests/fixtures/fake-anthropic';

const LARGE = 'claude-sonnet-4-6';
const EXPERIENCES = Object.values(Experience);

interface Args {
  files: string[];
  deepEvery: number;
  threshold: number;
}

interface Turn {
  ex: Example;
  kind: CoachingKind;
}

interface ArmTotals {
  turns: number;
  modelCalls: number;
  byModel: Map<string, number>;
  micros: number;
  /** Primary category per turn, in workload order. */
  categories: (HintCategory | undefined)[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { files: [], deepEvery: 10, threshold: 0.75 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--deep-every') args.deepEvery = Number(argv[++i]);
    else if (a === '--threshold') args.threshold = Number(argv[++i]);
    else args.files.push(a);
  }
  if (args.files.length === 0) throw new Error('usage: model-cost.ts [--deep-every N] [--threshold T] FILE…');
  return args;
}

function workload(files: string[], deepEvery: number): Turn[] {
  const examples = files.flatMap((f) => loadExamples(f));
  return examples.map((ex, i) => ({
    ex,
    kind: deepEvery > 0 && (i + 1) % deepEvery === 0 ? 'DEEP' : 'QUICK',
  }));
}

function requestOf(t: Turn, i: number): CoachRequest {
  return {
    tenantId: `tenant-${i % 3}`,
    sessionId: randomUUID(),
    agent: {
      role: t.ex.agentRole,
      experience: t.ex.experience ?? EXPERIENCES[i % EXPERIENCES.length]!,
      specializations: t.ex.specializations ?? [],
    },
    stage: t.ex.stage ?? ConversationStage.INITIAL_CONTACT,
    turns: t.ex.turns,
    known: {},
    kind: t.kind,
    ...(t.kind === 'DEEP' ? { question: 'What should I focus on with this lead next?' } : {}),
  };
}

/** The fake model answers with the conversation's labelled category (and objection); ~80 output tokens. */
function oracle(fake: FakeAnthropic, ex: Example): void {
  const hint = {
    category: ex.expect.category,
    ...(ex.expect.objection ? { objection: ex.expect.objection } : {}),
    text: 'Acknowledge the concern, then offer one concrete next step with a time.',
    rationale: 'Keeps the lead moving.',
    confidence: 0.8,
  };
  fake.respond(() => ({ hints: [hint], outputTokens: 80 }));
}

/** Arm A's bill: every input token at the large model's input price, as if nothing had been cached. */
function uncachedMicros(r: CoachResult): number {
  return costMicros(r.model, {
    inputTokens: r.tokensIn,
    outputTokens: r.tokensOut,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
  });
}

/** A: the large model for everything, billed uncached; C: default models, every turn; B: defaults. */
type Arm = 'A' | 'B' | 'C';

async function runArm(turns: Turn[], arm: Arm, threshold: number): Promise<ArmTotals> {
  const fake = await start();
  const engine = createCoachingEngine({
    anthropic: { apiKey: 'sk-bench', baseURL: fake.url, maxRetries: 0 },
    cache: new MemoryCache(),
    ...(arm === 'A' ? { defaultModels: { quick: LARGE, deep: LARGE } } : {}),
    modelWhenConfidenceBelow: arm === 'B' ? threshold : 1,
  });
  const totals: ArmTotals = { turns: 0, modelCalls: 0, byModel: new Map(), micros: 0, categories: [] };
  try {
    for (const [i, t] of turns.entries()) {
      oracle(fake, t.ex);
      const r = await engine.run(requestOf(t, i));
      totals.turns++;
      totals.byModel.set(r.model, (totals.byModel.get(r.model) ?? 0) + 1);
      if (r.provider === 'anthropic') totals.modelCalls++;
      totals.micros += arm === 'A' ? uncachedMicros(r) : r.costMicros;
      totals.categories.push(r.hints[0]?.category);
    }
  } finally {
    await engine.close?.();
    await fake.close();
  }
  return totals;
}

function agreement(a: ArmTotals, b: ArmTotals): number {
  let same = 0;
  for (let i = 0; i < a.categories.length; i++) if (a.categories[i] === b.categories[i]) same++;
  return same / Math.max(1, a.categories.length);
}

function row(name: string, t: ArmTotals, base: ArmTotals): string {
  const models = [...t.byModel.entries()].map(([m, n]) => `${m} ${n}`).join(', ');
  const cells = [
    name,
    t.turns,
    t.modelCalls,
    models,
    (t.micros / 1e6).toFixed(4),
    Math.round(t.micros / t.turns),
    `${((100 * t.micros) / base.micros).toFixed(1)} %`,
    `${(100 * agreement(base, t)).toFixed(1)} %`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const turns = workload(args.files, args.deepEvery);
  const deep = turns.filter((t) => t.kind === 'DEEP').length;
  const a = await runArm(turns, 'A', args.threshold);
  const c = await runArm(turns, 'C', args.threshold);
  const b = await runArm(turns, 'B', args.threshold);
  const lines = [
    `Model cost on ${turns.length} replayed turns (${turns.length - deep} QUICK, ${deep} DEEP) from ${args.files.join(', ')}; fake API, estimated tokens, threshold ${args.threshold}`,
    '',
    '| arm | turns | model calls | answered by | USD | µ$/turn | cost vs A | same primary category as A |',
    '|---|---:|---:|---|---:|---:|---:|---:|',
    row(`A: always ${LARGE}, no prompt cache`, a, a),
    row('C: every turn to the model, Haiku QUICK / Sonnet DEEP, cached prefix', c, a),
    row('B: platform defaults (offline when sure, Haiku QUICK / Sonnet DEEP, cached prefix)', b, a),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
