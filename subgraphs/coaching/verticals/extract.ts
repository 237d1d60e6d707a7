/**
 * Small extractors the vertical templates share: money near a cue word, monthly amounts, percentages, square
 * footage, terms in months, counts. Each returns null when the text does not state it.
 */
import { durationToMonths, findMoneyMentions, parseCount } from '../coach/numbers';

/** The first explicit money amount within `window` characters after a cue (e.g. "borrow", "loan of"). */
export function moneyAfter(text: string, cue: RegExp, window = 40): number | null {
  const flags = cue.flags.includes('g') ? cue.flags : `${cue.flags}g`;
  const re = new RegExp(cue.source, flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const slice = text.slice(from, from + window);
    const money = findMoneyMentions(slice).find((x) => x.explicit || !x.needsCue || x.value >= 10_000);
    if (money) return money.value;
  }
  return null;
}

/** The first explicit money amount followed (within a few words) by a cue such as "down". */
export function moneyBefore(text: string, cue: RegExp): number | null {
  for (const money of findMoneyMentions(text)) {
    if (!money.explicit) continue;
    if (cue.test(text.slice(money.end, money.end + 20))) return money.value;
  }
  return null;
}

const MONTHLY =
  /\$\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s*(?:\/\s*mo(?:nth)?\b|a month\b|per month\b|monthly\b)/i;

/** "$2,400/mo", "$1.8k a month" → whole dollars. */
export function monthlyAmount(text: string): number | null {
  const m = MONTHLY.exec(text);
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/,/g, '')) * (m[2] ? 1000 : 1);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

/** "20% down", "10 percent down" → 20 / 10 when followed by `cue`. */
export function percentBefore(text: string, cue: RegExp): number | null {
  const re = /(\d{1,2}(?:\.\d+)?)\s*(?:%|percent)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (cue.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return Number(m[1]);
  }
  return null;
}

const SQFT =
  /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k)?\s*(?:sq\.?\s?(?:ft|feet|foot)\.?|square[- ](?:feet|foot)|sf\b|sqft\b)/i;

/** "5,000 sq ft", "12k square feet", "2500 SF" → square feet. */
export function squareFeet(text: string): number | null {
  const m = SQFT.exec(text);
  if (!m) return null;
  const n = Number((m[1] ?? '').replace(/,/g, '')) * (m[2] ? 1000 : 1);
  return Number.isFinite(n) && n > 0 ? Math.round(n) : null;
}

const TERM =
  /\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen)[- ](years?|yrs?|months?)\b[- ]?(?:lease|term)\b|\blease (?:term )?(?:of|for) (\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen) (years?|yrs?|months?)\b/i;

/** "a 5-year lease", "lease term of 36 months" → months. */
export function termMonths(text: string): number | null {
  const m = TERM.exec(text);
  if (!m) return null;
  const amount = parseCount(m[1] ?? m[3] ?? '');
  const unit = m[2] ?? m[4] ?? '';
  return amount === null ? null : durationToMonths(amount, unit);
}

/** The first number of `count` + noun (e.g. "12 units", "three doors"); words and digits. */
export function countBefore(text: string, noun: RegExp): number | null {
  const re = new RegExp(
    `\\b(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\\s+(?:[a-z-]+\\s+)?(?:${noun.source})`,
    'gi',
  );
  const m = re.exec(text);
  if (!m) return null;
  return parseCount(m[1] ?? '');
}
