/**
 * A coaching moment made ready for the model: its turns, question, memory and facts redacted (PII and people's
 * names replaced by placeholders the `redactor` restores on the way out), the prompt built from them, and the
 * response cache key (which never holds PII either).
 */
import type { CoachOutput } from '../coach/types';
import { responseCacheKey } from './cache-key';
import {
  buildPrompt,
  PROMPT_VERSION,
  promptFacts,
  recentTurns,
  type BuiltPrompt,
  type PromptFacts,
} from './prompts/build-prompt';
import { Redactor } from './redaction';
import type { Route } from './routing';
import type { CoachRequest } from './types';

export interface RedactedPrompt {
  /** Restores the placeholders of this prompt in what the model answers. */
  redactor: Redactor;
  prompt: BuiltPrompt;
  /** The response cache (and single-flight) key. */
  key: string;
}

function redactFacts(facts: PromptFacts, redactor: Redactor): PromptFacts {
  const known = { ...facts.known };
  if (known.areas) known.areas = known.areas.map((a) => redactor.redact(a));
  return { ...facts, known, signals: facts.signals.map((s) => redactor.redact(s)) };
}

export function redactedPrompt(req: CoachRequest, analysis: CoachOutput, route: Route): RedactedPrompt {
  // people's names go too: the agent's and the contact's (known), and those the text names; the places the
  // lead wants are kept (a city may read like a first name: "Austin")
  const redactor = new Redactor({
    knownNames: [req.agent.name ?? '', ...(req.contactNames ?? [])].filter((n) => n.trim() !== ''),
    keep: [...(req.known.areas ?? []), ...(analysis.slots.areas ?? [])],
  });
  const turns = recentTurns(req.turns, route.turnWindow).map((t) => ({
    speaker: t.speaker,
    text: redactor.redact(t.text),
  }));
  const question = req.question ? redactor.redact(req.question) : undefined;
  const memory = req.memory?.map((m) => redactor.redact(m));
  const facts = redactFacts(promptFacts(analysis, req.known), redactor);
  const common = {
    specializations: req.agent.specializations,
    stage: req.stage,
    kind: req.kind,
    vertical: req.vertical,
    turns,
    question,
    memory,
    facts,
    variant: req.variant,
  };
  const prompt = buildPrompt({ ...common, role: req.agent.role, experience: req.agent.experience });
  const key = responseCacheKey({
    ...common,
    promptVersion: PROMPT_VERSION,
    model: route.model,
    tenantId: req.tenantId,
    role: req.agent.role,
    experience: req.agent.experience,
  });
  return { redactor, prompt, key };
}
