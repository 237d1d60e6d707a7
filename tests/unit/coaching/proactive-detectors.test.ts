/**
 * The proactive detectors (subgraphs/coaching/proactive/) on a small hand-written set of conversations:
 * each conversation is labelled with the detectors that should fire on its last turn; hits and false alarms
 * are counted per detector and printed. Written by the author of the detectors (not an independent set):
 * it shows they do what they claim on typical wordings and stay quiet on ordinary ones, not a field accuracy.
 */
import { ProactiveDetector, Speaker } from '../../../core/vocabulary';
import { detect, type StreamTurn } from '../../../subgraphs/coaching/proactive/detectors';
import { interventionFor } from '../../../subgraphs/coaching/proactive/interventions';
import { ProactiveLimiter } from '../../../subgraphs/coaching/proactive/limiter';
import { applyGuardrail } from '../../../subgraphs/coaching/engine/guardrail';

const L = Speaker.LEAD;
const A = Speaker.AGENT;
type Line = [Speaker, string, number?]; // seconds after the start

interface Case {
  turns: Line[];
  coached?: boolean;
  expect: ProactiveDetector[];
}

const D = ProactiveDetector;
const CASES: Case[] = [
  // objections (the turn is not coached)
  { turns: [[L, 'The list price feels way too high for that street']], expect: [D.OBJECTION] },
  { turns: [[L, "6% commission? That seems excessive, I won't pay that."]], expect: [D.OBJECTION] },
  { turns: [[L, "We're just looking for now, not ready to buy."]], expect: [D.OBJECTION] },
  { turns: [[L, "Another agent said they'd do it for 1%."]], expect: [D.OBJECTION] },
  // buying signals
  { turns: [[L, 'Can we schedule a showing on Saturday at 10?']], expect: [D.BUYING_SIGNAL] },
  { turns: [[L, "We'd like to make an offer on the Elm street house"]], expect: [D.BUYING_SIGNAL] },
  {
    turns: [
      [A, 'Want me to book a tour tomorrow?'],
      [L, "Yes let's do it!"],
    ],
    expect: [D.BUYING_SIGNAL],
  },
  // sentiment drop
  {
    turns: [
      [L, 'We love the area, thanks so much!'],
      [L, 'Ugh, this is frustrating, nobody has called me back.'],
    ],
    expect: [D.SENTIMENT_DROP],
  },
  {
    turns: [
      [L, 'Sounds great, happy with the listings so far'],
      [A, 'Here are 3 more'],
      [L, "Honestly I'm losing patience, these are awful and a waste of time."],
    ],
    expect: [D.SENTIMENT_DROP],
  },
  // compliance in the agent's words
  {
    turns: [[A, "That neighborhood is mostly white families, you'd fit right in."]],
    expect: [D.COMPLIANCE_RISK],
  },
  { turns: [[A, "Honestly it's not a great area for families with kids."]], expect: [D.COMPLIANCE_RISK] },
  { turns: [[A, 'This condo is guaranteed to appreciate 10% a year.']], expect: [D.COMPLIANCE_RISK] },
  { turns: [[A, 'Prices here will double in five years, you cannot lose.']], expect: [D.COMPLIANCE_RISK] },
  { turns: [[A, 'The offer expires tonight, you need to decide right now.']], expect: [D.COMPLIANCE_RISK] },
  { turns: [[A, "You'd be crazy not to sign today."]], expect: [D.COMPLIANCE_RISK] },
  // the agent answering late (next-turn detection; agentSlowSeconds 300)
  {
    turns: [
      [L, 'Is it still available?', 0],
      [A, 'Yes it is!', 900],
    ],
    expect: [D.AGENT_SLOW],
  },
  // benign
  { turns: [[L, 'Hi! We are relocating to Austin in about 4 months.']], expect: [] },
  { turns: [[L, 'Around 500k, 3 bedrooms, we are pre-approved.']], expect: [] },
  { turns: [[L, 'What are the HOA fees on that one?']], expect: [] },
  { turns: [[L, 'That sounds good, thanks.']], expect: [] },
  {
    turns: [
      [A, 'Happy to walk you through how my fee works.'],
      [L, 'Ok, thanks.'],
    ],
    expect: [],
  },
  { turns: [[A, 'Comparable homes in Round Rock sold for 470k to 520k recently.']], expect: [] },
  { turns: [[A, 'The district publishes school ratings on its website; here is the link.']], expect: [] },
  { turns: [[A, 'No pressure at all, take your time and let me know.']], expect: [] },
  { turns: [[A, 'Rates may come down later this year, but nobody can promise that.']], expect: [] },
  { turns: [[A, 'I can show you the house on Saturday at 10, does that work?']], expect: [] },
  {
    turns: [
      [L, 'Is it still available?', 0],
      [A, 'Yes it is!', 60],
    ],
    expect: [],
  },
  // coached turns: the requested run answers objections and buying signals; no duplicate intervention
  { turns: [[L, 'The list price feels way too high']], coached: true, expect: [] },
  { turns: [[L, 'Can we see it Saturday at 10?']], coached: true, expect: [] },
];

