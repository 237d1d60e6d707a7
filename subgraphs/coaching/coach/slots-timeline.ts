/**
 * The timeline slot: the last move date the lead stated, in whole months rounded up ("in 6 weeks" → 2,
 * "by June", "next year", "in 2-3 months" → 3). Past events ("it sold in a week") are not timelines.
 */
import { durationToMonths, parseCount } from './numbers';
import {
  aboutSomethingElse,
  earliestBound,
  eventRate,
  fallsTogether,
  leaseWithoutPlan,
  lifeEventDate,
  othersSchedule,
  pastAct,
  refusedWait,
  saleForecast,
  somedaySpan,
} from './timeline-events';

const UNIT = '(days?|weeks?|wks?|months?|mos?|years?|yrs?)';
const COUNT = '(\\d+(?:\\.\\d+)?|a|an|one|a couple(?: of)?|couple(?: of)?|a few|few)';

/** Hedges before an approximate span, texted spellings included ("bout 5 months", "probly 6 months"). */
const HEDGE = "about|'?bout|abt|around|roughly|probably|probly|prolly|prob|maybe|like|approx(?:imately)?";

/**
 * A season counts only as a deadline ("by spring", "before summer", "until fall"): "in the spring", "this fall" or
 * "next spring" name no month and the independent authors almost never label them (leave-one-author-out: 6 of the
 * 9 invented timelines were such seasons). Precision first — a timeline needs a span, a month, a year or a deadline.
 */
const SEASON_MONTH: Record<string, number> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };
const SEASON_DEADLINE = /^(?:by|before|until|till|end of)\b/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthsUntil(targetMonthIndex: number, now: Date): number {
  const current = now.getMonth();
  let diff = targetMonthIndex - current;
  if (diff <= 0) diff += 12;
  return diff;
}

/**
 * "we close in 2 days", "cash offer, close in 2 weeks": a closing already scheduled or offered is the deal's date,
 * not the lead's move timeline — unless the lead wishes it ("we want to close in 30 days").
 */
function scheduledClosing(before: string): boolean {
  return (
    /\b(?:close|closes|closing|escrow)\s*$/.test(before) &&
    !/\b(?:want|wants|need|needs|hope|hoping|like|'d|would|have|trying|try|plan|planning|able)\s+to\s+close\s*$/.test(
      before,
    ) &&
    // "our goal is to list at X and to close within five months": an infinitive of purpose is the lead's aim.
    !(/\bto\s+close\s*$/.test(before) && !/\b(?:offer\w*|cash|they|buyers?)\b/.test(before))
  );
}

/** "can we see it in 2 days", "call me back in a week", "in 3 days works": a meeting, not a move. */
function appointment(before: string, after: string): boolean {
  return (
    /\b(?:see|tour|show|visit|call|text|talk|get back|hear back|meet|swing by|come by|stop by|reach out|follow up)\b[^.!?]*$/.test(
      before,
    ) ||
    /^\s*(?:works?|is fine|is good|sounds good|would work|is better|for (?:a|the) (?:call|showing|tour|visit))\b/.test(
      after,
    )
  );
}

const QUARTERS = ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'];

/** A singular unit before a noun names a term: "6 month contract", "12 month lease". */
const ADJECTIVAL_TERM =
  /^\s*(?:contract|lease|listing|agreement|term|commitment|warranty|rental|window|period|mark|old|home warranty)\b/;

/** "could be next spring for all i know", "in the spring, maybe": a date the lead only guesses at. */
function guessedDate(text: string, at: number): boolean {
  const start = Math.max(0, text.slice(0, at).search(/[^.!?]*$/));
  const endRel = text.slice(at).search(/[.!?]/);
  const sentence = text.slice(start, endRel < 0 ? text.length : at + endRel);
  return /\b(?:for all (?:i|we) know|who knows|no idea|could be|might be|maybe|perhaps)\b/.test(sentence);
}

/** "maybe next year, when the market calms down": a hedged year waiting on the market is no timeline. */
function marketHedge(text: string, at: number): boolean {
  const sentenceStart = Math.max(0, text.slice(0, at).search(/[^.!?]*$/));
  const hedged = /\b(?:maybe|perhaps)\b/.test(text.slice(sentenceStart, at));
  return hedged && /\b(?:market|rates?|prices|things (?:calm|settle|cool)|crash|interest)\b/.test(text);
}

/** "we've been looking for about 5 months", "listed it for like 3 months": a hedged span that is a duration. */
function hedgedDuration(span: string, window: string): boolean {
  return (
    new RegExp(`^(?:~|(?:so|${HEDGE})\\s)`).test(span) &&
    (/\bfor\s+$/.test(window) || /\b(?:been|ago|already|last|since|sat|took)\b[^.!?]*$/.test(window))
  );
}

