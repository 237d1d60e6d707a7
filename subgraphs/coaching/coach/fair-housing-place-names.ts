/**
 * A class word inside a place's proper name — "near Hmong Village", "the one on Blanco Rd", "calle Morena",
 * "White Plains" — names a place, not its people. Written with capitals, such a name is blanked (same length, so
 * offsets hold) before judging; lowercase texting keeps the word and the other constructions decide.
 */
import { ANY_CLASS_WORD } from './fair-housing-mentions';

const HEAD = String.raw`(?:Village|Hills?|Heights|Park|Square|Plaza|Town|Market|Center|Centre|Mall|Gardens?|Estates|Springs|Creek|Lake|Valley|Plains|Mountain|Rock|Trail|County|Beach|Point|Ridge|Falls|River|Bay|Harbou?r|Island|Woods|Forest|Grove|Meadows?|Acres|Crossing|Commons|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Parkway|Pkwy|Highway|Hwy)\b`;
const PREFIX = String.raw`\b(?:Calle|Avenida|Av|Camino|Paseo|Rancho|Colonia|Lake|Mount|Mt|Fort|Port|Saint|San|Santa)\s+`;

/** A capitalized word before a place head ("Hmong Village") or after a street prefix ("Calle Morena"). */
const NAME_WORD = new RegExp(
  String.raw`(?<=\S\s+)[A-Z][a-z]+(?=\s+${HEAD})|(?<=${PREFIX})[A-Z][a-z]+\b`,
  'g',
);

/** A surname: after a title ("Mr. Brown") or before a trust or firm ("the Brown Family Trust"). */
const SURNAME = new RegExp(
  String.raw`(?<=\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)[A-Z][a-z]+\b|\b[A-Z][a-z]+(?=\s+(?:Family Trust|Living Trust|Revocable Trust|Trust|Estate|LLC|Inc|Realty|Properties|Law|& Sons?)\b)`,
  'g',
);

/**
 * The text with the name words of proper place names blanked to x's, and every capitalized use of a word the
 * text also uses as a surname ("the 'Brown' on the title … the Brown Family Trust").
 */
export function blankPlaceNames(text: string): string {
  const surnames = new Set(text.match(SURNAME) ?? []);
  const named = [...surnames].reduce(
    (t, name) => t.replace(new RegExp(String.raw`\b${name}\b`, 'g'), 'x'.repeat(name.length)),
    text,
  );
  return named.replace(NAME_WORD, (w) => 'x'.repeat(w.length));
}

/** A language's name in capitals ("the disclosures in English") is no place. */
const LANGUAGE_NAME =
  /^(?:english|spanish|chinese|mandarin|cantonese|arabic|korean|vietnamese|hindi|polish|creole|russian|french|tagalog|portuguese|italian|german|japanese|farsi|urdu|somali|haitian creole|amharic|punjabi|bengali|gujarati|hebrew|greek|turkish|ukrainian)$/i;

/** Capitalized names inside a sentence read as places ("focus on Fort Lee"), unless a class word ("Vietnamese"). */
export function placeNamesMarked(original: string): string {
  return original
    .replace(/(?<=\S\s+)[A-Z][a-z]+(?:[\s-]+[A-Z][a-z]+)*/g, (name) =>
      ANY_CLASS_WORD.test(name) || LANGUAGE_NAME.test(name) ? name : '<place>',
    )
    .toLowerCase();
}
