/**
 * A class word inside a place's proper name — "near Hmong Village", "the one on Blanco Rd", "calle Morena",
 * "White Plains" — names a place, not its people. Written with capitals, such a name is blanked (same length, so
 * offsets hold) before judging; lowercase texting keeps the word and the other constructions decide.
 */

const HEAD = String.raw`(?:Village|Hills?|Heights|Park|Square|Plaza|Town|Market|Center|Centre|Mall|Gardens?|Estates|Springs|Creek|Lake|Valley|Plains|Mountain|Rock|Trail|County|Beach|Point|Ridge|Falls|River|Bay|Harbou?r|Island|Woods|Forest|Grove|Meadows?|Acres|Crossing|Commons|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Parkway|Pkwy|Highway|Hwy)\b`;
const PREFIX = String.raw`\b(?:Calle|Avenida|Av|Camino|Paseo|Rancho|Colonia|Lake|Mount|Mt|Fort|Port|Saint|San|Santa)\s+`;

/** A capitalized word before a place head ("Hmong Village") or after a street prefix ("Calle Morena"). */
const NAME_WORD = new RegExp(
  String.raw`(?<=\S\s+)[A-Z][a-z]+(?=\s+${HEAD})|(?<=${PREFIX})[A-Z][a-z]+\b`,
  'g',
);

/** The text with the name words of proper place names blanked to x's. */
export function blankPlaceNames(text: string): string {
  return text.replace(NAME_WORD, (w) => 'x'.repeat(w.length));
}
