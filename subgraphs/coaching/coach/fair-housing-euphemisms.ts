/**
 * A disability named by a euphemism when an agent or the model turns a client away: "not really a fit for someone
 * with your… situation", "you'd be more comfortable at an assisted place". A lead speaking of their own
 * "situation" states a need, so these are advisor-only. Regex sources over normalized text (lower case, straight
 * apostrophes; a texted "…" is already spaces).
 */
import type { CodeWord } from './fair-housing-frames';

const re = (source: string): RegExp => new RegExp(source, 'i');

const NOT_FIT = String.raw`(?:(?:not|n't|is ?n'?t|are ?n'?t|would ?n'?t be) (?:really |quite |exactly )?(?:a )?(?:good )?(?:fit|right|ideal|suited|set up)|more comfortable|happier|(?:look|go) (?:somewhere|elsewhere))`;

export const EUPHEMISM_CODE_WORDS: CodeWord[] = [
  {
    re: re(
      String.raw`^(?=.*\b${NOT_FIT}\b).*\b(?:someone|somebody|people|folks|a person|anyone|you) (?:with|in) (?:your|their|his|her)\s+(?:situation|condition|circumstances|limitations|health (?:issues|situation|condition)|challenges)\b`,
    ),
    cls: 'DISABILITY',
    advisorOnly: true,
  },
  {
    re: re(
      String.raw`\b(?:more comfortable|happier|better (?:suited|served)|belong)\s+(?:[\w'-]+\s+){0,2}?(?:at|in) (?:an? |the )?assisted(?: living)? (?:place|facility|home|community|building|situation)\b`,
    ),
    cls: 'DISABILITY',
    advisorOnly: true,
  },
];
