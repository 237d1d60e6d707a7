/**
 * Text features for the statistical turn classifier (model.ts): lowercased word unigrams and bigrams of the
 * lead's latest turn with light stemming and number shapes (<money>, <pct>, <num>, <time>), plus a few context
 * features from the agent's turn just before it and the agent's role. Pure and deterministic.
 */
import { Speaker } from '../../../core/vocabulary';
import { toModelText } from './language';
import type { Turn } from './types';

const MONEY =
  /\$\s?\d[\d,]*(?:\.\d+)?\s*(?:k|m|mil|million|thousand)?\b|\b\d[\d,]*(?:\.\d+)?\s*(?:k|m|mil|million|grand|thousand)\b|\b\d{1,3}(?:,\d{3})+\b/gi;
const PERCENT = /\b\d+(?:\.\d+)?\s*(?:%|percent)/gi;
const TIME = /\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\b\d{1,2}:\d\d\b/gi;
const NUMBER = /\b\d+(?:\.\d+)?(?:st|nd|rd|th)?\b/gi;

/** Very light suffix stripping so "touring"/"tours"/"toured" share a feature. */
export function stem(word: string): string {
  if (word.startsWith('<') || word.length <= 4) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('ly') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('es') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Normalized word tokens of a text (numbers replaced by their shape, "?" and "!" kept as tokens). */
export function tokenize(text: string): string[] {
  const t = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(PERCENT, ' <pct> ')
    .replace(MONEY, ' <money> ')
    .replace(TIME, ' <time> ')
    .replace(NUMBER, ' <num> ')
    .replace(/'/g, '')
    .replace(/\?+/g, ' <q> ')
    .replace(/!+/g, ' <excl> ')
    .replace(/([a-z])\1{2,}/g, '$1$1');
  return (t.match(/<[a-z]+>|[a-z]+/g) ?? []).map(stem);
}

function lastLeadIndex(turns: Turn[]): number {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.speaker === Speaker.LEAD) return i;
  return -1;
}

/** Feature bag (with repeats) for the latest lead turn in context. */
export function featuresOf(turns: Turn[], role: string): string[] {
  const i = lastLeadIndex(turns);
  const lead = i >= 0 ? toModelText(turns[i]?.text ?? '') : '';
  const words = tokenize(lead);
  const out: string[] = [`role:${role}`];
  const padded = ['<s>', ...words, '</s>'];
  for (const w of words) out.push(w);
  for (let k = 0; k + 1 < padded.length; k++) out.push(`${padded[k]}_${padded[k + 1]}`);
  if (words.length <= 4) out.push('len:short');
  else if (words.length > 40) out.push('len:long');
  let agent = '';
  for (let k = i - 1; k >= 0; k--) {
    const t = turns[k];
    if (t?.speaker === Speaker.AGENT) {
      agent = toModelText(t.text);
      break;
    }
  }
  if (agent.length > 0) {
    const aw = tokenize(agent);
    for (const w of new Set(aw)) out.push(`a:${w}`);
    if (aw.includes('<q>')) out.push('a:asked');
  } else out.push('a:none');
  return out;
}
