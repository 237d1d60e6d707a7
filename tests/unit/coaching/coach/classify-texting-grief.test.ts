/**
 * Category constructions of issue 11 round 2, with sentences written for these tests: texted English read in full
 * ("doin it ourselves", "we aint listin"), a sale without a full-service agent (doing it ourselves, a flat-fee MLS
 * listing, a discount broker) as a competitor, "how am I supposed to trust …" as a trust objection, a TC client
 * asking what else is needed as a next step, a Spanish "¿cuándo podemos ir a ver…?" as a showing request, a death
 * that explains "not yet" as rapport (an illness stays a timing objection), hopelessness as rapport, a yard sign
 * that is no signing, and a Spanish price past the budget.
 */
import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  Speaker,
} from '../../../../core/vocabulary';
import { classifyTurn } from '../../../../subgraphs/coaching/coach/classify';
import { restoreDroppedG } from '../../../../subgraphs/coaching/coach/texting';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import type { Turn } from '../../../../subgraphs/coaching/coach/types';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agent = (text: string): Turn => ({ speaker: Speaker.AGENT, text });

function primary(turns: Turn[], role: AgentRole) {
  const out = offlineCoach({
    agent: { role, experience: Experience.EXPERIENCED, specializations: [] },
    stage: ConversationStage.INITIAL_CONTACT,
    turns,
    now: '2026-03-10T12:00:00Z',
  });
  return out.hints[0];
}

describe('texted English', () => {
  it.each([
    ['we aint listin with nobody, just lookin', 'we are not listing with nobody, just looking'],
    ['somethin came up, im thinkin about it', 'something came up, im thinking about it'],
    ['my cousin in Austin said again it aint worth it', 'my cousin in Austin said again it is not worth it'],
  ])('%s', (text, full) => {
    expect(restoreDroppedG(text)).toBe(full);
  });
});

describe('objections and categories by construction', () => {
  it.each([
    ["nah we're doin it ourselves this time, the neighbors did fine that way", ObjectionType.COMPETITOR],
    ['we already signed up with a flat fee MLS company last week', ObjectionType.COMPETITOR],
    ['thinking we just use a discount broker honestly', ObjectionType.COMPETITOR],
  ])('seller: %s → %s', (text, type) => {
    const hint = primary(
      [agent('Would you like me to run a price analysis for you?'), lead(text)],
      AgentRole.LISTING_AGENT,
    );
    expect(hint?.category).toBe(HintCategory.OBJECTION_HANDLING);
    expect(rulesObjection(text, AgentRole.LISTING_AGENT)).toBe(type);
  });

  it('a yard sign is no signing: deciding to sell it themselves commits to no next step with the agent', () => {
    const rules = classifyTurn({
      role: AgentRole.LISTING_AGENT,
      turns: [
        lead("We're going to sell it ourselves first. We can put a sign out front and see what happens."),
      ],
      slots: {},
      qualificationScore: 100,
    });
    expect(rules.category).toBe(HintCategory.OBJECTION_HANDLING);
    expect(rules.objection).toBe(ObjectionType.COMPETITOR);
  });

  it('Spanish "se nos pasa del presupuesto" is a price objection', () => {
    expect(
      rulesObjection('la de Elm está bonita pero se nos pasa del presupuesto', AgentRole.BUYER_AGENT),
    ).toBe(ObjectionType.PRICE);
  });

  it('how am I supposed to trust … is a trust objection', () => {
    expect(
      rulesObjection(
        'the inspector was recommended by the seller, how am i supposed to trust his report',
        AgentRole.BUYER_AGENT,
      ),
    ).toBe(ObjectionType.TRUST);
  });

  it('a TC client asking what else is needed gets the next step', () => {
    const hint = primary(
      [
        agent('Escrow needs your signed disclosures.'),
        lead('signed and sent. what else yall need from us before friday'),
      ],
      AgentRole.TRANSACTION_COORDINATOR,
    );
    expect(hint?.category).toBe(HintCategory.NEXT_STEP);
  });

  it('Spanish "¿cuándo podemos ir a ver…?" asks for a showing', () => {
    const rules = classifyTurn({
      role: AgentRole.BUYER_AGENT,
      turns: [lead('me gustaron las dos casas de la calle Oak. ¿cuándo podemos ir a verlas?')],
      slots: {},
      qualificationScore: 100,
    });
    expect(rules.category).toBe(HintCategory.NEXT_STEP);
  });

  it('a death explains "not yet": rapport first; an illness is still a timing objection', () => {
    const grief = classifyTurn({
      role: AgentRole.LISTING_AGENT,
      turns: [lead('my father passed away last month. we will sell the house, just not yet')],
      slots: {},
      qualificationScore: 100,
    });
    expect(grief.category).toBe(HintCategory.RAPPORT);
    const illness = classifyTurn({
      role: AgentRole.LISTING_AGENT,
      turns: [lead('my dad is sick so we will wait, not right now')],
      slots: {},
      qualificationScore: 100,
    });
    expect(illness.objection).toBe(ObjectionType.TIMING);
  });

  it('hopelessness needs rapport', () => {
    const rules = classifyTurn({
      role: AgentRole.BUYER_AGENT,
      turns: [
        lead(
          "i can't take this anymore. every week the lender wants another paper, it's never going to close",
        ),
      ],
      slots: {},
      qualificationScore: 100,
    });
    expect(rules.category).toBe(HintCategory.RAPPORT);
  });
});

function rulesObjection(text: string, role: AgentRole): ObjectionType | undefined {
  return classifyTurn({ role, turns: [lead(text)], slots: {}, qualificationScore: 100 }).objection;
}
