/**
 * Compliance risk in the AGENT's own words, before or as they reach the lead: Fair Housing steering (the one
 * detector that also judges leads' requests and generated hints, coach/fair-housing.ts, with the agent as the
 * speaker: the client's own needs they repeat — "here are homes near the synagogue you attend" — are fine),
 * promises about returns or appreciation, and pressure tactics. What matched is kept for the reason of a
 * returns or pressure warning; for Fair Housing only the protected class is named (the guardrail's rule:
 * never repeat the violation).
 */
import { judgeFairHousing } from '../coach/fair-housing';
import { classLabel } from '../engine/guardrail';

export type ComplianceKind = 'FAIR_HOUSING' | 'RETURN_PROMISE' | 'PRESSURE';

export interface ComplianceRisk {
  kind: ComplianceKind;
  /** What was found, safe to show the agent: the protected class, or the words of a promise or pressure. */
  detail: string;
}

/** Promises that a home will gain value or pay off: no licensee can guarantee a return. */
const RETURN_PROMISE =
  /\b(?:guarantee[ds]?|promise[ds]?|certain(?:ly)?|sure|definitely|100%|no doubt)\b[^.!?]{0,60}\b(?:apprecia\w*|go(?:es|ing)? up in value|gain(?:s|ing)? value|double[sd]?|return|roi|profit|pay (?:for )?itself|make (?:you )?money|worth more|value will (?:rise|go up|climb))\b|\b(?:can'?t|cannot|won'?t|will not|never) (?:lose|go wrong|lose money|go down in value)\b|\b(?:will|is going to|gonna) (?:double|triple|skyrocket|appreciate)\b|\b(?:risk[- ]free|guaranteed (?:investment|return|profit|appreciation))\b/i;

/** High-pressure tactics: false urgency, ultimatums, shaming a decision. */
const PRESSURE =
  /\b(?:(?:offer|deal|price|this|it) (?:expires|ends|is gone|won'?t last) (?:today|tonight|in \w+ hours?|by (?:tonight|tomorrow|end of day))|(?:sign|decide|commit|act) (?:now|today|tonight|immediately|right now) or\b|last chance|now or never|you'?d be (?:crazy|stupid|a fool|foolish|insane) not to|don'?t (?:think|wait) too long or|someone else will (?:grab|take|snatch|buy) it (?:today|tonight|tomorrow|if you don'?t)|you (?:have|need) to (?:decide|sign|commit) (?:right now|today|tonight|immediately)|only (?:today|tonight)\b)/i;

function excerpt(m: RegExpExecArray): string {
  return m[0].replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** The first compliance risk in an agent's message, or null. */
export function agentComplianceRisk(text: string): ComplianceRisk | null {
  const steering = judgeFairHousing(text, { speaker: 'AGENT' });
  if (steering.steering) return { kind: 'FAIR_HOUSING', detail: classLabel(steering.protectedClass) };
  const promise = RETURN_PROMISE.exec(text);
  if (promise) return { kind: 'RETURN_PROMISE', detail: excerpt(promise) };
  const pressure = PRESSURE.exec(text);
  if (pressure) return { kind: 'PRESSURE', detail: excerpt(pressure) };
  return null;
}
