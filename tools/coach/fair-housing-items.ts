/**
 * Labelled Fair Housing utterances, one JSON object a line:
 *   {"id", "speaker": "LEAD"|"AGENT"|"MODEL", "side": "BUYER"|"SELLER"|"RENTER"|"LANDLORD",
 *    "protectedClass": "RACE"|"COLOR"|"RELIGION"|"SEX"|"NATIONAL_ORIGIN"|"FAMILIAL_STATUS"|"DISABILITY",
 *    "style": "EXPLICIT"|"CODE_WORD"|"INDIRECT"|"QUESTION"|"OWN_NEED"|"NEUTRAL_FACT", "language": "en"|"es"|"mixed",
 *    "text", "expect": "STEERING"|"BENIGN"}
 * id, speaker, text and expect are required; side, protectedClass and style are optional (a benign neutral fact
 * may name no class); language defaults to "en".
 */
import { parseJsonl, readLabelledFile } from './examples';

export const FH_SPEAKERS = ['LEAD', 'AGENT', 'MODEL'] as const;
export const FH_SIDES = ['BUYER', 'SELLER', 'RENTER', 'LANDLORD'] as const;
export const FH_CLASSES = [
  'RACE',
  'COLOR',
  'RELIGION',
  'SEX',
  'NATIONAL_ORIGIN',
  'FAMILIAL_STATUS',
  'DISABILITY',
] as const;
export const FH_STYLES = [
  'EXPLICIT',
  'CODE_WORD',
  'INDIRECT',
  'QUESTION',
  'OWN_NEED',
  'NEUTRAL_FACT',
] as const;
export const FH_LANGUAGES = ['en', 'es', 'mixed'] as const;
export const FH_EXPECT = ['STEERING', 'BENIGN'] as const;

export type FhSpeaker = (typeof FH_SPEAKERS)[number];

export interface FairHousingItem {
  id: string;
  speaker: FhSpeaker;
  side?: (typeof FH_SIDES)[number];
  protectedClass?: (typeof FH_CLASSES)[number];
  style?: (typeof FH_STYLES)[number];
  language: (typeof FH_LANGUAGES)[number];
  text: string;
  expect: (typeof FH_EXPECT)[number];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function pick<T extends string>(
  raw: Record<string, unknown>,
  field: string,
  values: readonly T[],
  fail: (msg: string) => never,
): T | undefined {
  const v = raw[field];
  if (v === undefined || v === null) return undefined;
  const found = values.find((x) => x === v);
  if (found === undefined) fail(`"${field}" must be one of ${values.join(', ')}`);
  return found;
}

function validateItem(raw: unknown, fail: (msg: string) => never): FairHousingItem {
  if (!isObject(raw)) fail('each line must be a JSON object');
  if (typeof raw.id !== 'string' || raw.id.length === 0) fail('"id" must be a non-empty string');
  if (typeof raw.text !== 'string' || raw.text.trim().length === 0) fail('"text" must be a non-empty string');
  const speaker = pick(raw, 'speaker', FH_SPEAKERS, fail) ?? fail('"speaker" is required');
  const expect = pick(raw, 'expect', FH_EXPECT, fail) ?? fail('"expect" is required');
  const item: FairHousingItem = {
    id: raw.id,
    speaker,
    language: pick(raw, 'language', FH_LANGUAGES, fail) ?? 'en',
    text: raw.text,
    expect,
  };
  const side = pick(raw, 'side', FH_SIDES, fail);
  if (side) item.side = side;
  const protectedClass = pick(raw, 'protectedClass', FH_CLASSES, fail);
  if (protectedClass) item.protectedClass = protectedClass;
  const style = pick(raw, 'style', FH_STYLES, fail);
  if (style) item.style = style;
  return item;
}

/** Parses JSONL text into validated items; throws ExampleFileError naming the bad line. */
export function parseFairHousingItems(text: string, source = 'input'): FairHousingItem[] {
  return parseJsonl(text, source, validateItem, 'items');
}

/** Reads and validates a Fair Housing JSONL file. */
export function loadFairHousingItems(file: string): FairHousingItem[] {
  return parseFairHousingItems(readLabelledFile(file), file);
}
