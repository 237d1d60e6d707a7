/**
 * Classifies the lead's latest turn, read in its conversation, into the single best primary hint category.
 * Priority: Fair Housing risk > objection (stated, asked as a doubting question, or restated from earlier turns) >
 * hardship (empathy first) > a concrete next step > a factual question > celebration (never when the turn is
 * unhappy) > frustration (empathy) > qualification gaps (qualifying question) > next step. Each answer carries a
 * strength (model.ts lets a calibrated model replace only weak and default ones) and context signals.
 */
import { AgentRole, HintCategory, ObjectionType, Speaker } from '../../../core/vocabulary';
import {
  ACTION_REQUESTS,
  AGENT_OFFER,
  CELEBRATION_CUES,
  GO_AHEAD,
  HARDSHIP_CUES,
  INVENTORY_REQUEST,
  LEAD_ACCEPT,
  NEXT_STEP_CUES,
  TENTATIVE,
  hasQuestion,
  questionSentences,
  scoreCues,
} from './cues';
import { MONEY_CONTEXT, OBJECTION_CUES, OBJECTION_PRIORITY } from './objection-cues';
import { criticalGaps } from './classify-gaps';
import { deliverableStep, refineObjection } from './classify-refine';
import { detectFairHousingRisk } from './fair-housing';
import { toCueText } from './language';
import {
  NEGATIVE_WORDS,
  agentAsked,
  earlierLeadTurns,
  negativeTurns,
  restatedObjection,
} from './conversation';
import { processComplaint, questionObjection, withoutOptionsQuestions } from './objection-questions';
import { stanceEvidence } from './stance';
import type { Classification, ClassifyInput, Turn } from './types';

export { criticalGaps };

/** Words that make an agent turn about fees, so a lead's pushback right after is a commission objection. */
const AGENT_FEE_TOPIC =
  /\b(?:commission|fee|compensation|percent|(?:full[- ]service|listing|my|our) rate|(?:buyer|representation|buyer'?s|exclusive) (?:agency |broker )?agreement|sign (?:the|a|an|this) agreement)\b|\b\d+(?:\.\d+)?\s*%/i;
const LEAD_FEE_PUSHBACK =
  /\b(?:steep|too (?:much|high)|a lot|(?:could|can|would|will) (?:you|u) (?:do|take|accept|consider|go down to|come down to|match|beat)|lower|less|discount|flat|have to pay|pay (?:you|u)|not signing|out of pocket|owe|hard no|no way|why would|more than (?:i|we) (?:expected|thought|planned|wanted|hoped)|expensive|pricey|hand(?:ing)? over|that much|(?:closer to|more like|nearer) \d|(?:that'?s|it'?s|seems|sounds|feels) (?:\w+ )?(?:high|a lot|much|steep))\b|\?\?/i;

function lastLeadTurn(turns: Turn[]): { text: string; index: number } {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i];
    if (t && t.speaker === Speaker.LEAD) return { text: toCueText(t.text), index: i };
  }
  return { text: '', index: -1 };
}

function previousAgentTurn(turns: Turn[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const t = turns[i];
    if (t && t.speaker === Speaker.AGENT) return toCueText(t.text);
  }
  return '';
}

interface ObjectionHit {
  type: ObjectionType;
  score: number;
  labels: string[];
}

