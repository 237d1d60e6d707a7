/**
 * Money slots from the lead's words: a buyer's budget (ceiling) or a seller's price expectation, decided by the
 * words around each amount (cues before and after it, the sentence's buy/sell context, then the agent's role).
 */
import { AgentRole } from '../../../core/vocabulary';
import { findMoneyMentions } from './numbers';
import {
  HELD_ABOUT_BEFORE,
  OFFER_CLAUSE,
  OTHERS_PRICE_BEFORE,
  PRICE_IN_ARITHMETIC_AFTER,
  PRICE_IN_ARITHMETIC_BEFORE,
  OWN_NUMBER_BEFORE,
  REFUSED_NUMBER_BEFORE,
  SELLER_PRICE_AFTER,
  SELLER_PRICE_BEFORE,
} from './price-cues';

type MoneyKind = 'budget' | 'price' | 'either' | 'none' | 'uncued';

const BUDGET_BEFORE =
  /(?:\b(?:under|below|beneath|max(?:imum)?|up to|upto|no more than|not more than|less than|nothing over|nothing above|budget(?:\s+(?:is|of|at|around|about|=|:|was|will be|would be))?|afford(?:\s+(?:is|about|around|maybe))?|spend(?:\s+(?:is|about|around|up to|maybe))?|(?:spend|pay|go|be)\s+(?:more than|over|above|past|beyond)|top out at|tops out at|cap(?:ped)? (?:at|of)|pre-?approved (?:for|up to|at)|approved (?:for|up to)|qualified (?:for|up to)|price range(?:\s+(?:is|of))?|range(?:\s+(?:is|of))?|looking to spend|stay under|keep it under)\s*[:=~]?\s*(?:of\s+|about\s+|around\s+|roughly\s+|approx(?:\.|imately)?\s+|like\s+|maybe\s+|~)?|[<≤])\s*$/i;
const BUDGET_AFTER =
  /^\s*(?:(?:is|would be) (?:the )?(?:most|max|top|limit|highest)\b|max\b|maximum|budget|tops?\b|or (?:less|under|below|lower)|and under|(?:is )?(?:our|my) (?:max|budget|limit|ceiling)|to spend|range|(?:is )?all we can|cap\b|limit\b|ceiling)/i;