/** A span match that is the lead's own plan: no past event, meeting, closing offer, term, duration or other's plan. */
function isLeadSpan(text: string, m: RegExpExecArray): boolean {
  // "their agent sold it in a week" describes the past, not the lead's timeline.
  const window = text.slice(Math.max(0, m.index - 50), m.index);
  // "until our new build is finished, … about 6 months out" waits on something ahead: no past event.
  if (
    /\b(?:sold|bought|closed|took|went|sat|lasted|happened|finished)\b[^.!?]*$/.test(window) &&
    !/\b(?:want|wants|need|needs|hope|hoping|would|'d|like|be|get|have)\b/.test(window) &&
    !/\b(?:until|till|once|when|after|is|are|gets?)\s+(?:[\w']+\s+){0,3}?(?:finished|closed|sold|done)\b/.test(
      window,
    )
  ) {
    return false;
  }
  const rest = text.slice(m.index + m[0].length);
  // A call or visit is set days or weeks ahead; "call me in like 5 months" defers the move itself.
  const longSpan = /(?:months?|mos?|years?|yrs?)(?:\s+and\s+a\s+half)?$/.test(m[0]);
  if (scheduledClosing(window) || (appointment(window, rest) && !longSpan)) return false;
  // "another 6 month contract", "a 12-month lease": a span naming a term, not when the lead moves.
  if (ADJECTIVAL_TERM.test(rest) && /(?:day|week|month|year|wk|mo|yr)$/.test(m[0])) return false;
  if (/\b(?:it'?s been|it has been|we'?ve been|i'?ve been|was|were)\s+$/.test(window)) return false;
  if (hedgedDuration(m[0], window)) return false;
  if (notTheLeadsPlan(text, m.index, m[0])) return false;
  return true;
}

/** A span in a clause about another party, things falling together, a someday or a past act. */
function notTheLeadsPlan(text: string, at: number, span: string): boolean {
  return (
    othersSchedule(text, at) ||
    fallsTogether(text, at, span) ||
    somedaySpan(text, at, span) ||
    pastAct(text, at) ||
    saleForecast(text, at) ||
    eventRate(text, at) ||
    refusedWait(text, at, span) ||
    leaseWithoutPlan(text, at)
  );
}

/** The last timeline the lead stated, in months (rounded up). */
export function extractTimeline(texts: string[], now: Date): number | undefined {
  let result: { months: number; pos: number; turn: number } | undefined;
  const consider = (months: number, pos: number, turn: number): void => {
    if (!Number.isFinite(months) || months <= 0 || months > 120) return;
    if (!result || turn > result.turn || (turn === result.turn && pos >= result.pos))
      result = { months, pos, turn };
  };
  texts.forEach((raw, turn) => {
    const text = raw.toLowerCase();
    const patterns: RegExp[] = [
      new RegExp(
        `\\b(?:in|within|inside(?: of)?|in the next|within the next|over the next|the next|next|for another|another|in another|in about another|in less than|less than|under|before)\\s+(?:about|around|roughly|approximately|maybe|like|~|the next|another)?\\s*${COUNT}(?:\\s*(?:-|–|to|or)\\s*(\\d+(?:\\.\\d+)?))?\\s*(?:more\\s+)?${UNIT}\\b(?!\\s+ago)(?:\\s+and\\s+a\\s+half)?`,
        'g',
      ),
      new RegExp(
        `\\b${COUNT}(?:\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNIT}\\s+(?:away|from now|out)\\b`,
        'g',
      ),
      // "we don't move for about 5 more months": the hedge keeps the span ahead ("for about 5 months" alone is a duration).
      new RegExp(
        `\\bfor\\s+(?:at least\\s+|(?:${HEDGE})\\s+)?${COUNT}(?:\\s*(?:-|–|to|or)\\s*(\\d+(?:\\.\\d+)?))?\\s+more\\s+${UNIT}\\b`,
        'g',
      ),
      // "we'll wait like 6 months", "hold off about a year": a wait the lead sets before acting.
      new RegExp(
        `\\b(?:wait|waiting|hold off|holding off|give it|sit tight|pause|pausing|(?:put (?:it|things|everything|this) )?on hold)\\s+(?:for\\s+)?(?:about|around|roughly|like|maybe|probably|another|~)?\\s*${COUNT}(?:\\s*(?:-|–|to|or)\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNIT}\\b`,
        'g',
      ),
      // "probably 6 months before we do anything", "about a year before we would list".
      new RegExp(
        `\\b(?:${HEDGE})\\s+${COUNT}(?:\\s*(?:-|–|to|or)\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNIT}(?=\\s+(?:before|until|till)\\s+(?:we|i)\\b)`,
        'g',
      ),
      // "so ~3 months", "…until after harvest. bout 5 months", "…after the holidays, like 4 months": an
      // approximate span standing alone at the end of a clause closes the lead's plan (a span after "for" or in a
      // sentence about what has been is a duration, skipped below).
      new RegExp(
        `(?:~\\s*|\\b(?:so|${HEDGE})\\s+)${COUNT}(?:\\s*(?:-|–|to|or)\\s*(\\d+(?:\\.\\d+)?))?\\s*${UNIT}(?=\\s*(?:$|[.!?,]))`,
        'g',
      ),
    ];
    for (const re of patterns) {
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        const count = parseCount(m[1] ?? '');
        if (count === null) continue;
        if (!isLeadSpan(text, m)) continue;
        const upper = m[2] !== undefined ? Number(m[2]) : count;
        let amount = Math.max(count, upper);
        if (/and a half$/.test(m[0])) amount += 0.5;
        consider(durationToMonths(amount, m[3] ?? 'month'), m.index, turn);
      }
    }
    const simple: [RegExp, number][] = [
      [/\b(?:next|within (?:a|the|the next)|in (?:a|the next)|over the next)\s+year\b/g, 12],
      [/\bhalf (?:a|of a) year\b/g, 6],
      [/\b(?:a|one) year and a half\b/g, 18],
      [/\bnext month\b/g, 1],
      [
        /(?<!\b(?:times?|earlier|once|twice|already|per)\s+)\b(?:this|by the end of this|end of this) month\b/g,
        1,
      ],
    ];
    for (const [re, months] of simple) {
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null)
        if (
          !marketHedge(text, m.index) &&
          !notTheLeadsPlan(text, m.index, m[0]) &&
          !lifeEventDate(text, m.index)
        )
          consider(months, m.index, turn);
    }
    for (const [months, pos] of datedTimelines(text, raw, now)) consider(months, pos, turn);
  });
  return result?.months;
}

/** "by Winter Park", "before Spring Hill": a capitalized season opening a capitalized name is a place, not a date. */
function seasonInPlaceName(raw: string, at: number): boolean {
  const m =
    /^\S+(?:\s+of)?\s+(?:the\s+)?(?:next\s+|this\s+|early\s+|late\s+)?(Spring|Summer|Fall|Autumn|Winter)\s+[A-Z][a-z]/.exec(
      raw.slice(at),
    );
  return m !== null;
}

/** Months until a named month, a season deadline ("by spring") or the end of the year, with their positions. */
function datedTimelines(text: string, raw: string, now: Date): [number, number][] {
  const out: [number, number][] = [];
  const dated =
    /\b(?:by|before|until|till|in|around|this|next|early|late|end of|end of the)\s+(?:the\s+)?(?:next\s+|this\s+|early\s+|late\s+)?(spring|summer|fall|autumn|winter|january|february|march|april|june|july|august|september|october|november|december)\b/g;
  let d: RegExpExecArray | null;
  while ((d = dated.exec(text)) !== null) {
    const word = d[1] ?? '';
    // "the third time this spring" counts what happened, it is no date ahead.
    if (/\b(?:time|times|once|twice|already)\s*$/.test(text.slice(Math.max(0, d.index - 12), d.index)))
      continue;
    if (
      /^(?:in|around)\b/.test(d[0]) &&
      /\b(?:nobody|no one|everybody|everyone|people|got|sold|bought|was|were|did|had|went|listed|closed|paid|moved|last|lost|died|passed|left|came|happened|married|divorced|retired|started|finished|signed|said|told|quoted|estimated|promised|ago)\b[^.!?]*$/.test(
        text.slice(Math.max(0, d.index - 60), d.index),
      )
    )
      continue;
    const season = SEASON_MONTH[word];
    if (season !== undefined && (!SEASON_DEADLINE.test(d[0]) || seasonInPlaceName(raw, d.index))) continue;
    const target = season !== undefined ? season - 1 : MONTHS.indexOf(word);
    if (guessedDate(text, d.index) || othersSchedule(text, d.index) || pastAct(text, d.index)) continue;
    if (/^(?:in|around)\b/.test(d[0]) && aboutSomethingElse(text, d.index)) continue;
    if (lifeEventDate(text, d.index) || earliestBound(text, d.index + d[0].length)) continue;
    if (target >= 0) out.push([monthsUntil(target, now), d.index]);
  }
  // "by end of Q2", "before the third quarter ends": the quarter's last month.
  const quarter =
    /\b(?:by|before|end of|by the end of|in|during)\s+(?:the\s+)?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)\b/g;
  while ((d = quarter.exec(text)) !== null) {
    const n = d[1] !== undefined ? Number(d[1]) : (QUARTERS.indexOf(d[2] ?? '') % 4) + 1;
    if (n >= 1 && !guessedDate(text, d.index)) out.push([monthsUntil(n * 3 - 1, now), d.index]);
  }
  const yearEnd = /\b(?:by|before)\s+(?:the\s+)?end of (?:the|this) year\b/g;
  while ((d = yearEnd.exec(text)) !== null) out.push([Math.max(1, 12 - now.getMonth()), d.index]);
  return out;
}
