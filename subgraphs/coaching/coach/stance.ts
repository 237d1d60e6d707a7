/**
 * Topic × stance objection evidence: an objection is a negative stance (an evaluative complaint or a refusal)
 * about a topic (the price, the agent's fee). Matching the two independently generalizes to wordings no phrase
 * list has seen ("that seems excessive", "doesn't pencil", "we're not paying full price for that").
 */
import { ObjectionType } from '../../../core/vocabulary';

/** Evaluative complaints: the lead judges something as unreasonable. */
const COMPLAINT =
  /\b(?:excessive|wild|crazy|insane|nuts|bonkers|ridiculous|absurd|outrageous|steep|pricey|robbery|a joke|laughable|unreasonable|inflated|too (?:much|high|low|steep|rich)|under-?valu\w*|over-?valu\w*|overpriced|overpay\w*|not worth|who (?:can|could) afford|(?:doesn'?t|does not|don'?t|isn'?t|is not) even)\b/i;
/** Refusals and conditions: the lead will not go along as things stand. */
const REFUSAL =
  /\b(?:(?:not|never|won'?t|wouldn'?t|will not|would not|refuse to|can'?t|cannot|couldn'?t)\s+(?:\w+\s+)?(?:pay(?:ing)?|accept(?:ing)?|take|taking|do|doing|go|going|justify|swing|offer(?:ing)?|hand(?:ing)? over|fork(?:ing)? over|shell(?:ing)? out|cough(?:ing)? up)|doesn'?t (?:pencil|work|make sense|add up)|(?:hard|easy) pass|unless (?:they|the sellers?|you|it)\b)/i;
/** The money a home costs. */
const PRICE_TOPIC =
  /\$|\b\d{3}k?\b|\b\d+(?:\.\d+)?\s*(?:k|m|mil|million)\b|\b(?:prices?|priced|pricing|asking|cost|costs|worth|valu\w*|afford\w*|cap rate|full price|list price|payment|numbers?|comps?|appraisal)\b/i;
/** The agent's pay (not lender, HOA or closing fees). */
const FEE_TOPIC =
  /\b(?:commissions?|(?<!(?:hoa|closing|lender|origination|application|inspection|hoa transfer|title|escrow|appraisal|late)\s)fees?|percent|how (?:you'?re|you are|agents? (?:are|get)) paid|your (?:cut|pay)|pay (?:you|u|the agent|an agent))\b|\d\s*%/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?\n])\s+/).filter((s) => s.trim().length > 0);
}

/** Extra objection evidence from a negative stance about the price or the fee. */
export function stanceEvidence(lead: string): Partial<Record<ObjectionType, number>> {
  const out: Partial<Record<ObjectionType, number>> = {};
  const negative = (s: string): boolean => COMPLAINT.test(s) || REFUSAL.test(s);
  // A fee complaint can span sentences ("6% is 40 grand. That seems excessive.").
  // …and so can a refusal ("we won't go above 2 percent on the listing side").
  if (
    FEE_TOPIC.test(lead) &&
    !/\b(?:rates?|interest|apr|down)\b/i.test(lead) &&
    (COMPLAINT.test(lead) ||
      REFUSAL.test(lead) ||
      /\b(?:won'?t|will not|not) go (?:above|over|higher than|past)\b/i.test(lead))
  )
    out[ObjectionType.COMMISSION] = 2;
  // A short message is one thought ("550 for that?? it doesn't even have a garage"): judge it whole.
  const parts = lead.split(/\s+/).length <= 20 ? [lead] : sentences(lead);
  if (parts.some((s) => PRICE_TOPIC.test(s) && negative(s))) out[ObjectionType.PRICE] = 2;
  return out;
}
