/**
 * Objections asked as questions. "How do we know you'll pick up the phone?", "What if the seller won't pay it?",
 * "How could it be worth that?" end in a question mark but ask for reassurance, not a fact: a question whose
 * content is doubt, risk, cost or delay is an objection. Two independent parts, both about language:
 *  - the doubt: a question construction that challenges (how would we know, why would this be different, what if
 *    it fails, is that even fair, are you even listening) or a negative stance inside the question;
 *  - the topic, which gives the objection type: the agent's pay, the price, time and delays, other options, or the
 *    agent themself.
 */
import { ObjectionType } from '../../../core/vocabulary';
import { questionSentences } from './cues';

/** Question constructions that challenge rather than ask. */
const DOUBT: RegExp[] = [
  // how do we know / how can I be sure / how would I tell
  /\bhow (?:do|can|would|will|could|am|are) (?:i|we|u|you)\b[^?.!]{0,12}\b(?:know|be sure|trust|tell|believe|justify)\b/i,
  // why would / why should / why is nobody / why does it take so long
  /\bwhy (?:would|should|will|is|are|does|do|did|has|have|cant|can'?t|won'?t|isn'?t|aren'?t|doesn'?t)\b[^?.!]{0,60}\b(?:different|trust|believe|better|nobody|no one|still|again|so (?:long|much|high|low|slow)|that much|more|pay|offer|spend|bother|take so|taking)\b/i,
  /\bwhat makes (?:you|your|this|u)\b|\bwhat(?:'?s| is) (?:in it for|the catch)\b|\bhow (?:are|is|would|will) (?:you|u|your \w+)\b[^?.!]{0,20}\b(?:different|better)\b/i,
  // what do we get for that / what are we paying for
  /\bwhat (?:do|would|will|are) (?:i|we) (?:get|gain|getting|paying)\b[^?.!]{0,30}\bfor\b/i,
  // a request to bring a number down ("can we talk about lowering your fee?")
  /\b(?:lower(?:ing)?|reduc\w*|cut(?:ting)?|discount\w*|knock\w* (?:it |that |\w+ )?(?:down|off)|come down|bring (?:it|that) down|shave)\b/i,
  // what if it fails / and if the seller refuses
  /\b(?:what|and|but|so) (?:if|about if)\b[^?.!]{0,60}\b(?:wrong|isn'?t|aren'?t|doesn'?t|won'?t|can'?t|falls? (?:through|apart)|slips?|fails?|refus\w*|declin\w*|reject\w*|backs? out|walks?|never|higher)\b/i,
  /\b(?:are|r) (?:you|u) (?:even|really|actually|seriously|kidding)\b|\bdo (?:you|u) (?:even|really|actually) (?:listen|know|care|understand|get)\b/i,
  // how could it be worth that / how is that not a conflict / how is that fair
  /\bhow (?:could|can|is|would|does) (?:it|that|this|they|anyone|anybody|he|she)\b[^?.!]{0,40}\b(?:possibly|worth|fair|right|ok(?:ay)?|justif\w*|not|legal|make sense)\b/i,
  /\b(?:is|isn'?t) (?:that|it|this)\b[^?.!]{0,15}\b(?:even |really |actually )?(?:fair|worth it|legit|a conflict|too (?:much|high|long|late))\b/i,
  /\b(?:can|could|would|will|do) (?:you|u)\b[^?.!]{0,20}\b(?:go(?! (?:see|look|by|over))|come(?! (?:see|look|by|over|out))|drop|take|do it for|work for|knock|reduce|lower|cut|match|beat|refund|rebate|give (?:us|me) back)\b[^?.!]{0,25}\b(?:less|lower|down|under|cheaper|off|that|same|\d)/i,
  /\bis that something (?:you|u)(?:'?d| would| do| will)\b/i,
  /\bhow much longer\b|\bhow many (?:more )?times\b|\bwho (?:actually|even|really) (?:knows|is in charge|is handling)\b|\bwhat is (?:being|anyone) doing\b|\bwhat is being done\b/i,
];

/** A complaint or a refusal inside a question ("isn't 6% a lot?", "why pay that much?"). */
const NEGATIVE_STANCE =
  /\b(?:too (?:much|high|low|long|steep|late|expensive)|a lot|expensive|overpriced|ridiculous|crazy|insane|steep|rip[- ]?off|joke|unfair|not worth|no way|ghost\w*|burn\w*|pushy|pressur\w*|upsell\w*|lied|lying|scam|inflat\w*|stuck|nobody|no one|doesn'?t (?:sit|seem|feel) right|doesn'?t (?:make sense|add up))\b/i;

/** The agent's pay. */
const FEE_TOPIC =
  /\b(?:commissions?|(?<!(?:hoa|closing|lender|origination|inspection|title|escrow|appraisal|late|transfer) )fees?|your (?:pay|cut|rate)|pay (?:you|u|the agent|an agent|a buyer'?s? agent)|(?:buyer|listing|agent)'?s? (?:agent )?fee|get paid|pay(?:ing)? (?:agents?|realtors?|brokers?)|charg(?:e|es|ed|ing)|\d+(?:\.\d+)?\s*(?:%|percent)|rebate|refund)\b|\d\s*%/i;
/** Another way to sell or buy: another agent, a company buying for cash, going without an agent. */
const COMPETITOR_TOPIC =
  /\b(?:(?:other|another|different|second) (?:agents?|realtors?|brokers?|brokerages?)|interviewing|zillow|opendoor|offerpad|ibuyer|cash offer|instant offer|offered (?:us|me) \$?\d|by owner|fsbo|ourselves|myself|on (?:our|my) own|(?:builder|seller|listing)'?s? (?:rep|agent|sales)|why (?:hire|use) (?:an? )?(?:agent|realtor))\b/i;
/** Doubt about the agent themself: their record, honesty or motives (not just the word "you"). */
const TRUST_TOPIC =
  /\b(?:trust|legit\w*|know (?:you|u)|experience|track record|reviews?|references?|past clients|honest\w*|conflict of interest|promis\w*|burn\w*|ghost\w*|upsell\w*|(?:every|all|most|you) (?:agents?|realtors?)|(?:agents?|realtors?) (?:just|only|always|all)|(?:pushed|pressured|rushed) (?:us|me)|lied|scam|whose side|kickback|different answers|mixed messages|conflicting)\b/i;
/** The money a home costs. */
const PRICE_TOPIC =
  /\$|\b\d{3}k?\b|\b\d+(?:\.\d+)?\s*(?:k|m|mil|million|grand)\b|\b(?:thousands|grand|worth|price[sd]?|pricing|asking|comps?|comparables?|sold for|went for|valu\w*|apprais\w*|afford\w*|money|cost|costs|expensive|cheaper|over (?:our|my) budget|budget|max|credit|repairs?)\b/i;
/** Time: dates, delays, waiting. */
const TIMING_TOPIC =
  /\b(?:clos(?:e|ing)|date|delay\w*|wait\w*|deadline|rates?|later|timeline|longer|slip\w*|extension|pushed|push(?:ing)? (?:it|back|out)|yet|rush\w*|ready|next (?:year|month|spring|summer|fall|winter)|days?|weeks?|months?|years?|after the|until|till|update|lender|title|underwriting|lock)\b/i;
/** Not in the market: browsing, curiosity, staying put. */
const LOOKING_TOPIC =
  /\b(?:just (?:looking|browsing|curious|nosy|checking)|nosy|curious|killing time|for fun|(?:we'?re|i'?m) (?:good|happy|fine|staying) (?:where|here)|staying put|not (?:going anywhere|moving|in the market|looking to))\b/i;

/** Topics in the order they type an objection: a fee is also money, so it is tried before the price. */
const TOPICS: [ObjectionType, RegExp][] = [
  [ObjectionType.COMMISSION, FEE_TOPIC],
  [ObjectionType.COMPETITOR, COMPETITOR_TOPIC],
  [ObjectionType.TRUST, TRUST_TOPIC],
  [ObjectionType.PRICE, PRICE_TOPIC],
  [ObjectionType.TIMING, TIMING_TOPIC],
];

/** The type the message's topic words give an objection, or null when they name none. */
export function topicOf(text: string): ObjectionType | null {
  return TOPICS.find(([, re]) => re.test(text))?.[0] ?? null;
}

/** Every objection type the message's topic words point to (for choosing among a model's objection types). */
export function topicsOf(text: string): Set<ObjectionType> {
  const out = new Set<ObjectionType>(TOPICS.filter(([, re]) => re.test(text)).map(([t]) => t));
  if (LOOKING_TOPIC.test(text)) out.add(ObjectionType.JUST_LOOKING);
  return out;
}

export interface QuestionObjection {
  type: ObjectionType;
  labels: string[];
  /** A doubting question with a named topic (clear), or only a complaint word or a doubt aimed at "you". */
  clear: boolean;
}

/** The deal's process running late: with an unhappy word, a timing objection ("closing slipped again, ridiculous"). */
const PROCESS =
  /\b(?:clos(?:e|ing)|lender|title|underwriting|appraisal|escrow|date|deadline|delay\w*|pushed|slip\w*|extension|paperwork|nobody|no one)\b/i;

/** Frustration with how the deal is moving is a timing objection, not a feeling to celebrate or a fact to give. */
export function processComplaint(lead: string, unhappy: boolean): QuestionObjection | null {
  if (!unhappy || !PROCESS.test(lead)) return null;
  return { type: ObjectionType.TIMING, labels: ['process_frustration'], clear: false };
}

/**
 * A question that asks which way the deal can go after news ("what are our options?", "does the seller have to come
 * down, or do we cover it?", "is that cutting it too close?"): a request for the facts, not doubt.
 */
const OPTIONS_QUESTION =
  /\bwhat (?:are|r) (?:our|my|the) options\b|\bwhat (?:happens|do we do|should we do)(?: now| next)?\b|\b(?:do|does|will|would) (?:we|i|the \w+|they|he|she) (?:have|need) to\b[^?]*\bor\b|\b(?:are|am) (?:we|i) expected to\b|\bcutting it (?:too )?close\b|\bis (?:that|it) (?:enough|too) (?:time|close|tight)\b/i;

/** The message without its questions about the way forward (unchanged when it holds a complaint word). */
export function withoutOptionsQuestions(lead: string): string {
  if (NEGATIVE_STANCE.test(lead)) return lead;
  let out = lead;
  for (const q of questionSentences(lead)) if (OPTIONS_QUESTION.test(q)) out = out.replace(q, ' ');
  return out;
}

/** "you" / "your" as the one doubted, when no other topic is named. */
const ABOUT_YOU = /\b(?:you|u|your|ur)\b/i;
/** The lead asks how they can know or trust something about the agent: clearly a trust objection. */
const DOUBT_ABOUT_YOU =
  /\bhow (?:do|can|would|will|could|are|am) (?:i|we)\b[^?.!]{0,12}\b(?:know|be sure|trust|tell|believe)\b[^?.!]*\b(?:you|u|your|ur)\b|\bhow (?:are|is|would|will) (?:you|u)\b[^?.!]{0,20}\b(?:different|better)\b|\bwhat makes (?:you|u)\b|\bwhy (?:should|would) (?:i|we) (?:trust|believe)\b|\b(?:are|r) (?:you|u) (?:even|really|actually)\b/i;

/**
 * The objection a question raises, or null when its questions are plain requests for facts. The topic is read
 * from the whole message ("we close Friday. why is nobody calling?"); a doubt aimed only at "you" is about trust.
 */
export function questionObjection(lead: string): QuestionObjection | null {
  for (const q of questionSentences(lead)) {
    if (OPTIONS_QUESTION.test(q) && !NEGATIVE_STANCE.test(q)) continue;
    const doubt = DOUBT.some((re) => re.test(q));
    const stance = NEGATIVE_STANCE.test(q);
    if (!doubt && !stance) continue;
    // Doubt aimed at the agent is about trust unless the message names the fee or another option.
    const aboutYou = DOUBT_ABOUT_YOU.test(q) && !FEE_TOPIC.test(lead) && !COMPETITOR_TOPIC.test(lead);
    const named = aboutYou ? ObjectionType.TRUST : topicOf(lead);
    const type = named ?? (doubt && ABOUT_YOU.test(q) ? ObjectionType.TRUST : null);
    if (type === null) continue;
    // A negative word alone ("is there a lot of traffic?") needs a doubt construction or a money/fee topic.
    if (!doubt && type !== ObjectionType.COMMISSION && type !== ObjectionType.PRICE) continue;
    return {
      type,
      labels: [doubt ? 'doubt_question' : 'complaint_question'],
      clear: doubt && (named !== null || DOUBT_ABOUT_YOU.test(q)),
    };
  }
  return null;
}
