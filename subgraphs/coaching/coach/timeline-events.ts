/**
 * Whose plan a date or span belongs to. A timeline is the lead's own plan to move, buy, sell, list or close; these
 * tests reject a span found in a clause about something else: another party's schedule ("the builder says it'll
 * be done in 4 months", "a cash buyer can close in 30 days"), things that merely fall together ("all three
 * birthdays in one month"), a someday ("maybe in a few years, once he retires") and what already happened ("we
 * pulled it in October"). Used by slots-timeline.ts.
 */

/** The clause holding position `at`: back to the last sentence or clause boundary. */
function clauseBefore(text: string, at: number): string {
  const head = text.slice(0, at);
  const cut = Math.max(
    head.search(/[^.!?;,]*$/),
    lastIndexOfRe(head, /\b(?:so|but|because|cause|cuz|and then|since)\s/g),
  );
  return head.slice(Math.max(0, cut));
}

function lastIndexOfRe(text: string, re: RegExp): number {
  let last = -1;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(text)) !== null) last = m.index + m[0].length;
  return last;
}

/** The lead as the one acting ("we need", "I'll"), or made to act ("wants us out"); "tell me my house will sell" is not. */
const LEAD_ACTS =
  /\b(?:we|i)\b|\b(?:wants?|needs?|asked|asking|forc(?:e|es|ed|ing)|mak(?:e|es|ing)|gives?|gave|kick(?:s|ed|ing)?)\s+(?:us|me)\b/;

/** Somebody whose schedule is not the lead's plan (family who move with the lead are not in this list). */
const OTHER_PARTY =
  /\b(?:builder|lender|bank|underwriter|appraiser|inspector|agent|realtor|broker|company|companies|investors?|buyers?|sellers?|(?<!\b(?:on|onto|to|hit|hits) (?:the )?)market(?!\s+it\b)|rates?|prices|economy|fed|sister|brother|cousin|friends?|neighbou?rs?|coworkers?|boss|landlord|auction\w*|ibuyer|opendoor|offerpad|hoa|board|city|county|they|mom|dad|mother|father|parents|grand(?:ma|pa|mother|father|parents)|abuel[ao]s?|in-laws?|son|daughter)\b/;

/** The lead's plan tied to another party's milestone ("we won't list until the build is done"). */
const WAITS_ON =
  /\b(?:we|i)\b[^.!?]*\b(?:until|till|once|when|after|as soon as)\b[^.!?]*\b(?:finished|done|built|ready|complete|completed|closes|closed|sold|over)\b/;

/** "the builder says it'll be done in 4 months": a clause about another party with no first person after it. */
export function othersSchedule(text: string, at: number): boolean {
  const clause = clauseBefore(text, at);
  const m = OTHER_PARTY.exec(clause);
  if (!m) return false;
  // "not listing until our new build is finished … the builder says about six months": the lead's plan waits on it.
  if (WAITS_ON.test(text.slice(0, at))) return false;
  // "they told us we need to be out in 60 days": the lead's own move, set by someone else.
  return !LEAD_ACTS.test(clause.slice(m.index + m[0].length));
}

/** "birthdays all in one month", "three closings in the same week": things falling together, not a date ahead. */
export function fallsTogether(text: string, at: number, span: string): boolean {
  if (!/^(?:in|within)\s+(?:one|a single|the same|1)\s+(?:day|week|month|year)/.test(span)) return false;
  return /\b(?:all|both|each|every|everything|everyone)\b/.test(clauseBefore(text, at));
}

/** "maybe in a few years", "someday, once he retires": a wish with no plan behind it. */
export function somedaySpan(text: string, at: number, span: string): boolean {
  const clause = clauseBefore(text, at).slice(-60);
  const vagueYears =
    /\b(?:a few|few|a couple(?: of)?|couple(?: of)?|several|some)\s+(?:more\s+)?(?:years?|yrs?)\b/.test(span);
  const someday = /\b(?:someday|some day|one day|eventually|down the road|at some point|who knows)\b/.test(
    text.slice(Math.max(0, at - 60), at + span.length + 40),
  );
  const hedged = /\b(?:maybe|perhaps|possibly|might|could)\b/.test(clause);
  return (someday && /(?:years?|yrs?)\b/.test(span)) || (vagueYears && (hedged || someday));
}

/** A message that says the lead is not in the market: a hedged span in it is no plan. */
export function notInTheMarket(text: string): boolean {
  return /\b(?:(?:are|is|am)\s*n'?o?t|'re not|'m not|not)\s+(?:really\s+|actually\s+)?(?:buying|selling|moving|looking|listing)\b|\bno plans to\b|\bjust (?:dreaming|browsing|curious)\b/.test(
    text,
  );
}

/** "we pulled the listing in October", "I listed it in March": a past act, not a date ahead. */
export function pastAct(text: string, at: number): boolean {
  const clause = clauseBefore(text, at).slice(-50);
  const m =
    /\b(?:we|i|they|he|she)\s+(?:just\s+|already\s+|finally\s+)?(?!(?:need|proceed|succeed|exceed|feed|speed|bleed|breed)\b)([a-z]+ed)\b(?!\s+to\b)/.exec(
      clause,
    );
  if (!m) return false;
  const after = clause.slice(m.index + m[0].length);
  return !/\b(?:to|will|'ll|gonna|going|want|wants|need|needs|hope|hoping|plan|planning|would|'d|should)\b/.test(
    after,
  );
}