/** Finds the strongest objection in the lead's message (with the agent's previous turn as context). */
export function detectObjection(lead: string, agentBefore: string): ObjectionHit | null {
  const hits: ObjectionHit[] = [];
  // "not yet" answering a status question ("Are you pre-approved?") is an answer, not an objection.
  const statusQuestion =
    /\b(?:are|have|did|do|has|is) (?:you|u|they|y'all)\b[^?]*\?/i.test(agentBefore) &&
    !AGENT_OFFER.test(agentBefore);
  const stance = stanceEvidence(lead);
  for (const type of OBJECTION_PRIORITY) {
    let text = lead;
    if (type === ObjectionType.PRICE) {
      // "rates are too high" is a timing worry, not a price objection.
      text = text.replace(
        /\b(?:rates?|interest)\s+(?:are\s+|is\s+)?(?:still\s+|way\s+|just\s+)?too high\b/gi,
        '',
      );
    }
    const { score, labels } = scoreCues(text, OBJECTION_CUES[type]);
    let total = score;
    const stanceScore = stance[type] ?? 0;
    if (stanceScore > 0) {
      total += stanceScore;
      labels.push('negative_stance');
    }
    // "7% rates", "20% down": percentages about the loan are not about the agent's fee.
    const loanPercent =
      /\b(?:rates?|interest|mortgage|monthly|payments?|apr|down payment|down)\b/i.test(lead) &&
      !/\b(?:commission|fees?|agent|realtor|broker|pay (?:you|u)|list(?:ing)? (?:it )?for)\b/i.test(lead);
    if (type === ObjectionType.COMMISSION && loanPercent) total = 0;
    if (type === ObjectionType.TIMING && statusQuestion && labels.length === 1 && labels[0] === 'not_now')
      total = 0;
    if (
      type === ObjectionType.COMMISSION &&
      AGENT_FEE_TOPIC.test(agentBefore) &&
      LEAD_FEE_PUSHBACK.test(lead)
    ) {
      total += 2;
      labels.push('fee_pushback_after_agent_fee');
    }
    if (
      type === ObjectionType.PRICE &&
      labels.length === 1 &&
      labels[0] === 'price_frustration' &&
      !MONEY_CONTEXT.test(lead)
    ) {
      total = 0;
    }
    if (total > 0) hits.push({ type, score: total, labels });
  }
  // The first type in priority order with enough evidence wins: a fee complaint framed by a competitor's
  // rate is a commission objection, a "not yet" about rates is timing rather than price — unless the lead says
  // they are going with the other party and asks nothing of the agent's fee (a rebate is their reason, not a counter).
  const first = hits.find((h) => h.score >= 2) ?? null;
  const rival = hits.find((h) => h.type === ObjectionType.COMPETITOR && h.score >= 2);
  if (
    first?.type === ObjectionType.COMMISSION &&
    rival?.labels.some((l) => CHOOSING.has(l)) &&
    !first.labels.some((l) => FEE_COUNTER.has(l))
  )
    return rival;
  return first;
}

/** Hardship cues of a loss; with a death named (BEREAVEMENT) they outweigh a weak "not yet". */
const LIFE_BLOWS = new Set(['illness_or_loss', 'loss']);
const BEREAVEMENT =
  /\b(?:passed away|passed on|died|death|funeral|widow(?:ed|er)?|lost (?:my|our|her|his) (?:wife|husband|mom|dad|mother|father|son|daughter|partner|baby))\b/i;

/** Competitor cues that only say the lead sells, or sold, without an agent. */
const SELF_SALE = new Set(['diy_sale', 'alternative_to_listing']);
/** Competitor cues where the lead says they are going with someone else. */
const DEFECTION = new Set(['going_elsewhere', 'other_representation']);
/** Competitor cues where the lead weighs the other party against the agent ("… charge less. Why should I go with you?"). */
const CHOOSING = new Set([...DEFECTION, 'why_you']);
/** Commission cues where the lead pushes back on or counters the agent's own fee. */
const FEE_COUNTER = new Set([
  'fee_counter',
  'match_request',
  'commission_pushback',
  'fee_pushback_after_agent_fee',
  'fee_cost',
  'who_pays_agent',
]);

/** Next-step cues where the lead asks for an action (not just says when they are free). */

function clamp(x: number): number {
  return Math.max(0.3, Math.min(0.97, Math.round(x * 100) / 100));
}

/**
 * Buying signals: a short go-ahead, next-step cues, or the lead accepting the agent's offer — unless the
 * lead is really asking for information and the cues are only about availability or time.
 */
function nextStepRule(lead: string, agentBefore: string): Classification | null {
  const words = lead.trim().split(/\s+/).length;
  if (words <= 10 && !lead.includes('?') && GO_AHEAD.test(lead)) {
    return {
      category: HintCategory.NEXT_STEP,
      signals: ['buying_signal:go_ahead'],
      confidence: 0.8,
      strength: 'strong',
    };
  }

  const next = scoreCues(lead, NEXT_STEP_CUES);
  // Only an offer the agent ended on is accepted by a yes ("Happy to help! Are you pre-approved?" offers nothing).
  const agentLast =
    agentBefore
      .split(/(?<=[.!?])\s+/)
      .filter((x) => x.trim())
      .pop() ?? '';
  const accepted = AGENT_OFFER.test(agentLast) && LEAD_ACCEPT.test(lead);
  const questions = questionSentences(lead);
  const infoQuestion = questions.some(
    (q) => scoreCues(q, NEXT_STEP_CUES).score === 0 && !INVENTORY_REQUEST.test(q),
  );
  const nextInQuestion = questions.some((q) => scoreCues(q, NEXT_STEP_CUES).score > 0);
  const logisticsOnly = next.labels.every((l) => l === 'availability' || l === 'time_proposed');
  // The lead asking the agent to do something (book, send, show, write the offer) is a clear next step.
  const asksForAction = !infoQuestion && next.labels.some((l) => ACTION_REQUESTS.has(l));
  if ((next.score >= 2 || accepted) && !(infoQuestion && !nextInQuestion && logisticsOnly)) {
    const signals = next.labels.map((l) => `buying_signal:${l}`);
    if (accepted) signals.push('buying_signal:accepted_agent_offer');
    return {
      category: HintCategory.NEXT_STEP,
      signals,
      confidence: clamp(0.65 + 0.08 * next.score),
      strength: next.score >= 3 || accepted || asksForAction ? 'strong' : 'weak',
    };
  }
  return null;
}

/**
 * The objection the latest turn raises, read in context: stated outright (strong or weak by its cues), asked as a
 * question whose content is doubt, cost or delay (weak), or raised earlier and kept alive by a short, restating or
 * unhappy reply (weak). Weak answers may be replaced by a confident model (model.ts).
 */
function objectionInContext(
  turns: Turn[],
  index: number,
  lead: string,
  agentBefore: string,
): Classification | null {
  // "the appraisal came in low — what are our options, can we back out?": asking the way forward raises nothing.
  const direct = detectObjection(withoutOptionsQuestions(lead), agentBefore);
  const doubting = questionObjection(lead);
  // A seller who tried selling it themselves and now commits to listing ("… gotten nothing. Let's list it at 359")
  // has made the decision the objection was about: the commitment is the move.
  if (direct && direct.labels.every((l) => SELF_SALE.has(l))) {
    // The commitment must lie outside the sentences about selling it themselves: "we've decided to try selling it
    // ourselves" commits to the self-sale, not to the agent.
    const rest = lead
      .split(/(?<=[.!?\n])\s+/)
      .filter(
        (s) => !scoreCues(s, OBJECTION_CUES[ObjectionType.COMPETITOR]).labels.some((l) => SELF_SALE.has(l)),
      )
      .join(' ');
    const step = nextStepRule(rest, agentBefore);
    if (step?.signals.includes('buying_signal:commitment')) return step;
  }
  if (direct) {
    // Objection cues inside a doubting question ("how do we know your office sent this?") are clear evidence.
    const clear = direct.score >= 3 || doubting?.clear === true;
    return {
      category: HintCategory.OBJECTION_HANDLING,
      objection: direct.type,
      signals: [`objection:${direct.type}`, ...direct.labels.map((l) => `cue:${l}`)],
      confidence: clamp(0.55 + 0.1 * Math.max(direct.score, clear ? 3 : 0)),
      strength: clear ? 'strong' : 'weak',
    };
  }
  const raised = doubting ?? processComplaint(lead, NEGATIVE_WORDS.test(lead));
  // Right after the agent named their fee, doubt about money is doubt about the fee.
  const asked =
    raised?.type === ObjectionType.PRICE && AGENT_FEE_TOPIC.test(agentBefore)
      ? { ...raised, type: ObjectionType.COMMISSION }
      : raised;
  if (asked) {
    return {
      category: HintCategory.OBJECTION_HANDLING,
      objection: asked.type,
      signals: [`objection:${asked.type}`, ...asked.labels.map((l) => `cue:${l}`)],
      confidence: asked.clear ? 0.8 : 0.7,
      strength: asked.clear ? 'strong' : 'weak',
    };
  }
  // A turn that moves on to a next step ("fair enough, can we see it again Saturday?") leaves the objection behind,
  // and a hard moment in the lead's life comes before an old objection.
  const movesOn = nextStepRule(lead, agentBefore) !== null || scoreCues(lead, HARDSHIP_CUES).score > 0;
  const earlier = index >= 0 && !movesOn ? restatedObjection(turns, index, lead, detectObjection) : null;
  if (earlier) {
    const building = negativeTurns(turns) >= 2 ? ['context:frustration_building'] : [];
    return {
      category: HintCategory.OBJECTION_HANDLING,
      objection: earlier.type,
      signals: [`objection:${earlier.type}`, `context:restated_objection`, ...building],
      confidence: 0.65,
      strength: 'weak',
    };
  }
  return null;
}

/**
 * Context the model arbitration reads (model.ts): an objection an earlier lead turn raised (the conversation's
 * topic types a model objection better than the last turn's words), and a lead answering the agent's question
 * (an answer is rarely a new objection).
 */
function contextSignals(turns: Turn[], index: number, agentBefore: string): string[] {
  const out: string[] = [];
  if (agentAsked(agentBefore)) out.push('context:answering_agent');
  for (const e of earlierLeadTurns(turns, index).slice(0, 3)) {
    const hit = detectObjection(e.text, e.agentBefore);
    if (hit && hit.score >= 2) {
      out.push(`context:earlier_objection:${hit.type}`);
      break;
    }
  }
  return out;
}

/** Classifies the latest lead turn, with the conversation's context in its signals. */
export function classifyTurn(input: ClassifyInput): Classification {
  const { index } = lastLeadTurn(input.turns);
  const agentBefore = index >= 0 ? previousAgentTurn(input.turns, index) : '';
  const out = classifyLatest(input);
  if (out.strength === 'compliance' || index < 0) return out;
  const context = contextSignals(input.turns, index, agentBefore).filter((c) => !out.signals.includes(c));
  return context.length > 0 ? { ...out, signals: [...out.signals, ...context] } : out;
}

function classifyLatest(input: ClassifyInput): Classification {
  const { text: lead, index } = lastLeadTurn(input.turns);
  const agentBefore = index >= 0 ? previousAgentTurn(input.turns, index) : '';
  const signals: string[] = [];

  const risk = detectFairHousingRisk(lead);
  if (risk) {
    signals.push(`fair_housing:${risk.protectedClass}`);
    return { category: HintCategory.COMPLIANCE_WARNING, signals, confidence: 0.9, strength: 'compliance' };
  }

  const ready = deliverableStep(lead, input.role);
  if (ready) return ready;
  const found = objectionInContext(input.turns, index, lead, agentBefore);
  const objection = refineObjection(found, lead, input.role);
  const hardship = scoreCues(lead, HARDSHIP_CUES);
  // "my husband died two weeks ago … I want to sell, but not yet": a death explains the wait; empathy comes first
  // (an illness or a move to care for someone is a reason to wait, still a timing objection).
  const grief = hardship.labels.some((l) => LIFE_BLOWS.has(l)) && BEREAVEMENT.test(lead);
  const onlyWaiting = objection?.objection === ObjectionType.TIMING && objection.strength === 'weak';
  if (objection && !(grief && onlyWaiting)) return objection;

  const question = hasQuestion(lead);
  const feeling = hardship.labels.some((l) => l !== 'family_care');
  if (hardship.score >= 2 || (hardship.score >= 1 && feeling && !question)) {
    signals.push(...hardship.labels.map((l) => `emotion:${l}`));
    return {
      category: HintCategory.RAPPORT,
      signals,
      confidence: clamp(0.6 + 0.1 * hardship.score),
      strength: hardship.score >= 2 ? 'strong' : 'weak',
    };
  }

  const step = nextStepRule(lead, agentBefore);
  if (step) return step;

  const inventory = INVENTORY_REQUEST.test(lead);
  if (question && !inventory) {
    signals.push('question');
    return { category: HintCategory.INFORMATION, signals, confidence: 0.75, strength: 'weak' };
  }

  // Good news only when nothing in the turn is unhappy: a frustrated client is never congratulated.
  const celebration = scoreCues(lead, CELEBRATION_CUES);
  if (celebration.score >= 2 && !NEGATIVE_WORDS.test(lead)) {
    signals.push(...celebration.labels.map((l) => `emotion:${l}`));
    return {
      category: HintCategory.RAPPORT,
      signals,
      confidence: clamp(0.55 + 0.08 * celebration.score),
      strength: celebration.score >= 3 ? 'strong' : 'weak',
    };
  }

  // An unhappy turn that raised no objection needs empathy first, not a qualifying question or a next step.
  if (NEGATIVE_WORDS.test(lead)) {
    return {
      category: HintCategory.RAPPORT,
      signals: ['emotion:frustration'],
      confidence: 0.6,
      strength: 'weak',
    };
  }

  if (inventory) signals.push('buying_signal:inventory_request');
  const gaps = criticalGaps(input.role, input.slots);
  const tentative = TENTATIVE.test(lead);
  if (tentative) signals.push('tentative');
  if (
    input.role !== AgentRole.TRANSACTION_COORDINATOR &&
    (gaps.length > 0 || input.qualificationScore < 60 || tentative)
  ) {
    signals.push(...gaps.map((g) => `gap:${g}`));
    return {
      category: HintCategory.QUALIFYING_QUESTION,
      signals,
      confidence: clamp(0.5 + 0.08 * gaps.length),
      strength: 'default',
    };
  }
  signals.push('qualified');
  return { category: HintCategory.NEXT_STEP, signals, confidence: 0.55, strength: 'default' };
}
