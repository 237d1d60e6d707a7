import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  PropertyType,
  Speaker,
  Specialization,
} from '../../../core/vocabulary';
import { detectFairHousingRisk } from '../../../subgraphs/coaching/coach/fair-housing';
import {
  durationToMonths,
  findMoneyMentions,
  normalizeNumberWords,
} from '../../../subgraphs/coaching/coach/numbers';
import { arbitrate } from '../../../subgraphs/coaching/coach/model';
import { offlineCoach } from '../../../subgraphs/coaching/coach/offline-coach';
import { extractSlots } from '../../../subgraphs/coaching/coach/slots';
import type { CoachInput, Turn } from '../../../subgraphs/coaching/coach/types';

const NOW = '2025-01-15T12:00:00Z';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agent = (text: string): Turn => ({ speaker: Speaker.AGENT, text });

function input(
  turns: Turn[],
  role = AgentRole.BUYER_AGENT,
  experience = Experience.EXPERIENCED,
  specializations: Specialization[] = [],
): CoachInput {
  return {
    agent: { role, experience, specializations },
    stage: ConversationStage.INITIAL_CONTACT,
    turns,
    now: NOW,
  };
}

const slotsOf = (text: string, role = AgentRole.BUYER_AGENT) =>
  extractSlots([lead(text)], { role, now: new Date(NOW) });

describe('offline coach — model arbitration', () => {
  it('reads short go-aheads as a next step, and lets Fair Housing rules win over the model', () => {
    for (const text of ['yes do it', 'book it!', "sounds good, let's go", 'ok perfect, lock it in']) {
      expect(offlineCoach(input([agent('Want me to set that up?'), lead(text)])).hints[0]?.category).toBe(
        HintCategory.NEXT_STEP,
      );
    }
    const rules = { category: HintCategory.COMPLIANCE_WARNING, signals: [], confidence: 0.9 };
    const sure = { label: HintCategory.INFORMATION, probability: 1, distribution: [] };
    expect(arbitrate({ ...rules, strength: 'compliance' }, sure).category).toBe(
      HintCategory.COMPLIANCE_WARNING,
    );
    const fallback = { category: HintCategory.QUALIFYING_QUESTION, signals: [], confidence: 0.5 };
    const objection = { label: 'OBJECTION_HANDLING/TIMING', probability: 0.9, distribution: [] };
    const out = arbitrate({ ...fallback, strength: 'default' }, objection);
    expect([out.category, out.objection]).toEqual([HintCategory.OBJECTION_HANDLING, ObjectionType.TIMING]);
  });
});

describe('offline coach — output shape and personalization', () => {
  const text = 'Honestly your commission seems steep. Could you do 2%?';

  it('returns 1–3 hints, primary first, with qualification and a stage', () => {
    const out = offlineCoach(input([lead('looking for a 3 bed in Boise under 400k')]));
    expect(out.hints.length).toBeGreaterThanOrEqual(1);
    expect(out.hints.length).toBeLessThanOrEqual(3);
    expect(out.hints[0]?.category).toBe(HintCategory.QUALIFYING_QUESTION);
    expect(out.qualification.score).toBeGreaterThan(0);
    expect(out.qualification.score).toBeLessThanOrEqual(100);
    expect(out.qualification.missing[0]).toBe('preApproved');
    expect(out.qualification.nextQuestion).toMatch(/lender|pre-approval/i);
    expect(out.stage).toBe(ConversationStage.QUALIFICATION);
  });

  it('moves a deal to UNDER_CONTRACT only when the lead says it is (stage workflows fire on it)', () => {
    // a seller who wants to list is at the listing appointment, not under contract
    for (const text of ["We'd like to list soon", 'Ready to sign the listing paperwork, what next?']) {
      const out = offlineCoach(input([lead(text)], AgentRole.LISTING_AGENT));
      expect(out.stage).not.toBe(ConversationStage.UNDER_CONTRACT);
    }
    for (const text of [
      'Great news, we are under contract! What happens next?',
      'The sellers accepted our offer',
    ]) {
      expect(offlineCoach(input([lead(text)])).stage).toBe(ConversationStage.UNDER_CONTRACT);
    }
  });

  it('is deterministic', () => {
    const i = input([agent('Want to see it Saturday?'), lead('yes! saturday at 11 works')]);
    expect(offlineCoach(i)).toEqual(offlineCoach(i));
  });

  it('gives different text for a buyer agent, a listing agent and a TC on the same lead text', () => {
    const texts = [AgentRole.BUYER_AGENT, AgentRole.LISTING_AGENT, AgentRole.TRANSACTION_COORDINATOR].map(
      (role) => offlineCoach(input([lead(text)], role)).hints[0]?.text,
    );
    expect(new Set(texts).size).toBe(3);
    const buyer = offlineCoach(input([lead(text)], AgentRole.BUYER_AGENT)).hints[0];
    expect(buyer?.objection).toBe(ObjectionType.COMMISSION);
  });

  it('gives a novice a quoted ready line, a why and numbered steps; an expert the strategy and risks, no script', () => {
    const novice =
      offlineCoach(input([lead(text)], AgentRole.LISTING_AGENT, Experience.NOVICE)).hints[0]?.text ?? '';
    const expert =
      offlineCoach(input([lead(text)], AgentRole.LISTING_AGENT, Experience.EXPERT)).hints[0]?.text ?? '';
    expect(novice).toMatch(/^Say: "[^"]{20,}" — why: .+ Steps: 1\) .+ 2\) .+ 3\) /);
    expect(novice.length).toBeGreaterThan(expert.length);
    expect(expert).not.toContain('"');
    expect(expert).toMatch(/ Watch: [^.]+; [^.]+\.$/);
  });

  it('colours the text with the agent’s specialization', () => {
    const plain = offlineCoach(
      input([lead('want a duplex in Columbus')], AgentRole.BUYER_AGENT, Experience.NOVICE),
    ).hints[0]?.text;
    const investor = offlineCoach(
      input([lead('want a duplex in Columbus')], AgentRole.BUYER_AGENT, Experience.NOVICE, [
        Specialization.INVESTMENT,
      ]),
    ).hints[0]?.text;
    expect(investor).not.toBe(plain);
    expect(investor).toMatch(/cash flow|cap rate/i);
  });
});