const PRICE_BEFORE =
  /\b(?:hop(?:e|ing)\s+(?:to\s+get|to\s+sell\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?for|for(?:\s+(?:closer to|around|about|at least))?|to list (?:it |(?:the|our|my)\s+\w+\s+)?(?:at|for))|(?:want|wanting|wanna|would like|'d like|like|love|expect|expecting|need|needing)\s+to\s+(?:get|net|clear|walk away with|list\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?(?:at|for)|sell\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?for)|(?:we|i)\s+(?:expect|think we can get|think it'?s worth)|get(?:ting)?\s+(?:at least|around|about|close to)|sell\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?for|list(?:ing)?\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?(?:at|for)(?:\s+(?:under|less than|below))?|(?:not|won'?t)\s+(?:list|sell|take|accept)\w*\s+(?:it\s+)?(?:for\s+)?(?:under|less than|below)|asking(?:\s+price)?(?:\s+(?:of|is|at))?|worth(?:\s+(?:at least|about|around))?|bottom line(?:\s+is)?|floor(?:\s+is)?|nothing (?:under|less than|below))\s*(?:about|around|roughly|approx(?:\.|imately)?|like|maybe|~)?\s*$/i;
const PRICE_AFTER =
  /^\s*(?:for (?:it|the|our|my|ours)\b|or (?:more|better|higher)|minimum|min\b|at (?:the )?least)/i;
const EITHER_BEFORE =
  /\b(?:around|about|roughly|approx(?:\.|imately)?|between|somewhere|range of|~|in the|closer to|at least|(?:we|i)\s+(?:want|need|were thinking|are thinking)(?:\s+(?:like|about|around|maybe))?|(?:thinking|figure|figured|guess|guessing)|(?:can|could)\s+do|comfortable(?:\s+(?:with|at|around|up to))?)\s*$/i;
const EITHER_AFTER = /^\s*(?:ish|or so|range)\b/i;
/** More ceilings: "could go to", "stretched to", "tops 600", "approved through X for 350". */
const BUDGET_BEFORE_MORE =
  /\b(?:(?:limit|ceiling|max|maximum|top)\s+(?:is|are|would be|of)|(?:could|can|would|will|'d|might)\s+(?:go|stretch|push|do)\s+(?:to|up to|as high as|as much as)|stretch(?:ed|ing)?\s+(?:to|up to)|tops?|at (?:the )?most|(?:pre-?)?approved\b(?:\s+[\w']+){1,5}?\s+(?:for|up to|at)|qualif(?:y|ied)\b(?:\s+\w+){1,3}?\s+(?:for|up to)|(?:max|maximum|most)\s+(?:that\s+)?(?:we|i)\s+(?:can|could)(?:\s+\w+)?\s+(?:is|are|would be))\s*(?:about|around|like|~)?\s*$/i;
/** More seller floors: "not comfortable listing below", "won't take less than". */
const PRICE_BEFORE_MORE =
  /\b(?:(?:list|sell|take|accept)\w*\s+(?:it\s+)?(?:for\s+)?(?:a (?:penny|dime|cent|dollar)|one (?:penny|cent|dollar)|anything)\s+(?:under|less than|below)|hop(?:e|ing)\s+for\s+(?:something|anything)\s+(?:close to|closer to|near|around|about|in the)|(?:list|sell)(?:ing)?\s+(?:it\s+|(?:the|our|my)\s+\w+\s+)?(?:for\s+|at\s+)?(?:below|under|less than|lower than|for less than)|(?:take|accept)\s+(?:less than|under|below|anything under|anything below)|(?:not|n't|never)\s+(?:\w+\s+){0,2}(?:go|going|drop|dropping|come|coming|budge|budging|move|moving)\s+(?:below|under|lower than|down to|less than)|(?:not|n't|never)\s+(?:\w+\s+){0,2}(?:agree|agreeing|settle|settling|sign|signing)\s+(?:to|for|on)\s+(?:anything\s+|a price\s+)?(?:under|below|less than|lower than))\s*(?:about|around|like)?\s*$/i;
/** "... and want 480": a wish joined to the lead's own clause. */
const EITHER_BEFORE_MORE =
  /(?:(?:\band|\bbut|\bso|,)\s+(?:want|need|hope for|hoping for)|\b(?:we|i)\s+(?:have|'ve got)\s+(?:about|around|like|maybe|~)?)\s*$/i;
/** "we have 300k in equity / saved / for the down payment" is money the lead holds, not a budget. */
const HELD_MONEY_AFTER = /^\s*(?:k\b)?\s*(?:in|of|saved|for (?:the )?down|down|equity|cash|in cash)\b/i;
/** "nothing under 500 is worth it" describes the market, not the lead's floor. */
const MARKET_REMARK = /^\s*k?\s*(?:is|are|was|were|seems?|looks?|has|had)\b/i;
/** A first-person speaker before the amount ("we're thinking around 425 for a 3 bed" is the lead's own). */
const FIRST_PERSON = /\b(?:we|i|we're|i'm|we've|i've|our|my)\b/i;
const NOT_SLOT_BEFORE =
  /\b(?:offers?(?:\s+(?:from|of|for|at)\s*\w*)*|paid|pay|paying|sold|bought|owe|owed|listed|priced|taxes|tax|overpriced|appraised|appraisal|commission|fees?|saved|savings|down|deposit|earnest|income|salary|make|makes|made|got|get|by|reduced|cut|drop|dropped|lower|lowered|raise|raised)\s+(?:\w+\s+){0,2}$/i;

/** "he offered 390 for our place": another party's offer, not the seller's own price. */
const OTHERS_OFFER =
  /\b(?:he|she|they|someone|somebody|buyers?|investors?|company|guy|flipper)\s+(?:\w+\s+)?(?:offered|offers|bid)\s+(?:us\s+|me\s+)?(?:about|around|like|~)?\s*$/i;
/** "we won't come down from 590", "no bajamos de 590" (read as "no we lower of"): the seller's floor. */
const NO_LOWER_THAN =
  /(?:\bnot?|n't)\s+(?:we\s+|i\s+|gonna\s+|going to\s+)?(?:lower|go down|come down|drop)\s+(?:it\s+)?(?:of|from|below|under|than)\s*$/i;

function moneyKind(before: string, after: string): MoneyKind {
  const b = before.slice(-90);
  if (OTHERS_OFFER.test(b)) return 'none';
  if (NO_LOWER_THAN.test(b)) return 'price';
  if (/\bnothing\s+(?:under|below|less than|over|above)\s*$/i.test(b) && MARKET_REMARK.test(after))
    return 'none';
  // "that's not worth 399": the lead judging someone else's price, not naming their own.
  if (/\b(?:not|no|isn'?t|n't)\s+(?:is\s+|really\s+)?worth\s*(?:about|around|even)?\s*$/i.test(b))
    return 'none';
  if (REFUSED_NUMBER_BEFORE.test(b)) return 'none';
  if (PRICE_IN_ARITHMETIC_BEFORE.test(b) && PRICE_IN_ARITHMETIC_AFTER.test(after)) return 'either';
  if (HELD_ABOUT_BEFORE.test(b) && !HELD_MONEY_AFTER.test(after)) return 'either';
  if (SELLER_PRICE_AFTER.test(after) || SELLER_PRICE_BEFORE.test(b)) return 'price';
  if (OWN_NUMBER_BEFORE.test(b)) return 'either';
  if (OTHERS_PRICE_BEFORE.test(b)) return 'none';
  if (PRICE_BEFORE.test(b) || PRICE_BEFORE_MORE.test(b)) return 'price';
  if (BUDGET_BEFORE.test(b) || BUDGET_BEFORE_MORE.test(b) || BUDGET_AFTER.test(after)) return 'budget';
  if (NOT_SLOT_BEFORE.test(b)) return 'none';
  if (PRICE_AFTER.test(after)) return 'price';
  const either = EITHER_BEFORE.test(b) || EITHER_BEFORE_MORE.test(b) || EITHER_AFTER.test(after);
  const ownWish = either && FIRST_PERSON.test(b);
  if (
    !ownWish &&
    /^\s*(?:for|on)\s+(?:a|an|the|this|that)?\s*\d*\s*(?:sq|square|bed|br|\w+\s+sq)/i.test(after)
  )
    return 'none';
  if (either && HELD_MONEY_AFTER.test(after) && /\b(?:have|'ve got)\b\s*\S*\s*$/i.test(b)) return 'none';
  if (either) return 'either';
  if (/^\s*(?:for|on|in|to|per|a|each|over|above|under|below|more|less)\b/i.test(after)) return 'none';
  return 'uncued';
}

/** A bare "$350k" in a list of wants ("preapproved, 350k, 2 bed, in Mesa") reads as the budget/price. */
const SPEC_CONTEXT =
  /\b(?:beds?|bedrooms?|br|bdrms?|condos?|town\s?(?:homes?|houses?)|single[- ]family|duplex|homes?|houses?|places?|preapproved|pre-approved|looking|budget|want|need|range)\b|\b(?:in|near|around)\s+[A-Z]/i;
const SHOWN_BY_OTHERS = /\b(?:showed|shown|sent|sends|shows|recommended|suggested|pulled)\b/i;
const FEE_CONTEXT = /%|\bpercent\b|\bcommission\b|\bfees?\b/i;

const SELL_CONTEXT =
  /\b(?:sell|selling|sold|list|listing|our (?:house|home|place|condo|townhouse|townhome)|for ours|on ours)\b/i;
const BUY_CONTEXT =
  /\b(?:buy|buying|looking for|budget|afford|spend|beds?|bedrooms?|br|preapproved|pre-approved)\b/i;

/** Distance from `at` to the nearest match of a global regex in text (Infinity if none). */
function nearest(re: RegExp, text: string, at: number): number {
  let best = Infinity;
  for (const m of text.matchAll(re)) best = Math.min(best, Math.abs(m.index - at));
  return best;
}

/**
 * Buying or selling, by the cue in the amount's own clause, then in the clauses before it, then after: "a 2 bed
 * condo, something around 450k, paid for with the sale of our home" is a budget though the sentence also sells.
 */
function nearestSide(sentence: string, at: number): 'price' | 'budget' | undefined {
  const clauses: { start: number; text: string }[] = [];
  let start = 0;
  for (const part of sentence.split(',')) {
    clauses.push({ start, text: part });
    start += part.length + 1;
  }
  const own = clauses.findIndex((c) => at >= c.start && at < c.start + c.text.length + 1);
  const order = [own, ...range(own - 1, -1), ...range(own + 1, clauses.length)];
  for (const i of order) {
    const c = clauses[i];
    if (!c) continue;
    const sell = nearest(new RegExp(SELL_CONTEXT.source, 'gi'), c.text, at - c.start);
    const buy = nearest(new RegExp(BUY_CONTEXT.source, 'gi'), c.text, at - c.start);
    if (sell !== Infinity || buy !== Infinity) return sell <= buy ? 'price' : 'budget';
  }
  return undefined;
}

/** Integers from `from` towards `to` (exclusive), either direction. */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; from <= to ? i < to : i > to; i += from <= to ? 1 : -1) out.push(i);
  return out;
}

/** Splits a message into sentences, keeping decimals ("1.2m") intact. */
export function sentencesOf(text: string): string[] {
  return text.split(/[!?\n;]+|\.(?!\d)(?:\s+|$)/).filter((s) => s.trim().length > 0);
}

export interface MoneyFacts {
  budget?: number;
  priceExpectation?: number;
}

/** "pre-approved for 600k" is a ceiling; a budget the lead states ("we'd like to stay under 550") wins over it. */
const APPROVAL_AMOUNT =
  /\b(?:pre-?approved|approved|qualified|qualify)\b(?:\s+\w+){0,3}?\s+(?:for|up to|at)\s*(?:about|around|up to|like)?\s*$/i;

export function extractMoney(texts: string[], role: AgentRole | undefined): MoneyFacts {
  const facts: MoneyFacts = {};
  let budgetPriority = 0;
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const mentions = findMoneyMentions(sentence);
      for (let i = 0; i < mentions.length; i++) {
        const m = mentions[i];
        if (!m) continue;
        const next = mentions[i + 1];
        const between = next ? sentence.slice(m.end, next.start) : '';
        const isRange = next !== undefined && /^\s*(?:-|–|to|and)\s*\$?\s*$/i.test(between);
        const end = isRange && next ? next.end : m.end;
        let kind = moneyKind(sentence.slice(0, m.start), sentence.slice(end));
        // "she showed us houses at 600k": a number someone else put forward is not the lead's.
        if (kind === 'uncued' && SHOWN_BY_OTHERS.test(sentence.slice(0, m.start))) kind = 'none';
        if (kind === 'uncued') kind = m.explicit && SPEC_CONTEXT.test(sentence) ? 'either' : 'none';
        if (m.needsCue && m.value >= 1_000_000 && FEE_CONTEXT.test(text)) kind = 'none'; // "worth 2.5?" after "1%"
        if (kind === 'either' && OFFER_CLAUSE.test(sentence.slice(0, m.start))) kind = 'none';
        if (kind === 'either') {
          // A sentence with no buying or selling word of its own ("thinking around 600k") takes the message's.
          const side = nearestSide(sentence, m.start) ?? nearestSide(text, text.indexOf(sentence) + m.start);
          if (side !== undefined) kind = side;
          else if (role === AgentRole.LISTING_AGENT) kind = 'price';
          else if (role === AgentRole.BUYER_AGENT) kind = 'budget';
          else kind = 'none';
        }
        if (isRange) i++;
        if (kind === 'none') continue;
        const low = m.value;
        const high = isRange && next ? Math.max(next.value, m.value) : m.value;
        if (high < 60_000) continue; // not a home price (fees, credits, repairs)
        const priority = APPROVAL_AMOUNT.test(sentence.slice(0, m.start)) ? 1 : 2;
        if (kind === 'price') facts.priceExpectation = low;
        else if (priority >= budgetPriority) {
          facts.budget = high;
          budgetPriority = priority;
        }
      }
    }
  }
  return facts;
}
