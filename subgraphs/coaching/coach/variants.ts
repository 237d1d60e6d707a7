/**
 * Coaching variants: alternative approaches to the same hint, which the bandit (learning/) chooses between per
 * (tenant, role, stage). A hint's strategy is its category × the variant it was written in.
 *
 * - DIRECT: the templates as written — the recommended words or action, no preamble (the baseline);
 * - EMPATHETIC: acknowledge the lead's feeling or situation first, then the same recommendation;
 * - QUESTION_LED: the same recommendation, ending on an open question that hands the lead the next move.
 *
 * The offline coach applies a variant to a template's parts (`applyVariant`); the model path receives the
 * variant's instruction in the volatile part of its prompt (`VARIANT_INSTRUCTIONS`). Compliance warnings
 * never vary: their wording is a legal matter, not a matter of taste.
 */
import { CoachingVariant, HintCategory } from '../../../core/vocabulary';

export { CoachingVariant };
import type { HintParts } from './format';

export const COACHING_VARIANTS: readonly CoachingVariant[] = Object.values(CoachingVariant);

/** The line the model's prompt carries for the variant (the volatile part: the system prompt stays cached). */
export const VARIANT_INSTRUCTIONS: Record<CoachingVariant, string> = {
  [CoachingVariant.DIRECT]:
    'direct — lead with the recommended words or action, no preamble or acknowledgement.',
  [CoachingVariant.EMPATHETIC]:
    "empathetic — open by acknowledging the lead's feeling or situation in a few words, then the recommendation.",
  [CoachingVariant.QUESTION_LED]:
    'question-led — end the suggested line with one open question that lets the lead choose the next step.',
};

const EMPATHY_OPENERS: Partial<Record<HintCategory, string>> = {
  [HintCategory.OBJECTION_HANDLING]: "That's a completely fair concern, and I'm glad you said it.",
  [HintCategory.QUALIFYING_QUESTION]: 'I want to make sure I find exactly what works for you.',
  [HintCategory.NEXT_STEP]: "No pressure at all — we'll go at your pace.",
  [HintCategory.INFORMATION]: 'Great question, and it matters.',
  [HintCategory.RAPPORT]: 'I really appreciate you sharing that.',
};

const OPEN_QUESTIONS: Partial<Record<HintCategory, string>> = {
  [HintCategory.OBJECTION_HANDLING]: 'What would make this feel right for you?',
  [HintCategory.QUALIFYING_QUESTION]: 'And what matters most to you in all of this?',
  [HintCategory.NEXT_STEP]: 'Which of those works better for you?',
  [HintCategory.INFORMATION]: 'Does that answer it, or should I dig into any part?',
  [HintCategory.RAPPORT]: "What's most on your mind right now?",
};

const EMPATHY_WHY = ' Naming their feeling first lowers defenses, so the lead hears what follows.';
const QUESTION_WHY = ' An open question hands the lead the next move and keeps the conversation going.';

/** The template's parts written in `variant` (DIRECT, an absent variant and compliance warnings: unchanged). */
export function applyVariant(
  parts: HintParts,
  variant: CoachingVariant | undefined,
  category: HintCategory,
): HintParts {
  if (variant === undefined || variant === CoachingVariant.DIRECT) return parts;
  if (category === HintCategory.COMPLIANCE_WARNING) return parts;
  if (variant === CoachingVariant.EMPATHETIC) {
    const opener = EMPATHY_OPENERS[category];
    if (!opener) return parts;
    return {
      ...parts,
      cue: `Acknowledge how they feel first, then: ${lowerFirst(parts.cue)}`,
      ...(parts.strategy
        ? { strategy: `Acknowledge how they feel first, then: ${lowerFirst(parts.strategy)}` }
        : {}),
      line: `${opener} ${parts.line}`,
      why: `${parts.why}${EMPATHY_WHY}`,
    };
  }
  const question = OPEN_QUESTIONS[category];
  if (!question) return parts;
  return {
    ...parts,
    cue: endOnQuestion(parts.cue),
    ...(parts.strategy ? { strategy: endOnQuestion(parts.strategy) } : {}),
    line: `${parts.line.replace(/\s+$/, '')} ${question}`,
    why: `${parts.why}${QUESTION_WHY}`,
  };
}

function endOnQuestion(s: string): string {
  return `${s.replace(/[.!]?\s*$/, '')}; end on an open question.`;
}

function lowerFirst(s: string): string {
  // Keep acronyms and names ("FHA", "I") as they are.
  return /^[A-Z][a-z]/.test(s) && !/^I\b/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
