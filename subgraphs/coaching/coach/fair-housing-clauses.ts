/**
 * How a turn is cut for judging, and which clauses are someone else's words: sentences (to . ! ? ; or a line
 * break) split into clause groups at "but" / "however", and an advisor's report of the lead's question or a
 * party's wish, which repeats rather than steers.
 */
import { EXCLUDE, PREFER_AREA, SUGGEST_AREA, type Speaker } from './fair-housing-frames';

export interface Span {
  text: string;
  start: number;
}

/** Sentences (to . ! ? ; or a line break), then clause groups split at "but" / "however". */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  // "u.s.", "dr.", "st.": a period inside an abbreviation ends no sentence.
  const re = /(?:\b(?:[a-z]|mr|mrs|ms|dr|st|jr|sr|ave|vs)\.(?=\s*[a-z0-9])|[^.!?;\n])+[.!?;\n]*/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: m.index ?? 0 });
  return out;
}

export function parts(sentence: Span): Span[] {
  const out: Span[] = [];
  let last = 0;
  for (const m of sentence.text.matchAll(/\b(?:but|however|although|though)\b/g)) {
    out.push({ text: sentence.text.slice(last, m.index), start: sentence.start + last });
    last = m.index ?? 0;
  }
  out.push({ text: sentence.text.slice(last), start: sentence.start + last });
  return out;
}

/**
 * An advisor reporting the lead's question ("the lead asked if the area is mostly white", "the client, a woman
 * living alone, asked about security") repeats it, it does not steer: the reported clause is blanked up to a
 * "so" / "then" that acts on it, or the advisor's own answer ("… and I told him …"), which is judged as usual.
 */
const REPORTED_QUESTION =
  /^\s*(?:(?:hint|coach tip|tip|note|context)\s*:\s*)?(?:the |your |this |our )?(?:lead|client|buyer|seller|renter|tenant|caller|customer|prospect|they|she|he)s?(?:,[^,]{1,60},)?\s+(?:just |also |then )?(?:(?:asked|asks|is asking|was asking)(?: (?:me|you|us|the agent))? (?:if|whether|who|what|which|how|about|where)|wants to know|wanted to know|wondered|wonders|is wondering|was wondering)\b.*?(?=\b(?:so|then|therefore|which means)\b|\band (?:i|we) (?:told|said|let|assured|promised|informed|sent|showed|steered|pointed|suggested)\b|$)/;

/** A party's wish told by the advisor: "the seller wants to …", "the landlord asked me to …". */
export const REPORTED_WISH =
  /^\s*(?:(?:hint|coach tip|tip|note|context)\s*:\s*)?(?:the |your |this )?(?:lead|client|buyer|seller|landlord|owner|renter|tenant|hoa|board)s?\s+(?:wants? to|wanted to|asked (?:me |you |us )?to|is asking (?:me |you |us )?to|would (?:like|rather|prefer) to|plans? to|is hoping to)\b/;

export function warnsElsewhere(text: string, part: Span): boolean {
  const rest = text.slice(0, part.start) + ' ' + text.slice(part.start + part.text.length);
  return /\b(?:fair housing|protected|illegal|unlawful|against the law|discriminat\w+|steering)\b/.test(rest);
}

export function blankReported(part: string, speaker: Speaker): string {
  if (speaker === 'LEAD') return part;
  const m = REPORTED_QUESTION.exec(part);
  if (!m) return part;
  // "…, so point them to the north side": advice that acts on the reported question is judged with it.
  const rest = part.slice(m[0].length);
  if (EXCLUDE.test(rest) || SUGGEST_AREA.test(rest) || PREFER_AREA.test(rest)) return part;
  return ' '.repeat(m[0].length) + rest;
}
