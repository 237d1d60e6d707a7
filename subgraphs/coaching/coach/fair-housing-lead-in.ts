/**
 * The words a steering construction can start with: a class word, a place of worship, a code word or a
 * steering frame. Streamed text (engine/guarded-text.ts) holds a clause while its sentence holds one of
 * these, because a construction that starts there can still be completed by the next clause.
 */
import {
  CODE_WORDS,
  EXCLUDE,
  FIT,
  INQUIRY,
  PREFER,
  SUGGEST_AREA,
  WHERE_QUESTION,
} from './fair-housing-frames';
import { ANY_CLASS_WORD } from './fair-housing-mentions';

export const LEAD_IN_WORDS = new RegExp(
  [
    ANY_CLASS_WORD,
    EXCLUDE,
    PREFER,
    FIT,
    SUGGEST_AREA,
    WHERE_QUESTION,
    INQUIRY,
    ...CODE_WORDS.map((c) => c.re),
  ]
    .map((r) => `(?:${r.source})`)
    .join('|'),
  'i',
);
