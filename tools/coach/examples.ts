/**
 * Labelled coaching examples (coaching-devset.md format, plus an optional "language": "en" | "es" | "mixed",
 * absent meaning English): their type, validation and loading from JSONL.
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
  /** The language the lead writes in; absent means English. */
  language?: Language;
}

export const LANGUAGES = ['en', 'es', 'mixed'] as const;
export type Language = (typeof LANGUAGES)[number];

/** An example's language, English when it does not say. */
export const languageOf = (e: Pick<Example, 'language'>): Language => e.language ?? 'en';

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
  if (raw.language !== undefined) {
    if (!LANGUAGES.some((l) => l === raw.language)) fail(`"language" must be one of ${LANGUAGES.join(', ')}`);
    example.language = raw.language as Language;
  }
  if (raw.specializations !== undefined) {
    if (!Array.isArray(raw.specializations) || !raw.specializations.every((s) => oneOf(Specialization, s))) {
      fail('"specializations" must be an array of Specialization values');
    }
    example.specializations = raw.specializations as Specialization[];
  }
  return example;
}

/**
 * Parses labelled JSONL text: one validated record per non-empty line, ids unique; throws ExampleFileError naming
 * the bad line. Shared by the coaching examples and the Fair Housing items.
 */
export function parseJsonl<T extends { id: string }>(
  text: string,
  source: string,
  validate: (raw: unknown, fail: (msg: string) => never) => T,
  noun: string,
): T[] {
  const records: T[] = [];
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
    const record = validate(raw, fail);
    if (ids.has(record.id)) fail(`duplicate id "${record.id}"`);
    ids.add(record.id);
    records.push(record);
  });
  if (records.length === 0) throw new ExampleFileError(`no ${noun} found`, source);
  return records;
}

/** Reads a labelled file's text; an unreadable file is an ExampleFileError naming it. */
export function readLabelledFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ExampleFileError(
      `cannot read file (${err instanceof Error ? err.message : String(err)})`,
      path,
    );
  }
}

/** Parses JSONL text into validated examples; throws ExampleFileError naming the bad line. */
export function parseExamples(text: string, source = 'input'): Example[] {
  return parseJsonl(text, source, validateExample, 'examples');
}

/** Reads and validates a JSONL examples file. */
export function loadExamples(path: string): Example[] {
  return parseExamples(readLabelledFile(path), path);
}
