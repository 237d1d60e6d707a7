/**
 * Rule refinements of issue 11's fourth round (subgraphs/coaching/coach/classify-refine.ts), on sentences written for
 * these tests: a coordinator's client with the deliverable in hand who asks where it goes is taking the next step; a
 * client asking why a closing figure changed wants an explanation unless they refuse to pay; distrust of what was
 * said is a trust objection; a lead asking the agent to come on a named day is setting a visit.
 */
import {
  AgentRole,
  ConversationStage,
  Experience,
  HintCategory,
  ObjectionType,
  Speaker,
} from '../../../../core/vocabulary';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import type { Turn } from '../../../../subgraphs/coaching/coach/types';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agent = (text: string): Turn => ({ speaker: Speaker.AGENT, text });

function top(role: AgentRole, turns: Turn[]): { category: HintCategory; objection?: ObjectionType } {
  const out = offlineCoach({
    agent: { role, experience: Experience.EXPERIENCED, specializations: [] },
    stage:
      role === AgentRole.TRANSACTION_COORDINATOR
        ? ConversationStage.UNDER_CONTRACT
        : ConversationStage.QUALIFICATION,
    turns,
    now: '2025-01-15T12:00:00Z',
  });
  const hint = out.hints[0];
  if (!hint) throw new Error('no hint');
  return hint.objection !== undefined
    ? { category: hint.category, objection: hint.objection }
    : { category: hint.category };
}

const TC = AgentRole.TRANSACTION_COORDINATOR;

describe("a coordinator's client with the deliverable in hand", () => {
  it.each([
    ['I have the homeowners policy and the gift letter ready, what email do they go to?'],
    ['ya hice el wire del earnest money hoy, ¿a quién le mando el recibo?'],
    ['ya tengo los estados de cuenta listos, ¿a qué correo se los mando?'],
  ])('%s → NEXT_STEP', (text) => {
    expect(top(TC, [agent('Just need a couple more items from you.'), lead(text)])).toEqual({
      category: HintCategory.NEXT_STEP,
    });
  });
});

describe('a closing figure the client asks about', () => {
  it('"why is our cash to close 2,400 more than the loan estimate said? what changed?" → INFORMATION', () => {
    expect(
      top(TC, [
        agent('Your final closing disclosure is attached.'),
        lead('why is our cash to close 2,400 more than the loan estimate said? what changed?'),
      ]),
    ).toEqual({ category: HintCategory.INFORMATION });
  });

  // Guard: a refusal keeps it a price objection.
  it('"why is our cash to close 2,400 more than the loan estimate? we are not paying that" stays a PRICE objection', () => {
    expect(
      top(TC, [
        agent('Your final closing disclosure is attached.'),
        lead('why is our cash to close 2,400 more than the loan estimate? we are not paying that'),
      ]),
    ).toEqual({ category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.PRICE });
  });
});

describe('distrust of what was said is a trust objection', () => {
  it.each([
    [
      TC,
      'The lender says the clear to close should come through by Thursday.',
      'you told me that last week and then they asked for another letter. not trusting anything anyone says until the keys are in my hand',
    ],
    [
      AgentRole.LISTING_AGENT,
      "I'd price it at 299 to draw a crowd.",
      'our previous realtor said the exact same thing, then three reductions and 100 days on market. why would you be any different',
    ],
  ])('%s: %s / %s → TRUST', (role, agentText, text) => {
    expect(top(role, [agent(agentText), lead(text)])).toEqual({
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.TRUST,
    });
  });
});

describe('a visit set for a named day', () => {
  it.each([
    [
      '¿Podría venir el viernes después de las 6 para ver el departamento? Mi marido sale de trabajar a esa hora',
    ],
  ])('%s → NEXT_STEP', (text) => {
    expect(
      top(AgentRole.LISTING_AGENT, [
        lead('Queremos vender la casa en unos 4 meses y pedir 380 mil'),
        agent('¡Claro que sí!'),
        lead(text),
      ]),
    ).toEqual({ category: HintCategory.NEXT_STEP });
  });
});

describe('a seller who does not know yet when or for how much', () => {
  it('"Quiero vender el dúplex en Pomona pero todavía no sé cuándo ni cuánto vale." → QUALIFYING_QUESTION', () => {
    expect(
      top(AgentRole.LISTING_AGENT, [
        lead('Hola. Quiero vender el dúplex en Pomona pero todavía no sé cuándo ni cuánto vale.'),
      ]),
    ).toEqual({ category: HintCategory.QUALIFYING_QUESTION });
  });

  // Guard: an actual wait keeps the timing objection.
  it('"not sure when, we want to wait until after the holidays" stays a TIMING objection', () => {
    expect(
      top(AgentRole.LISTING_AGENT, [lead('not sure when, we want to wait until after the holidays')]),
    ).toEqual({ category: HintCategory.OBJECTION_HANDLING, objection: ObjectionType.TIMING });
  });
});

describe('a switch to another provider weighed against this one', () => {
  it.each([
    [
      'Appraisal is ordered.',
      "my brother in law says his bank can beat our rate by a quarter point, we're thinking about switching to his bank. convince me otherwise",
    ],
    [
      'Title is ordered.',
      'honestly we might go with a different title company, our friend got a cheaper quote',
    ],
  ])('%s / %s → COMPETITOR', (agentText, text) => {
    expect(top(TC, [agent(agentText), lead(text)])).toEqual({
      category: HintCategory.OBJECTION_HANDLING,
      objection: ObjectionType.COMPETITOR,
    });
  });
});
