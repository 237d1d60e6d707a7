/**
 * Features of one utterance for the EXPERIMENTAL learned Fair Housing scorer (fair-housing-lr-model.ts; measured by
 * cross-validate-fair-housing.ts, not shipped: it did not beat the rules on independent text): what the rules saw,
 * not only the surface words. Class words are replaced by their class ("<race>", "<familial_status>") so the
 * model learns the constructions around a class, not the particular word; each class word also yields its role
 * (own, client, party, resident) and whether it is counted; the rules' frames (exclude, prefer, fit, area,
 * inquiry, compliance, advertising, code word) are features too (not their verdict: the rules are tuned on the
 * training files, so a verdict feature would teach the model only to copy them); then word unigrams and
 * bigrams. Spanish is judged through its English gloss, like the rules.
 */
import {
  CODE_WORDS,
  EXCLUDE,
  FIT,
  INQUIRY,
  isCompliance,
  PREFER,
  SUGGEST_AREA,
  WHERE_QUESTION,
  type Speaker,
} from '../../subgraphs/coaching/coach/fair-housing-frames';
import { normalizeForJudgement } from '../../subgraphs/coaching/coach/fair-housing-judge';
import { findMentions } from '../../subgraphs/coaching/coach/fair-housing-mentions';
import { findWorship } from '../../subgraphs/coaching/coach/fair-housing-worship';
import { ADVERTISING } from '../../subgraphs/coaching/coach/fair-housing-signals';
import { glossSpanish, looksSpanish } from '../../subgraphs/coaching/coach/fair-housing-spanish';

/** The text the features are read from: normalized, Spanish replaced by its English gloss. */
function readable(text: string): string {
  const norm = normalizeForJudgement(text);
  return looksSpanish(text) ? normalizeForJudgement(glossSpanish(text)) : norm;
}

const FRAMES: [string, (t: string, s: Speaker) => boolean][] = [
  ['exclude', (t) => EXCLUDE.test(t)],
  ['prefer', (t) => PREFER.test(t)],
  ['fit', (t) => FIT.test(t)],
  ['area', (t) => SUGGEST_AREA.test(t) || WHERE_QUESTION.test(t)],
  ['inquiry', (t) => INQUIRY.test(t)],
  ['compliance', (t, s) => isCompliance(t, s)],
  ['ad', (t) => ADVERTISING.test(t)],
  ['code', (t) => CODE_WORDS.some((c) => c.re.test(t))],
];

/** The rules' view: their verdict, frames, and every class word's class, role and whether it is counted. */
function ruleFeatures(
  text: string,
  speaker: Speaker,
): { features: string[]; spans: [number, number, string][] } {
  const t = readable(text);
  const features = [`speaker:${speaker}`];
  for (const [name, test] of FRAMES) if (test(t, speaker)) features.push(`frame:${name}`);
  const spans: [number, number, string][] = [];
  for (const m of findMentions(t, speaker)) {
    const cls = m.cls.toLowerCase();
    features.push(`cls:${cls}`, `role:${m.role}`, `role:${m.role}:${cls}`);
    if (m.counted) features.push('counted', `counted:${cls}`);
    spans.push([m.start, m.end, `<${cls}>`]);
  }
  for (const w of findWorship(t)) {
    features.push(w.own ? 'worship:own' : 'worship:other');
    if (w.counted) features.push('worship:counted');
  }
  return { features, spans };
}

/** Words of the text, each class word replaced by its class token. */
function tokens(text: string, spans: [number, number, string][]): string[] {
  let t = readable(text);
  for (const [start, end, token] of [...spans].sort((a, b) => b[0] - a[0]))
    t = `${t.slice(0, start)} ${token} ${t.slice(end)}`;
  return t.match(/<[a-z_]+>|[a-z0-9']+/g) ?? [];
}

/** The feature set of an utterance (deduplicated: presence, not counts). */
export function fairHousingFeatures(text: string, speaker: Speaker): string[] {
  const { features, spans } = ruleFeatures(text, speaker);
  const words = tokens(text, spans);
  const out = new Set(features);
  words.forEach((w, i) => {
    out.add(`w:${w}`);
    if (i + 1 < words.length) out.add(`b:${w}_${words[i + 1]}`);
  });
  return [...out];
}
