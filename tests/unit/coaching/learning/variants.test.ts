/**
 * Variants change how a hint is written, never what it recommends or its compliance wording; the model path
 * carries the variant's instruction in the prompt, and a cached answer of one variant never serves another.
 */
import { AgentRole, ConversationStage, Experience, HintCategory, Speaker } from '../../../../core/vocabulary';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import { CoachingVariant, VARIANT_INSTRUCTIONS } from '../../../../subgraphs/coaching/coach/variants';
import { redactedPrompt } from '../../../../subgraphs/coaching/engine/redacted-prompt';
import type { CoachRequest } from '../../../../subgraphs/coaching/engine/types';

const agent = { role: AgentRole.BUYER_AGENT, experience: Experience.NOVICE, specializations: [] };
const objection = [
  { speaker: Speaker.LEAD, text: 'Honestly the list price feels way too high for that street.' },
];
const steering = [
  {
    speaker: Speaker.LEAD,
    text: 'Which neighborhoods have fewer immigrants? We want to be with our own kind.',
  },
];

function coach(turns: typeof objection, variant?: CoachingVariant) {
  return offlineCoach({
    agent,
    stage: ConversationStage.NEGOTIATION,
    turns,
    ...(variant ? { variant } : {}),
  });
}

describe('offline coach variants', () => {
  it('writes the same recommendation three ways', () => {
    const direct = coach(objection, CoachingVariant.DIRECT).hints[0]!;
    const empathetic = coach(objection, CoachingVariant.EMPATHETIC).hints[0]!;
    const question = coach(objection, CoachingVariant.QUESTION_LED).hints[0]!;
    expect(direct.category).toBe(HintCategory.OBJECTION_HANDLING);
    expect(coach(objection).hints[0]!.text).toBe(direct.text);
    expect(empathetic.category).toBe(direct.category);
    expect(question.category).toBe(direct.category);
    expect(empathetic.text).toContain("That's a completely fair concern");
    expect(question.text).toMatch(/What would make this feel right for you\?/);
    expect(new Set([direct.text, empathetic.text, question.text]).size).toBe(3);
  });

  it('never rewords a compliance warning', () => {
    const direct = coach(steering).hints[0]!;
    expect(direct.category).toBe(HintCategory.COMPLIANCE_WARNING);
    for (const v of [CoachingVariant.EMPATHETIC, CoachingVariant.QUESTION_LED])
      expect(coach(steering, v).hints[0]!.text).toBe(direct.text);
  });
});

describe('model path', () => {
  const req = (variant?: CoachingVariant): CoachRequest => ({
    tenantId: 't1',
    sessionId: 's1',
    agent,
    stage: ConversationStage.NEGOTIATION,
    turns: objection,
    known: {},
    kind: 'QUICK',
    ...(variant ? { variant } : {}),
  });
  const route = { model: 'claude-haiku-4-5', maxTokens: 600, turnWindow: 12, tenantOverride: false } as never;
  const analysis = coach(objection);

  it("puts the variant's instruction in the volatile part and the cache key", () => {
    const plain = redactedPrompt(req(), analysis, route);
    const empathetic = redactedPrompt(req(CoachingVariant.EMPATHETIC), analysis, route);
    const question = redactedPrompt(req(CoachingVariant.QUESTION_LED), analysis, route);
    expect(plain.prompt.user).not.toContain('Coaching approach');
    expect(empathetic.prompt.user).toContain(VARIANT_INSTRUCTIONS[CoachingVariant.EMPATHETIC]);
    // the system prompt stays byte-identical (provider prompt cache)
    expect(empathetic.prompt.system).toBe(plain.prompt.system);
    expect(new Set([plain.key, empathetic.key, question.key]).size).toBe(3);
    expect(redactedPrompt(req(CoachingVariant.EMPATHETIC), analysis, route).key).toBe(empathetic.key);
  });
});
