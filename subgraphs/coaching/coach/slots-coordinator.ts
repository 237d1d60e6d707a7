/**
 * A transaction coordinator's lead is already under contract: the dates, places and homes they mention are the
 * deal's (the closing slipping "this month", "the house is in X", "I'm away until March"), not a new wish. Across
 * the labelled sets, 1 of ~400 coordinator conversations carries a timeline or an area, and only where the lead
 * states a new plan ("once this closes I want to buy a cabin in X within the year"). So for a coordinator's lead a
 * timeline or an area is read only from a sentence that states such a plan.
 */

/** A sentence in which the lead states a plan of their own to buy, sell, list or move. */
const NEW_PLAN =
  /\b(?:want|wants|wanna|plan|plans|planning|hope|hoping|thinking (?:of|about)|looking (?:to|for)|going to|gonna|ready to|'d like to|would like to)\s+(?:\w+\s+){0,3}?(?:buy\w*|sell\w*|list\w*|move|moving|purchas\w*|invest\w*|find)\b/i;

/** The sentences of a coordinator's lead message that state a new plan of their own, joined; '' when none does. */
export function coordinatorPlanText(text: string): string {
  return text
    .split(/(?<=[.!?\n])\s+/)
    .filter((s) => NEW_PLAN.test(s))
    .join(' ');
}
