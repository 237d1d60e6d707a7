/**
 * What each detection says to the agent: the hint pushed unasked and its `reason` (the detector and what
 * it saw, for the agent and for audits). Fixed texts, so nothing unchecked can reach a subscriber; the
 * deliverer still passes every hint through the Fair Housing guardrail before it is stored or published.
 */
import { HintCategory, ObjectionType, ProactiveDetector } from '../../../core/vocabulary';
import type { GeneratedHint } from '../engine/types';
import type { ComplianceKind } from './compliance';
import type { Detection } from './detectors';

export interface Intervention {
  detector: ProactiveDetector;
  reason: string;
  hint: GeneratedHint;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const OBJECTION_TEXT: Record<ObjectionType, string> = {
  PRICE:
    'Price pushback: acknowledge it, then anchor on facts — offer 3 recent comparable sales and ask which part of the price worries them most.',
  COMMISSION:
    'Fee pushback: explain what your fee covers in one or two concrete items, then ask what matters most to them in an agent.',
  TIMING:
    "Timing concern: agree it's their call, ask what would need to change for the timing to feel right, and offer a check-in date.",
  TRUST:
    'Trust concern: share one or two recent client results and offer a short no-obligation call to answer questions.',
  COMPETITOR:
    'Another option is on the table: ask what they like about it, then show the one difference that matters for their goals.',
  JUST_LOOKING:
    'Just looking: keep it light — offer a saved search so they see new listings first, and ask what would make a home a must-see.',
};

const COMPLIANCE: Record<ComplianceKind, { text: string; rationale: string; why: string }> = {
  FAIR_HOUSING: {
    text: "Compliance: your last message may steer by a protected class. Don't describe who lives in an area or where a client would fit in; share objective facts (listings, price, commute, public data) and let the client choose.",
    rationale: 'Steering by a protected class is illegal under the Fair Housing Act (42 U.S.C. 3604).',
    why: 'may steer by',
  },
  RETURN_PROMISE: {
    text: "Compliance: your last message promises a return or appreciation. No one can guarantee a home's future value — correct it: share past trends and data, and suggest they consult a financial advisor.",
    rationale: 'Promising appreciation or returns is a misrepresentation licensees must avoid.',
    why: 'promises a return',
  },
  PRESSURE: {
    text: 'Compliance: your last message pressures the lead. Remove the deadline or ultimatum; give the facts (other offers, timelines) and let them decide at their pace.',
    rationale: 'High-pressure tactics breach the duty of fair dealing and drive leads away.',
    why: 'uses a pressure tactic',
  },
};

/** The hint and reason for one detection. */
export function interventionFor(d: Detection): Intervention {
  switch (d.detector) {
    case ProactiveDetector.OBJECTION:
      return {
        detector: d.detector,
        reason: `OBJECTION: the lead raised a ${d.objection} objection`,
        hint: {
          category: HintCategory.OBJECTION_HANDLING,
          objection: d.objection,
          text: OBJECTION_TEXT[d.objection],
          rationale: 'Answering an objection at once keeps the conversation going.',
          confidence: 0.8,
        },
      };
    case ProactiveDetector.BUYING_SIGNAL:
      return {
        detector: d.detector,
        reason: `BUYING_SIGNAL: the lead signalled a next step (${d.signals.map((s) => s.replace('buying_signal:', '')).join(', ')})`,
        hint: {
          category: HintCategory.NEXT_STEP,
          text: 'Buying signal: the lead is ready for a next step — propose two concrete times (or the offer step) now, before momentum fades.',
          rationale: 'Leads who ask for a next step convert when the agent answers with a concrete proposal.',
          confidence: 0.8,
        },
      };
    case ProactiveDetector.SENTIMENT_DROP:
      return {
        detector: d.detector,
        reason: `SENTIMENT_DROP: the lead's tone went from ${d.from} to ${d.to}`,
        hint: {
          category: HintCategory.RAPPORT,
          text: 'The lead sounds frustrated: slow down, acknowledge how they feel in your own words, and ask what would help before proposing anything.',
          rationale: 'A drop in tone is the moment to rebuild rapport, not to push.',
          confidence: 0.75,
        },
      };
    case ProactiveDetector.COMPLIANCE_RISK: {
      const c = COMPLIANCE[d.risk.kind];
      const detail = d.risk.kind === 'FAIR_HOUSING' ? d.risk.detail : `"${d.risk.detail}"`;
      return {
        detector: d.detector,
        reason: `COMPLIANCE_RISK: your message ${c.why} ${detail}`,
        hint: {
          category: HintCategory.COMPLIANCE_WARNING,
          text: c.text,
          rationale: c.rationale,
          confidence: 0.9,
        },
      };
    }
    case ProactiveDetector.AGENT_SLOW:
      return {
        detector: d.detector,
        reason: `AGENT_SLOW: the lead has waited ${duration(d.waitedSeconds)} for your reply`,
        hint: {
          category: HintCategory.RAPPORT,
          text: 'The lead is waiting on you: reply now — even a short "on it, back to you by 3pm" — and answer their last question first.',
          rationale: 'Response time is the strongest predictor of lead conversion.',
          confidence: 0.85,
        },
      };
    case ProactiveDetector.LEAD_QUIET:
      return {
        detector: d.detector,
        reason: `LEAD_QUIET: no reply from the lead for ${duration(d.waitedSeconds)} after your last message`,
        hint: {
          category: HintCategory.NEXT_STEP,
          text: 'The lead has gone quiet: send a short, low-pressure follow-up with one easy question (e.g. "Still want me to keep an eye out for 3-bedrooms?").',
          rationale: 'A light follow-up revives quiet leads without pressure.',
          confidence: 0.7,
        },
      };
  }
}