describe('offline coach — Fair Housing', () => {
  it.each([
    'which neighborhoods are mostly white?',
    'we want a no kids neighborhood',
    'where do families like ours usually live?',
    'a safe neighborhood with the right kind of people',
    "I don't want to sell to anyone from India",
    'can we skip the showing for the guy in the wheelchair? save everyone time',
    'is it a good area for a muslim family like ours?',
    'can the listing say perfect for a single professional woman?',
  ])('flags steering: %s', (text) => {
    expect(detectFairHousingRisk(text)).not.toBeNull();
    expect(offlineCoach(input([lead(text)])).hints[0]?.category).toBe(HintCategory.COMPLIANCE_WARNING);
  });

  it.each([
    'good schools are a must for us, 3 bed in Frisco',
    'we have 2 kids and a dog so we need at least 3 bedrooms',
    'I use a wheelchair so we need a single-story home with no steps',
    'we want to look at 55+ communities in Sun City',
    'is there a church nearby? we go every sunday',
    'we have no kids so a 2 bed is plenty',
  ])('does not flag: %s', (text) => {
    expect(detectFairHousingRisk(text)).toBeNull();
    expect(offlineCoach(input([lead(text)])).hints[0]?.category).not.toBe(HintCategory.COMPLIANCE_WARNING);
  });
});

describe('slot extraction — numbers and phrasings', () => {
  it.each([
    ['under 340k', 340000],
    ['budget is $1.2m', 1200000],
    ['we can spend up to 1.2 million', 1200000],
    ['budget around four hundred thousand', 400000],
    ['max $450,000', 450000],
    ['budget half a million', 500000],
    ['we want to stay under four fifty', 450000],
    ['somewhere in the 400-450k range', 450000],
  ])('budget: %s', (text, value) => {
    expect(slotsOf(text).budget).toBe(value);
  });

  it.each([
    ['3bd in Boise', 3],
    ['three bedrooms please', 3],
    ['at least 3 beds', 3],
    ['3-4 bed', 3],
    ['a two-bedroom condo', 2],
    ['4br/3ba', 4],
  ])('bedrooms: %s', (text, value) => {
    expect(slotsOf(text).bedrooms).toBe(value);
  });

  it.each([
    ['need to move in 6 weeks', 2],
    ['want to close within 10 days', 1],
    ['probably next year', 12],
    ['lease ends in about 3 months', 3],
    ['hoping to buy within a year and a half', 18],
    ['we want to be in by June', 5],
    ['we want to sell by spring', 2],
  ])('timeline: %s', (text, months) => {
    expect(slotsOf(text).timelineMonths).toBe(months);
  });

  it('reads seller prices, types, areas and pre-approval', () => {
    expect(slotsOf('we are hoping to get 650 for it', AgentRole.LISTING_AGENT).priceExpectation).toBe(650000);
    expect(slotsOf('list the condo at 1.35M', AgentRole.LISTING_AGENT)).toMatchObject({
      priceExpectation: 1350000,
      propertyType: PropertyType.CONDO,
    });
    expect(slotsOf('moving from Memphis to Charlotte, want a townhome').areas).toEqual(['charlotte']);
    expect(slotsOf('3 bed in Round Rock or Cedar Park').areas).toEqual(['round rock', 'cedar park']);
    expect(slotsOf('single family, 3 bed, Meridian or Nampa').areas).toEqual(['meridian', 'nampa']);
    expect(slotsOf('Can we see the one on Fairview Rd this weekend?').areas).toBeUndefined();
    expect(slotsOf("we're pre-approved").preApproved).toBe(true);
    expect(slotsOf('not pre-approved yet').preApproved).toBe(false);
    expect(slotsOf('we own a 5 acre lot off the highway').propertyType).toBe(PropertyType.LAND);
  });

  it('does not invent slots from non-slot numbers', () => {
    const s = slotsOf(
      'we bought it in 2019, the HOA is $300/mo, 2.5% commission, 4 days on market, closing on the 20th',
    );
    expect(s).toEqual({});
  });

  it('ignores facts stated only by the agent', () => {
    const s = extractSlots([
      agent(
        'Here is a 3 bed, 2 bath condo in Tampa listed at 429k, closing in 30 days. Are you pre-approved?',
      ),
      lead('ok thanks'),
    ]);
    expect(s).toEqual({});
  });

  it('exposes number helpers', () => {
    expect(normalizeNumberWords('three hundred and fifty thousand')).toBe('350000');
    expect(normalizeNumberWords('a one-bedroom')).toBe('a 1 bedroom');
    expect(findMoneyMentions('about $1.25M').map((m) => m.value)).toEqual([1250000]);
    expect(findMoneyMentions('at 5:30 in 1980s homes')).toEqual([]);
    expect(durationToMonths(6, 'weeks')).toBe(2);
    expect(durationToMonths(4, 'weeks')).toBe(1);
    expect(durationToMonths(1.5, 'years')).toBe(18);
  });
});
