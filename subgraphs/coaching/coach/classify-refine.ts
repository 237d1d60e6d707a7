/**
 * Refinements of the rule answer (classify.ts) for turns the general rules misread, most of them from a
 * transaction coordinator's client, who is already under contract:
 * - a client who has a deliverable in hand or just sent it and asks where it goes or what comes next is ready for
 *   the next step, not asking for information nor objecting to a delay ("I have the cashier's check ready, where
 *   do we meet to sign?", "I'll upload them to the portal tonight");
 * - a client asking why a closing figure changed, with no refusal to pay, wants an explanation: INFORMATION, not a
 *   price objection ("why is cash to close 2k more than the estimate? what changed?");
 * - distrust of what the agent or agents keep saying is a trust objection, whatever delay or price it is about
 *   ("you told me that last week too… I'm not believing anything until I have keys");
 * - a lead asking the agent to come or meet on a named day is setting a visit, not a timing objection;
 * - a lead who does not know yet when to sell or what the home is worth is undecided, not putting it off;
 * - a lead weighing a switch to another lender, title company or agent raises a competitor objection.
 */
import { AgentRole, HintCategory, ObjectionType } from '../../../core/vocabulary';
import { NEGATIVE_WORDS } from './conversation';
import type { Classification } from './types';

/** The client has the thing in hand, or has just done it, or sets when they will ("I'll send it tonight"). */
const DELIVERABLE =
  /\b(?:i|we)\s+(?:already\s+|just\s+|finally\s+)?(?:have|got|did|sent|signed|uploaded|wired|made|dropped off)\s+(?:the\s+|them\b|it\b|all\b|my\s+|our\s+)[^.?!]{0,60}?\b(?:ready|wire|check|receipt|forms?|documents?|docs|statements?|polic(?:y|ies)|binder|proof|deposit|payment|paystubs?|them|it)\b|\b(?:i|we)(?:'ll| will)\s+(?:upload|send|sign|wire|drop off|email|fax)\s+(?:them|it|the|those|these|everything)\b/i;
/** …and asks where it goes or what comes next, or says when it will be done. */
const NEXT_MOVE =
  /\bwhat'?s next\b|\bnext steps?\b|\bwhere (?:do|should|can) (?:we|i)\b|\bto what (?:email|correo|address|hora|time)\b|\bwhat (?:email|address|time)\b|\bwho (?:do|should) (?:i|we) (?:send|give)\b|\bsen[dt] (?:the \w+ |them |it )?to (?:someone|who|you)\b|\b(?:tonight|today|tomorrow|this (?:morning|afternoon|evening))\b/i;

/** "why is cash to close 3k more than the estimate? what changed?": a closing figure the client asks about. */
const CLOSING_FIGURE =
  /\b(?:cash to close|closing costs?|closing disclosure|loan estimate|estimate|escrow|prepaids?|fees?|what (?:does )?that mean|significa)\b/i;
const ASKS_WHY =
  /\bwhy\b|\bwhat changed\b|\bhow (?:does|did) (?:it|that) work\b|\bwhat does (?:that|it|this) mean\b/i;
/** A refusal or a plea turns the question back into an objection ("I'm not paying that", "we don't have it"). */
const REFUSAL =
  /\b(?:not (?:paying|ok|okay|fair|happening)|won'?t pay|refuse|no way|(?:don'?t|do not|can'?t) (?:have|afford|pay)|not lying around)\b/i;

/** Distrust of what the agent or agents keep saying. */
const DISTRUST =
  /\b(?:not|n't)\s+(?:believing|believe|trusting|trust|confident)\s+(?:anything|anyone|you|a word|that)\b|\bany different\b|\b(?:said|told (?:me|us)) (?:the )?(?:exact )?same thing\b|\byou said that (?:last|before|yesterday|too)\b|\b(?:3rd|third|4th|fourth|another) agent to (?:tell|promise)\b/i;

/** The lead weighing a move to another lender, title company, brokerage or agent. */
const SWITCHING =
  /\b(?:switch\w*|mov\w* over|go\w* with|jump\w* ship)\s+(?:to\s+)?(?:a\s+|another\s+|the other\s+|their\s+|his\s+|her\s+|our\s+|my\s+|a different\s+)?(?:lenders?|banks?|credit union|title compan(?:y|ies)|brokerages?|agents?|realtors?|loan officers?)\b/i;

/** A lead who does not know yet when, or what the home is worth. */
const UNDECIDED =
  /\b(?:(?:don'?t|do not|not yet I|not sure I|still don'?t)\s+know|not sure|no idea)\b[^.?!]*\b(?:when|how much|what (?:it'?s|it is) worth|timing|price)\b/i;
/** Words of an actual wait, which keep the timing objection. */
const WAITING =
  /\b(?:wait|waiting|hold off|holding off|not (?:now|right now|this year)|later|next year|after the|until|till|no rush)\b/i;

/** "can you come Tuesday after 5 to see the place?": the lead setting a visit, not putting one off. */
const SCHEDULING =
  /\b(?:can|could|would)\s+(?:you|u|we)\s+(?:to\s+)?(?:come|come by|come out|stop by|swing by|meet|see|tour|visit)\b[^.?!]*\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|this (?:week|weekend)|after (?:the )?\d|at \d)/i;

/** The next step a coordinator's client is ready for, before any objection or question is read. */
export function deliverableStep(lead: string, role: AgentRole): Classification | null {
  if (role !== AgentRole.TRANSACTION_COORDINATOR || NEGATIVE_WORDS.test(lead)) return null;
  if (!DELIVERABLE.test(lead) || !NEXT_MOVE.test(lead)) return null;
  return {
    category: HintCategory.NEXT_STEP,
    signals: ['buying_signal:deliverable_ready'],
    confidence: 0.8,
    strength: 'strong',
  };
}

function trust(confidence: number, cues: string[]): Classification {
  return {
    category: HintCategory.OBJECTION_HANDLING,
    objection: ObjectionType.TRUST,
    signals: [`objection:${ObjectionType.TRUST}`, 'cue:distrust_of_what_was_said', ...cues],
    confidence,
    strength: 'strong',
  };
}

function visit(): Classification {
  return {
    category: HintCategory.NEXT_STEP,
    signals: ['buying_signal:visit_scheduled'],
    confidence: 0.8,
    strength: 'strong',
  };
}

/**
 * The objection the rules found (or none), refined: a closing-figure question is none, distrust is TRUST, a visit
 * set for a named day is the next step.
 */
export function refineObjection(
  objection: Classification | null,
  lead: string,
  role: AgentRole,
): Classification | null {
  // "we're thinking of switching lenders, give me one reason not to": another provider weighed against this one.
  if (SWITCHING.test(lead) && objection?.objection !== ObjectionType.COMPETITOR && !NEGATIVE_WORDS.test(lead))
    return {
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.COMPETITOR,
      signals: [`objection:${ObjectionType.COMPETITOR}`, 'cue:switching_provider'],
      confidence: 0.8,
      strength: 'strong',
    };
  if (!objection) {
    // No objection cue at all: distrust said outright is one, a visit set for a named day is the next step.
    if (DISTRUST.test(lead)) return trust(0.75, []);
    return SCHEDULING.test(lead) && !NEGATIVE_WORDS.test(lead) ? visit() : null;
  }
  if (
    role === AgentRole.TRANSACTION_COORDINATOR &&
    objection.objection === ObjectionType.PRICE &&
    lead.includes('?') &&
    CLOSING_FIGURE.test(lead) &&
    ASKS_WHY.test(lead) &&
    !REFUSAL.test(lead)
  )
    return null;
  if (
    (objection.objection === ObjectionType.TIMING || objection.objection === ObjectionType.PRICE) &&
    DISTRUST.test(lead)
  )
    return trust(objection.confidence, objection.signals.slice(1));
  // "thinking of selling but I don't know yet when or what it's worth": undecided, the agent qualifies.
  if (
    objection.objection === ObjectionType.TIMING &&
    objection.strength === 'weak' &&
    role !== AgentRole.TRANSACTION_COORDINATOR &&
    UNDECIDED.test(lead) &&
    !WAITING.test(lead)
  )
    return null;
  // A visit asked for on a named day outweighs a delay word or a weak reading ("after 5" is when, not a wait).
  const weakOrWait = objection.objection === ObjectionType.TIMING || objection.strength === 'weak';
  if (weakOrWait && SCHEDULING.test(lead) && !NEGATIVE_WORDS.test(lead)) return visit();
  return objection;
}
