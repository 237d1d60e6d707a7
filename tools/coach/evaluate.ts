/**
 * Evaluator for the coach on labelled examples (coaching-devset.md format):
 * category accuracy, slot accuracy (expected slots extracted with exactly the expected value, areas as sets,
 * ÷ (expected slots + extracted slots that were not expected)), a confusion table and the misses.
 */
import { readFileSync } from 'node:fs';
import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  PropertyType,
  Speaker,
  Specialization,
} from '../../core/vocabulary';
import {
  SCORED_SLOT_KEYS,
  type CoachInput,
  type HintDraft,
  type ScoredSlotKey,
  type Slots,
  type Turn,
} from '../../subgraphs/coaching/coach/types';

export type ExpectedSlots = Partial<Pick<Slots, ScoredSlotKey>>;

export interface Example {
  id: string;
  agentRole: AgentRole;
  turns: Turn[];
  expect: { category: HintCategory; objection?: ObjectionType; slots: ExpectedSlots };
  /** Optional extras for hand-written examples. */
  experience?: Experience;
  stage?: ConversationStage;
  specializations?: Specialization[];
  /** Reference date (ISO) for relative timelines ("by June") in this example. */
  now?: string;
}

export type CoachFn = (input: CoachInput) => { hints: HintDraft[]; slots: Slots };

export interface SlotError {
  slot: ScoredSlotKey;
  kind: 'missing' | 'wrong' | 'unexpected';
  expected?: unknown;
  got?: unknown;
}

export interface Miss {
  id: string;
  expectedCategory: HintCategory;
  expectedObjection?: ObjectionType;
  gotCategory: HintCategory | null;
  gotObjection?: ObjectionType;
  categoryCorrect: boolean;
  slotErrors: SlotError[];
  lastLeadText: string;
}

export interface EvalResult {
  total: number;
  categoryCorrect: number;
  categoryAccuracy: number;
  /** Among examples expecting OBJECTION_HANDLING with a type: how many got the type right too (informational). */
  objectionCorrect: number;
  objectionTotal: number;
  slotCorrect: number;
  slotDenominator: number;
  slotAccuracy: number;
  /** confusion[expected][predicted] = count ('NONE' when the coach gave no hint). */
  confusion: Record<string, Record<string, number>>;
  misses: Miss[];
}

/** An examples file that cannot be read or holds an invalid line. */
export class ExampleFileError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly source: string,
    readonly line?: number,
  ) {
    super(line !== undefined ? `${source}:${line}: ${message}` : `${source}: ${message}`);
    this.name = 'ExampleFileError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(values: Record<string, T>, v: unknown): v is T =>
  typeof v === 'string' && (Object.values(values) as string[]).includes(v);

function validateSlots(raw: unknown, fail: (msg: string) => never): ExpectedSlots {
  if (!isObject(raw)) fail('"expect.slots" must be an object');
  const slots: ExpectedSlots = {};
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'budget':
      case 'priceExpectation':
      case 'timelineMonths':
      case 'bedrooms':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
          fail(`slot "${key}" must be a non-negative number`);
        slots[key] = value;
        break;
      case 'preApproved':
        if (typeof value !== 'boolean') fail('slot "preApproved" must be a boolean');
        slots.preApproved = value;
        break;
      case 'propertyType':
        if (!oneOf(PropertyType, value))
          fail(`slot "propertyType" must be one of ${Object.values(PropertyType).join(', ')}`);
        slots.propertyType = value;
        break;
      case 'areas':
        if (!Array.isArray(value) || !value.every((a) => typeof a === 'string'))
          fail('slot "areas" must be an array of strings');
        slots.areas = value as string[];
        break;
      default:
        fail(`unknown slot "${key}" (expected one of ${SCORED_SLOT_KEYS.join(', ')})`);
    }
  }
  return slots;
}

