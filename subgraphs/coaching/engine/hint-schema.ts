/**
 * The structured-output contract: the `emit_hints` tool the model must call (JSON schema sent to the API)
 * and the zod schema that validates what it sent back. Anything that fails validation is a model failure.
 */
import { z } from 'zod';
import { HintCategory, ObjectionType } from '../../../core/vocabulary';
import type { GeneratedHint } from './types';

export const EMIT_HINTS_TOOL_NAME = 'emit_hints';
export const MAX_HINTS = 3;
export const MAX_HINT_TEXT = 400;
export const MAX_RATIONALE = 600;

const CATEGORIES = Object.values(HintCategory);
const OBJECTIONS = Object.values(ObjectionType);

/** JSON schema of the tool input, as the Messages API expects it in `tools[].input_schema`. */
export const EMIT_HINTS_INPUT_SCHEMA = {
  type: 'object',
  properties: {
    hints: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_HINTS,
      description: 'One to three hints for the agent, most useful first.',
      items: {
        type: 'object',
        properties: {
          category: { type: 'string', enum: CATEGORIES, description: 'What kind of help this hint is.' },
          objection: {
            type: 'string',
            enum: OBJECTIONS,
            description: 'Only with category OBJECTION_HANDLING: the objection being handled.',
          },
          text: {
            type: 'string',
            maxLength: MAX_HINT_TEXT,
            description: 'What the agent sees, in the style the system prompt asks for.',
          },
          rationale: {
            type: 'string',
            maxLength: MAX_RATIONALE,
            description: 'Why this helps, one sentence.',
          },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['category', 'text', 'rationale', 'confidence'],
        additionalProperties: false,
      },
    },
  },
  required: ['hints'],
  additionalProperties: false,
} as const;

export const EMIT_HINTS_TOOL = {
  name: EMIT_HINTS_TOOL_NAME,
  description:
    'Deliver coaching hints to the real-estate agent. Call exactly once with 1-3 hints, most useful first.',
  input_schema: EMIT_HINTS_INPUT_SCHEMA,
};

const hintSchema = z
  .object({
    category: z.enum(HintCategory),
    objection: z.enum(ObjectionType).nullish(),
    text: z.string().trim().min(1).max(MAX_HINT_TEXT),
    rationale: z.string().trim().max(MAX_RATIONALE),
    confidence: z.number().min(0).max(1),
  })
  .transform((h): GeneratedHint => {
    const hint: GeneratedHint = {
      category: h.category,
      text: h.text,
      rationale: h.rationale,
      confidence: h.confidence,
    };
    // An objection only means something on an objection-handling hint; drop it elsewhere.
    if (h.objection && h.category === HintCategory.OBJECTION_HANDLING) hint.objection = h.objection;
    return hint;
  });

export const emitHintsInputSchema = z.object({ hints: z.array(hintSchema).min(1).max(MAX_HINTS) });

/** The validated hints, or the first validation problem as a short message. */
export function parseHintsInput(
  input: unknown,
): { ok: true; hints: GeneratedHint[] } | { ok: false; error: string } {
  const result = emitHintsInputSchema.safeParse(input);
  if (result.success) return { ok: true, hints: result.data.hints };
  const issue = result.error.issues[0];
  return { ok: false, error: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid' };
}

/** One hint object's JSON (a streamed `hints[i]`), validated like the whole input's; null when invalid. */
export function parseHintJson(json: string): GeneratedHint | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const result = hintSchema.safeParse(value);
  return result.success ? result.data : null;
}

/** The schema of a stored (cached) hint: the same shape, already validated once. */
export const storedHintSchema = z.object({
  category: z.enum(HintCategory),
  objection: z.enum(ObjectionType).optional(),
  text: z.string(),
  rationale: z.string(),
  confidence: z.number().min(0).max(1),
});
