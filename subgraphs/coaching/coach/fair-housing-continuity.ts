/**
 * Wanting a place kept as it was, in who lives there: "keep the block the way it's always been", "the kind of
 * folks who've always lived here", "a part of town that hasn't changed", "somewhere that's turning over", "still
 * feels like America". Said of a neighbourhood, each asks for its residents by who they have been — the classic
 * code for race or origin — without naming a class. Regex sources over normalized text (lower case, straight
 * apostrophes); a compliance clause is judged before these (fair-housing-judge.ts).
 */
import type { CodeWord } from './fair-housing-frames';

const re = (source: string): RegExp => new RegExp(source, 'i');

const PLACE = String.raw`(?:neighbou?rhood|street|block|area|community|building|part of town|side of town|town|subdivision|complex|place)s?`;
const AS_IT_WAS = String.raw`(?:the way it'?s (?:always )?been|how it'?s (?:always )?been|the way it (?:was|used to be)|how it (?:was|used to be)|like it (?:was|used to be|'?s always been))`;

export const CONTINUITY_CODE_WORDS: CodeWord[] = [
  {
    // "someone who'll keep the block the way it's always been".
    re: re(String.raw`\bkeep (?:the|our|this|my|that) ${PLACE} ${AS_IT_WAS}`),
    cls: 'RACE',
  },
  {
    // "the kind of folks who've always lived here".
    re: re(
      String.raw`\b(?:people|folks|families|neighbou?rs|residents|buyers|owners) (?:who|that)(?:'ve| have| has) always (?:lived|been|owned) (?:here|there|around here|on (?:this|that|the) (?:street|block))\b`,
    ),
    cls: 'RACE',
  },
  {
    // "a part of town that hasn't changed", "a neighborhood that never changed".
    re: re(
      String.raw`\b${PLACE} (?:that|which) (?:has ?n'?t|have ?n'?t|has not|never|did ?n'?t) (?:really )?changed\b`,
    ),
    cls: 'RACE',
  },
  {
    // "we moved out because it changed": a place left for having changed.
    re: re(
      String.raw`\b(?:because|since|cause|cuz|after|once) (?:it|the (?:area|neighbou?rhood|block|street|town|city|building|complex|school)) (?:had |has |really |just |totally )?changed\b(?! (?:hands|owners|management|its|the|their|our|my|zoning|names?)\b)`,
    ),
    cls: 'RACE',
  },
  {
    // A place's people ranked by a scare-quoted virtue: "a more 'established' crowd", "a quality applicant pool".
    re: re(
      String.raw`\b(?:more|less|a better|a nicer|an?|the right|the wrong)\s+(?:established|upscale|respectable|desirable|quality|stable|wholesome|clean-cut)\s+(?:crowd|element|clientele|demographic|mix|sort|type|kind of (?:people|folks|families)|applicant pool|pool of (?:applicants|buyers|tenants))\b`,
    ),
    cls: 'RACE',
  },
  {
    // "somewhere that's turning over like the east side did".
    re: re(
      String.raw`\b(?:that'?s|is|are|it'?s|been|started|starting|begun|begin\w*) (?:\w+ )?turn(?:ing|ed)? over\b(?! (?:the|a|an|our|my|your|their|its|keys|inventory|units?)\b)`,
    ),
    cls: 'RACE',
  },
  {
    // "somewhere that still feels like America".
    re: re(
      String.raw`\b(?:feels?|looks?|seems?|sounds?) (?:more )?like (?:the )?(?:real |old )?(?:america|the us|the usa|the states)\b`,
    ),
    cls: 'NATIONAL_ORIGIN',
  },
  {
    // "a traditional kind of neighborhood".
    re: re(
      String.raw`\btraditional (?:kind of |sort of |type of )?(?:neighbou?rhood|street|block|community|area)\b`,
    ),
    cls: 'RACE',
  },
];