function run(c: Case): ProactiveDetector[] {
  const start = Date.parse('2026-12-07T10:00:00Z');
  const turns: StreamTurn[] = c.turns.map(([speaker, text, s], i) => ({
    speaker,
    text,
    at: new Date(start + (s ?? i) * 1000),
  }));
  const turn = turns[turns.length - 1]!;
  return detect({
    turn,
    previous: turns.slice(0, -1),
    coached: c.coached ?? false,
    agentSlowSeconds: 300,
  }).map((d) => d.detector);
}

describe('proactive detectors on a written set of conversations', () => {
  test('hits and false alarms per detector', () => {
    const rows = new Map<ProactiveDetector, { hits: number; misses: number; falseAlarms: number }>();
    const row = (d: ProactiveDetector) => {
      const r = rows.get(d) ?? { hits: 0, misses: 0, falseAlarms: 0 };
      rows.set(d, r);
      return r;
    };
    const wrong: string[] = [];
    for (const c of CASES) {
      const got = run(c);
      for (const d of c.expect) {
        if (got.includes(d)) row(d).hits++;
        else {
          row(d).misses++;
          wrong.push(`missed ${d}: ${c.turns.map((t) => t[1]).join(' / ')}`);
        }
      }
      for (const d of got.filter((x) => !c.expect.includes(x))) {
        row(d).falseAlarms++;
        wrong.push(`false ${d}: ${c.turns.map((t) => t[1]).join(' / ')}`);
      }
    }
    const benign = CASES.filter((c) => c.expect.length === 0).length;
    console.log(
      `[detectors] ${CASES.length} conversations (${CASES.length - benign} with an expected intervention, ${benign} benign)\n` +
        [...rows]
          .map(([d, r]) => `  ${d}: ${r.hits} hits, ${r.misses} misses, ${r.falseAlarms} false alarms`)
          .join('\n'),
    );
    expect(wrong).toEqual([]);
  });

  test('every intervention has a reason naming its detector and passes the guardrail unchanged', () => {
    for (const c of CASES) {
      const turns = c.turns;
      const last = turns[turns.length - 1]!;
      const ds = detect({
        turn: { speaker: last[0], text: last[1], at: new Date(0) },
        previous: [],
        coached: false,
        agentSlowSeconds: 300,
      });
      for (const d of ds) {
        const i = interventionFor(d);
        expect(i.reason.startsWith(`${d.detector}: `)).toBe(true);
        expect(applyGuardrail(i.hint).hint).toEqual(i.hint);
      }
    }
  });

  test('the limiter: one per detector within the cooldown in seconds and turns, sessions apart', () => {
    const l = new ProactiveLimiter(60_000, 3);
    l.turn('a');
    expect(l.take('a', D.OBJECTION, 0)).toBe(true);
    expect(l.take('a', D.OBJECTION, 1)).toBe(false);
    expect(l.take('a', D.BUYING_SIGNAL, 1)).toBe(true);
    expect(l.take('b', D.OBJECTION, 1)).toBe(true);
    expect(l.take('a', D.OBJECTION, 61_000)).toBe(false); // time passed, but no further turns
    l.turn('a');
    l.turn('a');
    l.turn('a');
    expect(l.take('a', D.OBJECTION, 30_000)).toBe(false); // turns, but not the time
    expect(l.take('a', D.OBJECTION, 61_000)).toBe(true);
  });
});