function validateExample(raw: unknown, fail: (msg: string) => never): Example {
  if (!isObject(raw)) fail('each line must be a JSON object');
  if (typeof raw.id !== 'string' || raw.id.length === 0) fail('"id" must be a non-empty string');
  if (!oneOf(AgentRole, raw.agentRole))
    fail(`"agentRole" must be one of ${Object.values(AgentRole).join(', ')}`);
  if (!Array.isArray(raw.turns) || raw.turns.length === 0) fail('"turns" must be a non-empty array');
  const turns: Turn[] = raw.turns.map((t: unknown, i: number) => {
    if (!isObject(t) || !oneOf(Speaker, t.speaker) || typeof t.text !== 'string') {
      fail(`turn ${i + 1} must be {"speaker": "LEAD"|"AGENT", "text": string}`);
    }
    return { speaker: t.speaker, text: t.text };
  });
  const expect = raw.expect;
  if (!isObject(expect)) fail('"expect" must be an object');
  if (!oneOf(HintCategory, expect.category))
    fail(`"expect.category" must be one of ${Object.values(HintCategory).join(', ')}`);
  const example: Example = {
    id: raw.id,
    agentRole: raw.agentRole,
    turns,
    expect: { category: expect.category, slots: validateSlots(expect.slots ?? {}, fail) },
  };
  if (expect.objection !== undefined && expect.objection !== null) {
    if (!oneOf(ObjectionType, expect.objection))
      fail(`"expect.objection" must be one of ${Object.values(ObjectionType).join(', ')}`);
    example.expect.objection = expect.objection;
  }
  if (raw.experience !== undefined) {
    if (!oneOf(Experience, raw.experience)) fail('"experience" is not a known Experience');
    example.experience = raw.experience;
  }
  if (raw.stage !== undefined) {
    if (!oneOf(ConversationStage, raw.stage)) fail('"stage" is not a known ConversationStage');
    example.stage = raw.stage;
  }
  if (raw.now !== undefined) {
    if (typeof raw.now !== 'string' || Number.isNaN(Date.parse(raw.now)))
      fail('"now" must be an ISO date string');
    example.now = raw.now;
  }
  if (raw.specializations !== undefined) {
    if (!Array.isArray(raw.specializations) || !raw.specializations.every((s) => oneOf(Specialization, s))) {
      fail('"specializations" must be an array of Specialization values');
    }
    example.specializations = raw.specializations as Specialization[];
  }
  return example;
}

