/**
 * Adaptation changes the advice, not only its wrapper: on the same conversation a NOVICE is given the why, numbered
 * steps and a script, an EXPERT the strategy and the risks to watch (no script); each role gets advice that fits
 * its job (a transaction coordinator escalates price to the agent and never prospects); an upset lead gets
 * empathy, never congratulations.
 */
import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  Speaker,
} from '../../../core/vocabulary';
import { nextBestAction } from '../../../subgraphs/coaching/coach/next-best-action';
import { ROLE_PLAYS, type PlayKey } from '../../../subgraphs/coaching/coach/playbook';
import { guardHints } from '../../../subgraphs/coaching/engine/guardrail';
import { offlineCoach } from '../../../subgraphs/coaching/coach/offline-coach';
import { rapportParts } from '../../../subgraphs/coaching/coach/templates-general';
import type { Turn } from '../../../subgraphs/coaching/coach/types';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });

/** A price objection, worded without any cue a role could claim for itself. */
const PRICE_TURNS = [
  lead("Honestly that number is way more than we're willing to pay. It feels too expensive."),
];

function hint(turns: Turn[], role: AgentRole, experience: Experience, stage = ConversationStage.NEGOTIATION) {
  const out = offlineCoach({ agent: { role, experience, specializations: [] }, stage, turns });
  return out.hints[0]!;
}

/** The pieces of advice in a hint's text: its sentences, steps and risks, lower-cased. */
function adviceUnits(text: string): Set<string> {
  return new Set(
    text
      .replace(/^Say: "[^"]*"/, '')
      .split(/\s*(?:[.;:]\s|\d\)\s|— why:|Steps:|Watch:|Next:|Try:)\s*/)
      .map((s) => s.trim().toLowerCase().replace(/[.;]$/, ''))
      .filter((s) => s.length > 12),
  );
}

describe('experience changes the advice', () => {
  it.each(Object.values(AgentRole))('%s: novice steps and script, expert strategy and risks', (role) => {
    const novice = hint(PRICE_TURNS, role, Experience.NOVICE);
    const experienced = hint(PRICE_TURNS, role, Experience.EXPERIENCED);
    const expert = hint(PRICE_TURNS, role, Experience.EXPERT);
    for (const h of [novice, experienced, expert]) expect(h.objection).toBe(ObjectionType.PRICE);

    expect(novice.text).toMatch(/^Say: "[^"]{20,}" — why: /);
    expect(novice.text).toMatch(/Steps: 1\) .+ 2\) .+ 3\) /);
    expect(experienced.text).toMatch(/Next: .+; .+\. Try: "/);
    expect(experienced.text).not.toMatch(/3\) /);
    expect(expert.text).not.toContain('"');
    expect(expert.text).toMatch(/Watch: .+; .+\.$/);

    // Different recommendations, not the same ones rewrapped: no piece of the expert's advice is in the
    // novice's, and the novice's steps are not in the expert's.
    const fromNovice = adviceUnits(novice.text);
    const fromExpert = adviceUnits(expert.text);
    expect(fromExpert.size).toBeGreaterThanOrEqual(3);
    expect([...fromExpert].filter((u) => fromNovice.has(u))).toEqual([]);
  });
});

