/**
 * Turning a matched stretch of text into a place name (areas.ts): capitalized names trimmed of stop words and
 * street suffixes, lowercase names kept only in a place's shape (a saint or article, a compass word, a place head).
 */
import {
  CAP_STOP,
  SOFT_STOP,
  NON_AREA_SUFFIX,
  COMMON,
  DIRECTION,
  HEAD_WORDS,
  STATES,
  VERB_SHAPED_PLACES,
} from './areas-vocabulary';

/** Case-insensitive letters for a pattern written in lowercase (the place part stays case-sensitive). */
export function ci(pattern: string): string {
  return pattern.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}

export function clean(place: string): string | null {
  const words = place
    .replace(/[’']s$/i, '')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const key = (w: string): string => w.toLowerCase().replace(/[.’']/g, '');
  // A word in capitals for emphasis ("want OUT of the bay area") is a common word, not a place.
  const stop = (w: string): boolean =>
    CAP_STOP.has(key(w)) || (/^[A-Z]{2,}$/.test(w) && COMMON.has(w.toLowerCase()));
  while (words.length > 0 && stop(words[0] ?? '')) words.shift();
  // An inner stop word ends the place ("Austin Monday" → "Austin").
  const kept: string[] = [];
  for (const w of words) {
    if (stop(w)) break;
    kept.push(w);
  }
  while (kept.length > 0 && SOFT_STOP.has(key(kept[kept.length - 1] ?? ''))) kept.pop();
  if (kept.length === 0) return null;
  const last = kept[kept.length - 1] ?? '';
  if (NON_AREA_SUFFIX.test(last.replace(/\.$/, ''))) return null;
  const out = kept.join(' ').replace(/\.$/, '').toLowerCase();
  return out.length >= 2 ? out : null;
}

/** Heads that end many place names ("colorado springs", "national city", "osage county"), common words or not. */
const PLACE_HEADS = new RegExp(`^(?:${HEAD_WORDS}|city|county|beach|valley|park|village)$`);

export function cleanLower(place: string): string | null {
  const words = place.split(/\s+/);
  const direction =
    new RegExp(`^(?:${DIRECTION})$`).test(words[0] ?? '') && words.length > 1 ? words.shift() : undefined;
  const saint =
    /^(?:st|ft|mt|el|la|las|los|le|de|des|du)\.?$/.test(words[0] ?? '') ||
    (words[0] === 'the' && new RegExp(`^(?:${HEAD_WORDS})$`).test(words[1] ?? ''))
      ? words.shift()
      : undefined;
  // "new haven", "new braunfels": "new" opens a place when a name that is no common word follows.
  const opener =
    words[0] === 'new' && words.length > 1 && !COMMON.has(words[1] ?? '') && saint === undefined
      ? words.shift()
      : undefined;
  const first = words[0] ?? '';
  if (first === '' || (/(?:ing|ly|ed)$/.test(first) && !VERB_SHAPED_PLACES.has(first))) return null;
  // A season opens a two-word name ("winter haven", "spring hill"); alone it is a time of year.
  const seasonal = /^(?:spring|summer|fall|winter|autumn)$/.test(first) && saint === undefined;
  if (seasonal) {
    const next = words[1];
    if (next === undefined || COMMON.has(next) || /(?:ing|ly|ed)$/.test(next)) return null;
    return [direction, first, next].filter((w) => w !== undefined).join(' ');
  }
  if (COMMON.has(first)) return null;
  const kept = saint !== undefined ? [saint, first] : [first];
  // "el dorado hills", "st. james heights": after a saint or article only a place head goes on.
  const second = saint !== undefined && !PLACE_HEADS.test(words[1] ?? '') ? undefined : words[1];
  const secondOk =
    second !== undefined &&
    !STATES.has(second) && // "peoria az" is Peoria
    (PLACE_HEADS.test(second) ||
      (!COMMON.has(second) &&
        !/(?:ing|ly|ed|ings|ers|ies)$/.test(second) &&
        !COMMON.has(second.replace(/e?s$/, ''))));
  if (secondOk) kept.push(second);
  if (opener !== undefined) kept.splice(0, kept.length, opener, first);
  if (direction !== undefined) kept.unshift(direction);
  return kept.join(' ');
}