/** A life event's date ("retiring next year", "reporting to the base early August", "starting there in March"). */
const LIFE_EVENT =
  /\b(?:retir\w*|start(?:s|ing)?(?!\s+(?:looking|searching|touring|shopping|the (?:process|search)))|report(?:s|ing)?|pcs(?:ing)?|deploy\w*|graduat\w*|transferr?\w*|due|married|marrying|wedding)\b/;
/** A move, purchase or sale named after the life event makes the date the lead's plan again. */
const HOUSING_ACT =
  /\b(?:mov(?:e|es|ed|ing)|buy\w*|sell\w*|list\w*|clos(?:e|es|ed|ing)|relocat\w*|be (?:in|out|there|settled)|purchas\w*)\b/;

/** "we're retiring next year and thinking about selling at some point": the date is the event's, not the move's. */
export function lifeEventDate(text: string, at: number): boolean {
  const head = text.slice(Math.max(0, at - 70), at);
  const start = head.search(/[^.!?;]*$/);
  const sentence = head.slice(Math.max(0, start));
  const m = LIFE_EVENT.exec(sentence);
  if (m === null) return false;
  const after = sentence.slice(m.index + m[0].length);
  // "retiring to Asheville next year", "PCSing to Fort Liberty in June": retiring or PCSing to a place is the move.
  if (/^(?:retir|pcs)/.test(m[0]) && /^\s+to\s/.test(after)) return false;
  // "he starts in March so we need to move by then": the move is tied to the event's date.
  const tail = /^[^.!?;]*/.exec(text.slice(at))?.[0] ?? '';
  if (HOUSING_ACT.test(tail) && /\b(?:by|before|around|until|till) (?:then|that|that date)\b/.test(tail))
    return false;
  return !HOUSING_ACT.test(after);
}

/** What marks a clause as the lead's plan: the lead, their home or lease, a housing act or a wish. */
const LEADS_PLAN =
  /\b(?:we|i|our|my|us|me|lease|timeline|start\w*|job|transfer\w*|want\w*|need\w*|plan\w*|hop(?:e|ing)|ready|goal|target|ideally|asap)\b|\b(?:mov(?:e|es|ed|ing)|buy\w*|sell\w*|list\w*|clos(?:e|es|ed|ing)|relocat\w*|purchas\w*)\b/;

/**
 * "which roads flood in spring", "how bad are heating bills in january": a clause with words of its own that names
 * neither the lead nor a move, sale or wish is about something else, so its date is no timeline.
 */
export function aboutSomethingElse(text: string, at: number): boolean {
  const head = clauseBefore(text, at);
  const clause = head.slice(Math.max(0, lastIndexOfRe(head, /\b(?:which|who|how|what)\s/g) - 6));
  return clause.trim().split(/\s+/).length >= 3 && !LEADS_PLAN.test(clause);
}

/** "a condo that will likely sell within a week": how fast a home sells, not when the lead moves. */
export function saleForecast(text: string, at: number): boolean {
  return /\b(?:it|that|which|this|(?:the|a|this) (?:house|home|place|condo\w*|property|unit))\s+(?:will|would|'ll|should|could|might|can|is going to|is gonna)\s+(?:\w+\s+)?(?:sell|be sold|go|be gone)\s*$/.test(
    text.slice(Math.max(0, at - 60), at),
  );
}

/** "not listing till April at the earliest": a lower bound, not a plan. */
export function earliestBound(text: string, end: number): boolean {
  return /^\s*,?\s*(?:at the (?:earliest|soonest)|at least|or later)\b/.test(text.slice(end));
}

/** Plural nouns that are a home's features, not events ("3 bedrooms in 2 months" is no rate). */
const FEATURES = /^(?:beds?|bedrooms?|baths?|bathrooms?|br|bdrms?|acres?|units?|cars?|garages?|stories)$/;

/** "three relocations in six years", "2 offers in a week": a count of events over a span is a rate, not a date. */
export function eventRate(text: string, at: number): boolean {
  const m = /\b(?:\d+|several|many|multiple|a few|a couple of)\s+([a-z]+s)\s*$/.exec(
    text.slice(Math.max(0, at - 40), at),
  );
  return m !== null && !FEATURES.test(m[1] ?? '');
}

/** "we can't wait 2 weeks", "no podemos esperar" (translated): a wait the lead refuses is no plan. */
export function refusedWait(text: string, at: number, span: string): boolean {
  return (
    /^(?:wait|waiting|hold)/.test(span) &&
    /\b(?:can'?t|cannot|can not|won'?t|will not|not going to|not gonna|no way we)\s+(?:\w+\s+)?$/.test(
      text.slice(Math.max(0, at - 30), at),
    )
  );
}

/** "our lease runs through next year and I'm just browsing": a lease's end in a message with no plan to move. */
export function leaseWithoutPlan(text: string, at: number): boolean {
  return /\blease\b/.test(clauseBefore(text, at)) && notInTheMarket(text);
}
