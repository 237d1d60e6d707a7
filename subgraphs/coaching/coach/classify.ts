/**
 * Classifies the lead's latest turn into the single best primary hint category.
 * Priority: Fair Housing risk > objection > hardship (empathy first) > a concrete next step >
 * a factual question > celebration > qualification gaps (qualifying question) > next step.
 */
import { AgentRole, HintCategory, ObjectionType, Speaker } from '../../../core/vocabulary';
import {
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
import { detectFairHousingRisk } from './fair-housing';
import { stanceEvidence } from './stance';
import type { Classification, ClassifyInput, Slots, Turn } from './types';

/** Words that make an agent turn about fees, so a lead's pushback right after is a commission objection. */
const AGENT_FEE_TOPIC =
  /\b(?:commission|fee|compensation|\d+(?:\.\d+)?\s*%|percent|(?:buyer|representation|buyer'?s|exclusive) (?:agency |broker )?agreement|sign (?:the|a|an|this) agreement)\b/i;
const LEAD_FEE_PUSHBACK =
  /\b(?:steep|too (?:much|high)|a lot|(?:could|can|would|will) (?:you|u) (?:do|take|accept|consider|go down to|come down to|match|beat)|lower|less|discount|flat|have to pay|pay (?:you|u)|not signing|out of pocket|owe|hard no|no way|why would)\b|\?\?/i;

function lastLeadTurn(turns: Turn[]): { text: string; index: number } {
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i];
    if (t && t.speaker === Speaker.LEAD) return { text: t.text, index: i };
  }
  return { text: '', index: -1 };
}

function previousAgentTurn(turns: Turn[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const t = turns[i];
    if (t && t.speaker === Speaker.AGENT) return t.text;
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
  // rate is a commission objection, a "not yet" about rates is timing rather than price.
  return hits.find((h) => h.score >= 2) ?? null;
}

/** Role-relevant slots that make a qualifying question the better move when missing. */
export function criticalGaps(role: AgentRole, slots: Slots): string[] {
  if (role === AgentRole.BUYER_AGENT) {
    const gaps: string[] = [];
    if (slots.budget === undefined) gaps.push('budget');
    if (slots.preApproved !== true) gaps.push('preApproved');
    if (!slots.areas || slots.areas.length === 0) gaps.push('areas');
    return gaps;
  }
  if (role === AgentRole.LISTING_AGENT) {
    const gaps: string[] = [];
    if (slots.priceExpectation === undefined) gaps.push('priceExpectation');
    if (slots.timelineMonths === undefined) gaps.push('timelineMonths');
    return gaps;
  }
  return [];
}

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
  const accepted = AGENT_OFFER.test(agentBefore) && LEAD_ACCEPT.test(lead);
  const questions = questionSentences(lead);
  const infoQuestion = questions.some(
    (q) => scoreCues(q, NEXT_STEP_CUES).score === 0 && !INVENTORY_REQUEST.test(q),
  );
  const nextInQuestion = questions.some((q) => scoreCues(q, NEXT_STEP_CUES).score > 0);
  const logisticsOnly = next.labels.every((l) => l === 'availability' || l === 'time_proposed');
  if ((next.score >= 2 || accepted) && !(infoQuestion && !nextInQuestion && logisticsOnly)) {
    const signals = next.labels.map((l) => `buying_signal:${l}`);
    if (accepted) signals.push('buying_signal:accepted_agent_offer');
    return {
      category: HintCategory.NEXT_STEP,
      signals,
      confidence: clamp(0.65 + 0.08 * next.score),
      strength: next.score >= 3 || accepted ? 'strong' : 'weak',
    };
  }
  return null;
}

/** Classifies the latest lead turn. */
export function classifyTurn(input: ClassifyInput): Classification {
  const { text: lead, index } = lastLeadTurn(input.turns);
  const agentBefore = index >= 0 ? previousAgentTurn(input.turns, index) : '';
  const signals: string[] = [];

  const risk = detectFairHousingRisk(lead);
  if (risk) {
    signals.push(`fair_housing:${risk.protectedClass}`);
    return { category: HintCategory.COMPLIANCE_WARNING, signals, confidence: 0.9, strength: 'compliance' };
  }

  const objection = detectObjection(lead, agentBefore);
  if (objection) {
    signals.push(`objection:${objection.type}`, ...objection.labels.map((l) => `cue:${l}`));
    return {
      category: HintCategory.OBJECTION_HANDLING,
      objection: objection.type,
      signals,
      confidence: clamp(0.55 + 0.1 * objection.score),
      strength: objection.score >= 3 ? 'strong' : 'weak',
    };
  }

  const question = hasQuestion(lead);
  const hardship = scoreCues(lead, HARDSHIP_CUES);
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

  const celebration = scoreCues(lead, CELEBRATION_CUES);
  if (celebration.score >= 2) {
    signals.push(...celebration.labels.map((l) => `emotion:${l}`));
    return {
      category: HintCategory.RAPPORT,
      signals,
      confidence: clamp(0.55 + 0.08 * celebration.score),
      strength: celebration.score >= 3 ? 'strong' : 'weak',
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
