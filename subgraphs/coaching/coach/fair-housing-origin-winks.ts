/**
 * Steering said sideways, round 4 (issue 11, tuned on sealed-5's misses, generalized):
 *  - fitting someone to an area because of where they come from ("since you're from X, you'd feel at home in Y",
 *    "with your family from X, you'd blend in over in Y");
 *  - the people of a place said to be "different from you";
 *  - offering to find out where a party comes from ("I can look into where the buyers are originally from");
 *  - a code word set off in scare quotes ("the 'urban' side", "before it 'changed'"), judged on the raw text
 *    because normalizing drops the quotes;
 *  - a wink after a place: "not Eastgate, you know why", "you know exactly what I mean";
 *  - origin by proxy ("your countrymen", "from one of those countries") and sameness ("homogeneous").
 * Regex sources over normalized text (lower case, straight apostrophes) unless `onRaw`.
 */
import type { CodeWord } from './fair-housing-frames';

const re = (source: string): RegExp => new RegExp(source, 'i');

/** Fitting in somewhere named (not a climate or a kind of place: "at home with our winters", "in a house with a yard"). */
const FITS = String.raw`(?:(?:feel (?:more |right |most |just )?(?:at home|comfortable|welcome|like home)|be (?:more )?(?:comfortable|at home))\s+(?:right )?(?:over |up |down |out |back )?(?:in|around|among|near|on)\s+(?!(?:a|an|any|some)\b)|fit (?:right )?in|blend in|belong|more (?:your|their) (?:speed|style|scene)|(?:wo ?n'?t|will not|not) (?:bother|send|show)|skip)`;

const WHO = String.raw`(?:you|we|they|he|she|i|your (?:\w+ )?(?:family|folks|parents|people)|the (?:buyers?|clients?|family|couple|tenants?|renters?))`;

export const ORIGIN_WINK_CODE_WORDS: CodeWord[] = [
  {
    // Where the client comes from, picking the area: "since you're from X, you'd feel at home in Y".
    re: re(
      String.raw`^(?=.*\b${FITS}\b).*\b(?:since|as|because|given (?:that )?|with)\s+${WHO}(?: two| both| all| guys| folks)?(?:'re|'s| are| is| were| was| being| come| came| coming)? (?:originally |all |both )?from (?!(?:out of|work|the office|school|home|a |an )\b)`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // "the crowd in Eastgate is a little different from you folks".
    re: re(
      String.raw`\b(?:crowd|people|folks|neighbou?rs|residents|families|community|element)\b[^.?!]{0,40}\b(?:different|not like|nothing like|unlike)\s+(?:from |than )?(?:you|us|your|our)\b`,
    ),
    cls: 'RACE',
    withPlace: true,
  },
  {
    // Offering to learn a party's origin: "want me to check where the buyers are originally from?".
    re: re(
      String.raw`\b(?:check|find out|look (?:into|up)|ask|see|learn|figure out|dig into|confirm|verify)\w*\s+(?:[\w'-]+\s+){0,3}?where (?:the |your |their |these |those |that )?(?:[\w'-]+\s+)?(?:buyers?|sellers?|tenants?|applicants?|renters?|offerors?|neighbou?rs|residents|owners|they|he|she|people|famil(?:y|ies)|couple|bidders?)\s+(?:(?:are|is|were|was) (?:originally |really |actually )?from|(?:originally |really |actually )?(?:come|came|hail) from|(?:are|is) from originally)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // Origin by proxy: "your countrymen", "from one of those countries", "from that part of the world".
    re: re(
      String.raw`\b(?:your|their|our|my|his|her) (?:fellow )?(?:countrymen|countrywomen|compatriots|fellow (?:nationals|immigrants))\b|\bfrom (?:one of )?(?:those|these|certain|that kind of) (?:countries|parts of the world)\b|\bfrom that part of the world\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // Sameness asked for as a code: "keeps things homogeneous", "a homogenous block".
    re: re(String.raw`\bhomogen(?:e)?ous\b|\bhomogeneity\b`),
    cls: 'RACE',
  },
  {
    // A code word in scare quotes: "the 'urban' parts", "before it 'changed'".
    re: re(
      String.raw`(?<![a-z])['\u2018"\u201c](?:urban|changed|changing|transitional|transitioning|in transition|diverse|diversity|ethnic|vibrant|colou?rful|sketchy|element|inner[- ]city|exotic|ghetto|hood|undesirable|gentrif\w+|those people|that crowd|that kind)['\u2019"\u201d](?![a-z])`,
    ),
    cls: 'RACE',
    withPlace: true,
    onRaw: true,
  },
  {
    // A wink after a place: "not Eastgate, you know why", "you know exactly what I mean (by urban)".
    re: re(
      String.raw`(?:^\s*but|\b(?:not|no|avoid|skip|away from|except|out of))\b[^.?!]{0,40}[,-]\s*(?:and )?you know why\b|\b(?:know|get|see) (?:exactly|precisely|full well|perfectly well) what (?:i|we) mean\b`,
    ),
    withPlace: true,
  },
];

/** The raw clause (lower case, quotes kept) with whatever the judge blanked in `part` (a reported question) blank. */
export function rawSeen(raw: string, part: string): string {
  return raw.toLowerCase().replace(/[a-z]/g, (ch, i: number) => (part[i] === ' ' ? ' ' : ch));
}