describe('each role gets advice that fits its job', () => {
  it('a price objection: buyer agent works comps and budget, listing agent the CMA, TC escalates to the agent', () => {
    for (const experience of Object.values(Experience)) {
      const buyer = hint(PRICE_TURNS, AgentRole.BUYER_AGENT, experience).text;
      const listing = hint(PRICE_TURNS, AgentRole.LISTING_AGENT, experience).text;
      const tc = hint(PRICE_TURNS, AgentRole.TRANSACTION_COORDINATOR, experience).text;
      expect(new Set([buyer, listing, tc]).size).toBe(3);
      expect(buyer).toMatch(/comps|sold|budget|pre-approval|monthly payment/i);
      expect(listing).toMatch(/CMA|list price|price review|review trigger|comps/i);
      expect(tc).toMatch(/agent/i);
      expect(tc).toMatch(/escalat|agent's call|agent on the phone/i);
      expect(tc).not.toMatch(/calendar invite|showing|listing appointment|saved search|buyer consultation/i);
    }
  });

  it('the steps a novice follows differ by role on the same conversation', () => {
    const steps = Object.values(AgentRole).map((role) => {
      const text = hint(PRICE_TURNS, role, Experience.NOVICE).text;
      return text.slice(text.indexOf('Steps:'));
    });
    expect(new Set(steps).size).toBe(3);
  });

  it('a transaction coordinator is never told to prospect, whatever the lead says', () => {
    const leads = [
      "Honestly that number is way more than we're willing to pay.",
      'Why is your commission on the statement so high?',
      'We might wait a few months, the timing is bad.',
      'What happens next?',
      "I'm not sure we trust this process anymore.",
      'Can you send me the paperwork again?',
      "We're just browsing other places too, no rush.",
      'Also looking for a 3 bed rental near downtown under 2k a month.',
    ];
    for (const text of leads) {
      for (const experience of Object.values(Experience)) {
        const out = offlineCoach({
          agent: { role: AgentRole.TRANSACTION_COORDINATOR, experience, specializations: [] },
          stage: ConversationStage.UNDER_CONTRACT,
          turns: [lead(text)],
        });
        for (const h of out.hints)
          expect(h.text).not.toMatch(
            /saved search|showing tour|buyer consultation|listing appointment|prospect/i,
          );
      }
    }
  });

  it('the next-best action is the role’s own (TC: escalate price, status by deadlines — no buyer consultation)', () => {
    const action = (
      role: AgentRole,
      category: HintCategory,
      stage: ConversationStage,
      objection?: ObjectionType,
    ) => nextBestAction({ category, objection: objection ?? null, stage, role, known: {} });
    const price = Object.values(AgentRole).map((role) =>
      action(role, HintCategory.OBJECTION_HANDLING, ConversationStage.NEGOTIATION, ObjectionType.PRICE),
    );
    expect(new Set(price).size).toBe(3);
    expect(price[2]).toMatch(/escalate to the agent/i);
    for (const stage of Object.values(ConversationStage)) {
      for (const category of [HintCategory.NEXT_STEP, HintCategory.QUALIFYING_QUESTION]) {
        const tc = action(AgentRole.TRANSACTION_COORDINATOR, category, stage);
        expect(tc).not.toMatch(/buyer consultation|intro call|showing|matching homes|referral/i);
      }
    }
  });
});

describe('an upset lead gets empathy, never congratulations', () => {
  const ctx = (text: string, signals: string[]) => ({
    role: AgentRole.BUYER_AGENT,
    slots: {},
    signals,
    lead: text,
    nextQuestion: null,
    missing: [],
  });

  it('exclamations and "finally" in a complaint are not a celebration', () => {
    const parts = rapportParts(
      ctx('Finally!! Three weeks and nobody called me back, this is so frustrating!!', [
        'emotion:exclamations',
        'emotion:celebration',
      ]),
    );
    expect(parts.line).not.toMatch(/congrat/i);
    expect(parts.line).toMatch(/hear you|sorry/i);
  });

  it('a rapport hint that is neither good news nor upset is acknowledged, with no sympathy invented', () => {
    const parts = rapportParts(ctx('We might buy a second place later on as well.', []));
    expect(parts.line).not.toMatch(/congrat|sorry|frustrat/i);
  });

  it('a rapport hint with no sign of good news is empathy', () => {
    expect(rapportParts(ctx('Ugh, this whole thing is a mess.', [])).line).not.toMatch(/congrat/i);
  });

  it('real good news is still celebrated', () => {
    const parts = rapportParts(ctx('We got the keys today!!', ['emotion:celebration', 'emotion:milestone']));
    expect(parts.line).toMatch(/congratulations/i);
  });

  it.each([
    'This is so frustrating!! Nobody answered my calls all week!!',
    "I'm really upset, the other side keeps ignoring us and it's a nightmare!!",
    'Honestly I am fed up. Finally heard back and it was bad news!!',
  ])('offline coach, any role: %s', (text) => {
    for (const role of Object.values(AgentRole)) {
      for (const h of hint([lead(text)], role, Experience.NOVICE).text.split('\n'))
        expect(h).not.toMatch(/congrat/i);
    }
  });
});

describe('the advice never trips the Fair Housing guard itself', () => {
  it('no step, strategy or risk of any play reads as steering', () => {
    for (const role of Object.values(AgentRole)) {
      for (const key of Object.keys(ROLE_PLAYS[role]) as PlayKey[]) {
        const play = ROLE_PLAYS[role][key];
        const category = (Object.values(ObjectionType) as string[]).includes(key)
          ? HintCategory.OBJECTION_HANDLING
          : (key as HintCategory);
        const text = `${play.strategy} Watch: ${play.risks.join('; ')}. Steps: ${play.steps.join(' ')}`;
        expect(guardHints([{ category, text, rationale: 'r', confidence: 0.5 }]).triggered).toBe(false);
      }
    }
  });

  it.each([
    'Which side of town has fewer immigrants? We want to be around our own kind.',
    'Can the ad say adults only, no kids?',
    'We want a quiet street with people like us, you know what I mean.',
  ])('a steering request gets a warning the guard lets through, every role and level: %s', (text) => {
    for (const role of Object.values(AgentRole)) {
      for (const experience of Object.values(Experience)) {
        const h = hint([lead(text)], role, experience, ConversationStage.QUALIFICATION);
        expect(h.category).toBe(HintCategory.COMPLIANCE_WARNING);
        const guarded = guardHints([
          { category: h.category, text: h.text, rationale: h.rationale, confidence: 1 },
        ]);
        expect(guarded.triggered).toBe(false);
      }
    }
  });
});
