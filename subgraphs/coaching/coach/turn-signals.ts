/**
 * The signals one conversation turn carries — intent, sentiment and objection type — read by the same
 * offline rules the coach uses (classify.ts for the lead's objections and next steps, cues.ts for feelings
 * and questions). Pure and cheap: computed from the text whenever a turn is shown or a detector runs.
 */
import {
  AgentRole,
  HintCategory,
  ObjectionType,
  Sentiment,
  Speaker,
  TurnIntent,
} from '../../../core/vocabulary';
import { classifyTurn, detectObjection } from './classify';
import { AGENT_OFFER, CELEBRATION_CUES, HARDSHIP_CUES, hasQuestion, scoreCues } from './cues';

export interface TurnSignals {
  intent: TurnIntent;
  sentiment: Sentiment;
  /** The objection a LEAD turn raises; null otherwise. */
  objection: ObjectionType | null;
  /** Sentiment as a number, -1 (negative) to 1 (positive), for trends. */
  sentimentScore: number;
  /** Buying-signal cues found (`buying_signal:*`), for the detectors. */
  buyingSignals: string[];
}

const GREETING =
  /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you|thx|ty)\b[\s\w,!.']{0,30}$/i;
const INFO =
  /\$\s?\d|\b\d+(?:\.\d+)?\s*(?:k|m|million)\b|\b\d\s*(?:bed|br|bd|bedroom)s?\b|\bpre-?approved\b|\bbudget\b|\b(?:in|within|by) (?:\d+|a few|the next) (?:months?|weeks?)\b|\bwe(?:'re| are) (?:looking|moving|relocating)\b/i;
const NEGATIVE =
  /\b(?:frustrat\w*|annoy\w*|disappoint\w*|upset|angry|mad|tired of|fed up|waste of (?:time|money)|forget it|never ?mind|not happy|unhappy|worried|concerned|stress\w*|ridiculous|terrible|awful|horrible|hate|ugh|no longer interested|not interested|stop (?:texting|calling|messaging)|leave (?:me|us) alone|give up|giving up|losing (?:hope|patience)|unreasonable|pushy)\b/i;
const POSITIVE =
  /\b(?:love|loved|great|perfect|excited|exciting|awesome|amazing|wonderful|fantastic|thanks|thank you|appreciate|glad|happy|sounds good|can't wait|beautiful|fabulous)\b/i;

/** Complaints weigh on the tone; "just looking" or "not yet" hardly do. */
const COMPLAINING: ReadonlySet<ObjectionType> = new Set([
  ObjectionType.PRICE,
  ObjectionType.COMMISSION,
  ObjectionType.TRUST,
]);

function sentimentScore(text: string, objection: ObjectionType | null): number {
  let score = 0;
  const neg = (text.match(new RegExp(NEGATIVE.source, 'gi')) ?? []).length;
  const pos = (text.match(new RegExp(POSITIVE.source, 'gi')) ?? []).length;
  score += 0.5 * pos - 0.6 * neg;
  const hardship = scoreCues(text, HARDSHIP_CUES).score;
  if (hardship > 0) score -= 0.3;
  if (scoreCues(text, CELEBRATION_CUES).score >= 2) score += 0.4;
  if (objection) score -= COMPLAINING.has(objection) ? 0.35 : 0.1;
  return Math.max(-1, Math.min(1, Math.round(score * 100) / 100));
}

function sentimentOf(score: number): Sentiment {
  if (score <= -0.3) return Sentiment.NEGATIVE;
  if (score >= 0.3) return Sentiment.POSITIVE;
  return Sentiment.NEUTRAL;
}

function agentSignals(text: string): TurnSignals {
  const score = sentimentScore(text, null);
  let intent = TurnIntent.STATEMENT;
  if (GREETING.test(text)) intent = TurnIntent.GREETING;
  else if (AGENT_OFFER.test(text)) intent = TurnIntent.PROPOSAL;
  else if (hasQuestion(text)) intent = TurnIntent.QUESTION;
  return { intent, sentiment: sentimentOf(score), objection: null, sentimentScore: score, buyingSignals: [] };
}

/**
 * The turn's signals. `agentBefore` is the agent's message just before a LEAD turn (context for "not yet"
 * answers and fee pushback); empty when none.
 */
export function turnSignals(speaker: Speaker, text: string, agentBefore = ''): TurnSignals {
  if (speaker === Speaker.AGENT) return agentSignals(text);
  const objection = detectObjection(text, agentBefore)?.type ?? null;
  const turns = [
    ...(agentBefore ? [{ speaker: Speaker.AGENT, text: agentBefore }] : []),
    { speaker: Speaker.LEAD, text },
  ];
  const c = classifyTurn({ role: AgentRole.BUYER_AGENT, turns, slots: {}, qualificationScore: 100 });
  const buyingSignals = c.signals.filter((s) => s.startsWith('buying_signal:'));
  const score = sentimentScore(text, objection);
  let intent: TurnIntent;
  if (objection) intent = TurnIntent.OBJECTION;
  else if (c.category === HintCategory.NEXT_STEP && buyingSignals.length > 0)
    intent = TurnIntent.BUYING_SIGNAL;
  else if (c.category === HintCategory.RAPPORT) intent = TurnIntent.EMOTIONAL;
  else if (GREETING.test(text)) intent = TurnIntent.GREETING;
  else if (c.category === HintCategory.INFORMATION) intent = TurnIntent.QUESTION;
  else if (INFO.test(text)) intent = TurnIntent.SHARING_INFO;
  else if (hasQuestion(text)) intent = TurnIntent.QUESTION;
  else if (score <= -0.5) intent = TurnIntent.EMOTIONAL;
  else intent = TurnIntent.STATEMENT;
  return { intent, sentiment: sentimentOf(score), objection, sentimentScore: score, buyingSignals };
}