/** Parses JSONL text into validated examples; throws ExampleFileError naming the bad line. */
export function parseExamples(text: string, source = 'input'): Example[] {
  const examples: Example[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim().length === 0) return;
    const fail = (msg: string): never => {
      throw new ExampleFileError(msg, source, i + 1);
    };
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      fail(`invalid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const example = validateExample(raw, fail);
    if (ids.has(example.id)) fail(`duplicate id "${example.id}"`);
    ids.add(example.id);
    examples.push(example);
  });
  if (examples.length === 0) throw new ExampleFileError('no examples found', source);
  return examples;
}

/** Reads and validates a JSONL examples file. */
export function loadExamples(path: string): Example[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ExampleFileError(
      `cannot read file (${err instanceof Error ? err.message : String(err)})`,
      path,
    );
  }
  return parseExamples(text, path);
}

function present(key: ScoredSlotKey, slots: Partial<Slots>): boolean {
  const v = slots[key];
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
}

const normAreas = (a: string[]): string[] => [...new Set(a.map((x) => x.trim().toLowerCase()))].sort();

function sameValue(key: ScoredSlotKey, expected: unknown, got: unknown): boolean {
  if (key === 'areas') {
    if (!Array.isArray(expected) || !Array.isArray(got)) return false;
    const a = normAreas(expected as string[]);
    const b = normAreas(got as string[]);
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return expected === got;
}

/** Compares extracted slots to expected ones; only the seven scored slots count. */
export function compareSlots(
  expected: ExpectedSlots,
  got: Slots,
): { correct: number; denominator: number; errors: SlotError[] } {
  let correct = 0;
  let denominator = 0;
  const errors: SlotError[] = [];
  for (const key of SCORED_SLOT_KEYS) {
    const e = present(key, expected);
    const g = present(key, got);
    if (e) {
      denominator++;
      if (g && sameValue(key, expected[key], got[key])) correct++;
      else
        errors.push(
          g
            ? { slot: key, kind: 'wrong', expected: expected[key], got: got[key] }
            : { slot: key, kind: 'missing', expected: expected[key] },
        );
    } else if (g) {
      denominator++;
      errors.push({ slot: key, kind: 'unexpected', got: got[key] });
    }
  }
  return { correct, denominator, errors };
}

/** Runs the coach on every example and scores it. */
export function evaluate(examples: Example[], coachFn: CoachFn, options: { now?: string } = {}): EvalResult {
  let categoryCorrect = 0;
  let objectionCorrect = 0;
  let objectionTotal = 0;
  let slotCorrect = 0;
  let slotDenominator = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const misses: Miss[] = [];
  for (const ex of examples) {
    const input: CoachInput = {
      agent: {
        role: ex.agentRole,
        experience: ex.experience ?? Experience.EXPERIENCED,
        specializations: ex.specializations ?? [],
      },
      stage: ex.stage ?? ConversationStage.INITIAL_CONTACT,
      turns: ex.turns,
    };
    const now = ex.now ?? options.now;
    if (now !== undefined) input.now = now;
    const out = coachFn(input);
    const primary = out.hints[0];
    const got = primary?.category ?? null;
    const row = (confusion[ex.expect.category] ??= {});
    row[got ?? 'NONE'] = (row[got ?? 'NONE'] ?? 0) + 1;
    const categoryOk = got === ex.expect.category;
    if (categoryOk) categoryCorrect++;
    if (ex.expect.category === HintCategory.OBJECTION_HANDLING && ex.expect.objection !== undefined) {
      objectionTotal++;
      if (categoryOk && primary?.objection === ex.expect.objection) objectionCorrect++;
    }
    const slots = compareSlots(ex.expect.slots, out.slots);
    slotCorrect += slots.correct;
    slotDenominator += slots.denominator;
    const objectionWrong =
      categoryOk && ex.expect.objection !== undefined && primary?.objection !== ex.expect.objection;
    if (!categoryOk || slots.errors.length > 0 || objectionWrong) {
      const miss: Miss = {
        id: ex.id,
        expectedCategory: ex.expect.category,
        gotCategory: got,
        categoryCorrect: categoryOk,
        slotErrors: slots.errors,
        lastLeadText: [...ex.turns].reverse().find((t) => t.speaker === Speaker.LEAD)?.text ?? '',
      };
      if (ex.expect.objection !== undefined) miss.expectedObjection = ex.expect.objection;
      if (primary?.objection !== undefined) miss.gotObjection = primary.objection;
      misses.push(miss);
    }
  }
  const total = examples.length;
  return {
    total,
    categoryCorrect,
    categoryAccuracy: total === 0 ? 0 : categoryCorrect / total,
    objectionCorrect,
    objectionTotal,
    slotCorrect,
    slotDenominator,
    slotAccuracy: slotDenominator === 0 ? 1 : slotCorrect / slotDenominator,
    confusion,
    misses,
  };
}

const ABBREV: Record<string, string> = {
  OBJECTION_HANDLING: 'OBJ',
  QUALIFYING_QUESTION: 'QUAL',
  NEXT_STEP: 'NEXT',
  COMPLIANCE_WARNING: 'COMPL',
  RAPPORT: 'RAPP',
  INFORMATION: 'INFO',
  NONE: 'NONE',
};

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** Human-readable report: both accuracies, the confusion table (rows = expected) and the misses. */
export function formatReport(result: EvalResult): string {
  const lines: string[] = [];
  lines.push(`examples: ${result.total}`);
  lines.push(
    `category accuracy: ${pct(result.categoryAccuracy)} (${result.categoryCorrect}/${result.total})`,
  );
  lines.push(
    `slot accuracy:     ${pct(result.slotAccuracy)} (${result.slotCorrect}/${result.slotDenominator})`,
  );
  if (result.objectionTotal > 0) {
    lines.push(
      `objection type:    ${pct(result.objectionCorrect / result.objectionTotal)} (${result.objectionCorrect}/${result.objectionTotal}, informational)`,
    );
  }
  lines.push('', 'confusion (rows = expected, columns = predicted):');
  const cats = [...(Object.values(HintCategory) as string[])];
  if (Object.values(result.confusion).some((row) => row.NONE !== undefined)) cats.push('NONE');
  const width = 7;
  lines.push(
    `${'expected'.padEnd(10)}${cats.map((c) => (ABBREV[c] ?? c).padStart(width)).join('')}${'total'.padStart(width)}`,
  );
  for (const expected of Object.values(HintCategory) as string[]) {
    const row = result.confusion[expected];
    if (!row) continue;
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    lines.push(
      `${(ABBREV[expected] ?? expected).padEnd(10)}${cats.map((c) => String(row[c] ?? 0).padStart(width)).join('')}${String(total).padStart(width)}`,
    );
  }
  lines.push('', `misses: ${result.misses.length}`);
  for (const m of result.misses) {
    const exp = `${m.expectedCategory}${m.expectedObjection ? `/${m.expectedObjection}` : ''}`;
    const got = `${m.gotCategory ?? 'NONE'}${m.gotObjection ? `/${m.gotObjection}` : ''}`;
    const head =
      m.categoryCorrect && exp === got
        ? `${m.id}  category ok (${exp})`
        : `${m.id}  expected ${exp}, got ${got}`;
    lines.push(`- ${head}`);
    for (const e of m.slotErrors) {
      if (e.kind === 'missing') lines.push(`    slot ${e.slot}: missing (expected ${show(e.expected)})`);
      else if (e.kind === 'unexpected') lines.push(`    slot ${e.slot}: unexpected ${show(e.got)}`);
      else lines.push(`    slot ${e.slot}: expected ${show(e.expected)}, got ${show(e.got)}`);
    }
    lines.push(
      `    lead: ${m.lastLeadText.length > 140 ? `${m.lastLeadText.slice(0, 137)}...` : m.lastLeadText}`,
    );
  }
  return lines.join('\n');
}
