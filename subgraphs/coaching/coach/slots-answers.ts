/**
 * Short answers to the agent's question: "What's your timeline?" → "probably 3 months", "How many bedrooms?" →
 * "3 at least", "Which areas?" → "Plano or Frisco", "What's your budget?" → "around 350". The question names the
 * slot, the lead's answer gives the value; what the agent said alone is never a slot. English and Spanish
 * questions alike (the agent's turn is read through its English gloss).
 */
import { AgentRole, Speaker } from '../../../core/vocabulary';
import { answerPlaces } from './areas';
import { toSlotText } from './language';
import { durationToMonths, findMoneyMentions, normalizeNumberWords, parseCount } from './numbers';
import type { Slots, Turn } from './types';

type Topic = 'timeline' | 'bedrooms' | 'areas' | 'money';

const TOPICS: [Topic, RegExp][] = [
  ['bedrooms', /\bhow many (?:bed|bedroom|br|room)s?\b|\bbedrooms?\b[^?]*\?/i],
  [
    'timeline',
    /\b(?:timeline|time ?frame)\b|\b(?:when|how soon|by when|what date)\b[^?]*\b(?:move|moving|moved|buy|buying|sell|selling|list|listing|close|closing|be in|be out|relocat\w*|purchase|start looking)\b/i,
  ],
  [
    'areas',
    /\b(?:which|what|any) (?:areas?|neighbou?rhoods?|part of town|cities|city|towns?|zip)\b|\bwhere\b[^?]*\b(?:looking|want|like|hoping|thinking|searching|buy|buying|move|moving|relocat\w*)\b/i,
  ],
  [
    'money',
    /\b(?:budget|price range|price point|how much|spend|afford|what (?:number|price)|a number in mind|hoping to get|walk away with|pre-?approved|approved)\b/i,
  ],
];

/** A short answer: a fragment, not a new story (long turns are read by the main patterns). */
const SHORT = 14;

/** Money questions about something other than the price of the home ("how much do you owe / pay in rent?"). */
const OTHER_MONEY =
  /\b(?:owe|rent|down payment|down|commission|fees?|hoa|tax(?:es)?|saved|savings|income|make|payments?|monthly|deposit|earnest|credit|closing costs)\b/i;

function topicOf(question: string): Topic | undefined {
  if (!question.includes('?')) return undefined;
  if (OTHER_MONEY.test(question)) return TOPICS.find(([t, re]) => t !== 'money' && re.test(question))?.[0];
  return TOPICS.find(([, re]) => re.test(question))?.[0];
}

const DURATION =
  /\b(\d+(?:\.\d+)?|a|an|one|a couple(?: of)?|couple(?: of)?|a few|few)\s*(?:(?:-|–|to|or)\s*(\d+(?:\.\d+)?)\s*)?(days?|weeks?|months?|years?)\b(?!\s+ago)/i;

function answerValue(topic: Topic, answer: string, role: AgentRole | undefined): Slots {
  if (topic === 'timeline') {
    const m = DURATION.exec(answer);
    const count = m ? parseCount(m[1] ?? '') : null;
    if (!m || count === null) return {};
    const upper = m[2] !== undefined ? Number(m[2]) : count;
    return { timelineMonths: durationToMonths(Math.max(count, upper), m[3] ?? 'month') };
  }
  if (topic === 'bedrooms') {
    const m =
      /^\W*(?:at least|minimum|min|probably|maybe|ideally|need|we need|just)?\s*(\d)\b(?!\s*(?:k\b|%|,\d|\.\d|\d))/i.exec(
        answer,
      );
    return m ? { bedrooms: Number(m[1]) } : {};
  }
  if (topic === 'areas') {
    const areas = answerPlaces(answer);
    return areas.length > 0 ? { areas } : {};
  }
  const money = findMoneyMentions(answer).find((m) => m.value >= 60_000);
  if (!money) return {};
  return role === AgentRole.LISTING_AGENT ? { priceExpectation: money.value } : { budget: money.value };
}

/** Slots stated as short answers to the agent's questions (later answers win). */
export function answeredSlots(turns: Turn[], role: AgentRole | undefined): Slots {
  const out: Slots = {};
  turns.forEach((turn, i) => {
    const prev = turns[i - 1];
    if (turn.speaker !== Speaker.LEAD || !prev || prev.speaker !== Speaker.AGENT) return;
    const whole = normalizeNumberWords(toSlotText(turn.text));
    // "st george or maybe hurricane. single level is a must": a long turn that opens with a short answer.
    const answer = whole.split(/\s+/).length > SHORT ? (/^[^.!?\n]+/.exec(whole)?.[0] ?? '') : whole;
    if (answer.split(/\s+/).length > SHORT) return;
    const topic = topicOf(toSlotText(prev.text));
    if (topic !== undefined) Object.assign(out, answerValue(topic, answer, role));
  });
  return out;
}

/**
 * Short lead turns answering a money question about something else ("How much do you owe?" → "about 180"):
 * their numbers are neither a budget nor a price.
 */
export function otherMoneyAnswers(turns: Turn[]): Set<Turn> {
  const out = new Set<Turn>();
  turns.forEach((turn, i) => {
    const prev = turns[i - 1];
    if (turn.speaker !== Speaker.LEAD || !prev || prev.speaker !== Speaker.AGENT) return;
    const question = toSlotText(prev.text);
    if (!question.includes('?') || !OTHER_MONEY.test(question)) return;
    if (turn.text.split(/\s+/).length <= SHORT) out.add(turn);
  });
  return out;
}
