/**
 * Vertical templates: every template file is registered and every vertical of the public contract has one;
 * the same lead message gets different slots, questions and hints per vertical from the offline coach; each
 * vertical's compliance rules fire on what breaks them and not in other verticals; the prompt carries the
 * vertical's playbook; REAL_ESTATE (the old default code) coaches exactly like residential.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  AgentRole,
  canonicalVertical,
  ConversationStage,
  Experience,
  HintCategory,
  Speaker,
  Vertical,
} from '../../../core/vocabulary';
import { offlineCoach } from '../../../subgraphs/coaching/coach/offline-coach';
import type { CoachInput, CoachOutput, Turn } from '../../../subgraphs/coaching/coach/types';
import { buildUserMessage, promptFacts } from '../../../subgraphs/coaching/engine/prompts/build-prompt';
import { VERTICAL_TEMPLATES, verticalTemplate } from '../../../subgraphs/coaching/verticals/registry';

const NOW = '2025-01-15T12:00:00Z';
const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agentSays = (text: string): Turn => ({ speaker: Speaker.AGENT, text });

function coach(vertical: string | undefined, turns: Turn[], role = AgentRole.BUYER_AGENT): CoachOutput {
  const input: CoachInput = {
    agent: { role, experience: Experience.EXPERIENCED, specializations: [] },
    stage: ConversationStage.INITIAL_CONTACT,
    turns,
    now: NOW,
    ...(vertical ? { vertical } : {}),
  };
  return offlineCoach(input);
}

const SAME_MESSAGE = "We're looking to buy in Austin, budget $2,000,000, in the next 6 months.";

describe('vertical registry', () => {
  const dir = path.join(__dirname, '../../../subgraphs/coaching/verticals/templates');

  it('lists every template file under verticals/templates once, and every vertical has one', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBe(VERTICAL_TEMPLATES.length);
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(dir, file)) as Record<string, unknown>;
      const exported = Object.values(mod);
      expect(exported.some((t) => VERTICAL_TEMPLATES.includes(t as never))).toBe(true);
    }
    const codes = VERTICAL_TEMPLATES.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.values(Vertical).sort());
  });

  it('reads the old codes as aliases and anything unknown as residential', () => {
    expect(canonicalVertical('REAL_ESTATE')).toBe(Vertical.RESIDENTIAL);
    expect(canonicalVertical(' commercial_re ')).toBe(Vertical.COMMERCIAL);
    expect(canonicalVertical('mortgage_lending')).toBe(Vertical.MORTGAGE);
    expect(canonicalVertical('INSURANCE')).toBeNull();
    expect(verticalTemplate('INSURANCE').code).toBe(Vertical.RESIDENTIAL);
    expect(verticalTemplate('luxury').code).toBe(Vertical.LUXURY);
  });
});

describe('the offline coach per vertical', () => {
  it('asks for different slots for the same lead message', () => {
    const out = Object.fromEntries(
      Object.values(Vertical).map((v) => [v, coach(v, [lead(SAME_MESSAGE)])] as const),
    ) as Record<Vertical, CoachOutput>;
    const asks = Object.values(out).map((o) => o.qualification.nextQuestion);
    expect(new Set(asks).size).toBe(asks.length);
    expect(out.RESIDENTIAL.qualification.missing[0]).toBe('preApproved');
    expect(out.LUXURY.qualification.missing[0]).toBe('proofOfFunds');
    expect(out.LUXURY.qualification.nextQuestion).toMatch(/proof of funds/i);
    expect(out.COMMERCIAL.qualification.missing.slice(0, 3)).toEqual([
      'spaceUse',
      'squareFeet',
      'leaseTermMonths',
    ]);
    expect(out.COMMERCIAL.qualification.nextQuestion).toMatch(/office, retail, industrial/);
    expect(out.MORTGAGE.qualification.missing.slice(0, 3)).toEqual([
      'loanAmount',
      'creditScore',
      'downPayment',
    ]);
    expect(out.MORTGAGE.qualification.nextQuestion).toMatch(
      /\$2M purchase, how much are you looking to borrow/,
    );
    expect(out.PROPERTY_MANAGEMENT.qualification.missing.slice(0, 2)).toEqual(['units', 'monthlyRent']);
    // what the lead said counts in every vertical that scores it
    for (const o of Object.values(out))
      expect(o.slots).toMatchObject({ budget: 2_000_000, timelineMonths: 6 });
    // and the hints the agent sees differ
    const primary = Object.values(out).map((o) => o.hints.map((h) => h.text).join(' | '));
    expect(new Set(primary).size).toBe(primary.length);
  });

  it('extracts each vertical’s own slots', () => {
    const commercial = coach('COMMERCIAL', [
      lead('We need about 5,000 sq ft of retail space downtown, thinking a 5-year lease.'),
    ]);
    expect(commercial.slots).toMatchObject({ squareFeet: 5000, spaceUse: 'RETAIL', leaseTermMonths: 60 });
    expect(commercial.qualification.missing).not.toContain('squareFeet');

    const mortgage = coach('MORTGAGE', [
      lead("I'd like to borrow about $400k. My credit score is around 720 and we can put 20% down."),
    ]);
    expect(mortgage.slots).toMatchObject({ loanAmount: 400_000, creditScore: 720, downPaymentPercent: 20 });
    expect(mortgage.qualification.missing).toEqual(['timelineMonths', 'propertyType']);

    const pm = coach('PROPERTY_MANAGEMENT', [lead('I own 12 units in Dallas renting at $1,850/mo each.')]);
    expect(pm.slots).toMatchObject({ units: 12, monthlyRent: 1850 });
    expect(pm.qualification.missing).toEqual(['propertyType', 'areas', 'timelineMonths']);

    const lux = coach('LUXURY', [lead("We're cash buyers, budget $6M, waterfront in Miami.")]);
    expect(lux.slots).toMatchObject({ proofOfFunds: true, budget: 6_000_000 });
    expect(lux.qualification.missing).not.toContain('proofOfFunds');
    // residential keeps its own slots and ignores the others
    expect(
      coach('RESIDENTIAL', [lead('We need about 5,000 sq ft of retail space.')]).slots.squareFeet,
    ).toBeUndefined();
  });

  it('scores a listing agent with the vertical’s listing slots, a coordinator with none', () => {
    const listing = coach('LUXURY', [lead('Thinking of selling our estate.')], AgentRole.LISTING_AGENT);
    expect(listing.qualification.missing[0]).toBe('priceExpectation');
    const tc = coach('MORTGAGE', [lead('When is closing?')], AgentRole.TRANSACTION_COORDINATOR);
    expect(tc.qualification).toEqual({ score: 100, missing: [], nextQuestion: null });
  });

  it.each([
    ['MORTGAGE', 'MORTGAGE_NO_RATE_GUARANTEE', [lead('Can you guarantee me a 5.5% rate if I apply today?')]],
    [
      'MORTGAGE',
      'MORTGAGE_NO_RATE_GUARANTEE',
      [lead('What rate?'), agentSays("I'll promise you 5.9% today.")],
    ],
    [
      'PROPERTY_MANAGEMENT',
      'PM_FAIR_HOUSING_SCREENING',
      [lead("I'd rather not rent to families with kids, and no section 8 please.")],
    ],
    [
      'COMMERCIAL',
      'COMMERCIAL_NO_RETURN_PROMISES',
      [lead('Is the 8% cap rate guaranteed on this building?')],
    ],
    ['LUXURY', 'LUXURY_CONFIDENTIALITY', [lead("Who's the seller? I heard it's someone famous.")]],
  ])('%s: a turn that breaks %s gets that warning first', (vertical, rule, turns) => {
    const out = coach(vertical, turns);
    const hint = out.hints[0]!;
    expect(hint.category).toBe(HintCategory.COMPLIANCE_WARNING);
    expect(hint.rationale).toContain(`vertical_compliance:${rule}`);
    const template = verticalTemplate(vertical);
    expect(hint.text).toContain(template.compliance.find((r) => r.id === rule)!.parts.cue);
    // the same words in a residential tenant do not raise that vertical's rule
    const residential = coach('RESIDENTIAL', turns);
    expect(residential.hints[0]!.rationale).not.toContain('vertical_compliance:');
  });

  it('REAL_ESTATE, an unknown code and no vertical coach exactly like RESIDENTIAL', () => {
    const turns = [lead(SAME_MESSAGE)];
    const residential = coach('RESIDENTIAL', turns);
    expect(coach('REAL_ESTATE', turns)).toEqual(residential);
    expect(coach(undefined, turns)).toEqual(residential);
    expect(coach('SOMETHING_ELSE', turns)).toEqual(residential);
  });
});

describe('the prompt per vertical', () => {
  function user(vertical: string | undefined): string {
    const analysis = coach(vertical, [lead(SAME_MESSAGE)]);
    return buildUserMessage({
      role: AgentRole.BUYER_AGENT,
      experience: Experience.EXPERIENCED,
      specializations: [],
      stage: ConversationStage.INITIAL_CONTACT,
      kind: 'QUICK',
      ...(vertical ? { vertical } : {}),
      turns: [lead(SAME_MESSAGE)],
      facts: promptFacts(analysis, {}),
    });
  }

  it('names the vertical, its playbook, slots and compliance rules', () => {
    const mortgage = user('MORTGAGE');
    expect(mortgage).toContain('Market vertical: Mortgage lending (MORTGAGE)');
    expect(mortgage).toContain('never guarantee a rate');
    expect(mortgage).toContain('Vertical compliance rule MORTGAGE_NO_RATE_GUARANTEE');
    expect(mortgage).toMatch(
      /Qualification gaps \(most valuable first\): loanAmount, creditScore, downPayment/,
    );
    const commercial = user('COMMERCIAL');
    expect(commercial).toContain('Market vertical: Commercial real estate (COMMERCIAL)');
    expect(commercial).toMatch(
      /Qualification gaps \(most valuable first\): spaceUse, squareFeet, leaseTermMonths/,
    );
    expect(user('LUXURY')).toContain('proof of funds');
    expect(user('REAL_ESTATE')).toContain('Market vertical: Residential (RESIDENTIAL)');
    expect(user(undefined)).toContain('Market vertical: residential');
    const all = Object.values(Vertical).map(user);
    expect(new Set(all).size).toBe(all.length);
  });
});
