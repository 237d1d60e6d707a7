/**
 * Which category and objection type win for the lead's latest turn, read in context: objections asked as
 * questions, an objection restated briefly after the agent's answer, frustration that is never congratulated, and
 * a calibrated model that may replace only weak rule answers. Sentences are written for these tests.
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
import { LOW_CONFIDENCE, arbitrate, classifyWithModel } from '../../../../subgraphs/coaching/coach/model';
import { defaultModel } from '../../../../subgraphs/coaching/coach/model';
import { predict } from '../../../../subgraphs/coaching/coach/naive-bayes';
import { offlineCoach } from '../../../../subgraphs/coaching/coach/offline-coach';
import type { Classification, Turn } from '../../../../subgraphs/coaching/coach/types';

const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agent = (text: string): Turn => ({ speaker: Speaker.AGENT, text });

function coach(turns: Turn[], role = AgentRole.BUYER_AGENT) {
  return offlineCoach({
    agent: { role, experience: Experience.EXPERIENCED, specializations: [] },
    stage: ConversationStage.NEGOTIATION,
    turns,
    now: '2025-01-15T12:00:00Z',
  });
}

const rules = (turns: Turn[], role = AgentRole.BUYER_AGENT): Classification =>
  classifyTurn({ role, turns, slots: {}, qualificationScore: 100 });

describe('objections asked as questions', () => {
  it.each([
    [
      'be honest, are you even going to answer our calls once the listing is signed?',
      AgentRole.LISTING_AGENT,
      ObjectionType.TRUST,
    ],
    [
      'the closing got moved twice already. how much longer is this going to drag on?',
      AgentRole.TRANSACTION_COORDINATOR,
      ObjectionType.TIMING,
    ],
    [
      'how could that place possibly be worth 640 when the one across the street went for 575?',
      AgentRole.BUYER_AGENT,
      ObjectionType.PRICE,
    ],
    [
      'and if the seller refuses to cover your fee, what then, we pay it ourselves?',
      AgentRole.BUYER_AGENT,
      ObjectionType.COMMISSION,
    ],
  ])('%s → objection, not a factual question', (text, role, type) => {
    const hint = coach([lead(text)], role).hints[0];
    expect([hint?.category, hint?.objection]).toEqual([HintCategory.OBJECTION_HANDLING, type]);
  });

  it('keeps a plain factual question as INFORMATION', () => {
    const hint = coach([lead('how long does the inspection period usually last here?')]).hints[0];
    expect(hint?.category).toBe(HintCategory.INFORMATION);
  });
});

describe('conversation context', () => {
  const conversation = [
    agent('Hi! Following up on the Birch Road house you saved.'),
    lead('we like it, but 600 is way more than we planned to spend on a place that needs a roof'),
    agent('The sellers already cut the price once and seem motivated.'),
    lead('I hear you, it still feels like a stretch'),
  ];

  it('reads a brief restatement of an earlier objection as that objection (4 turns)', () => {
    const out = rules(conversation);
    expect([out.category, out.objection]).toEqual([HintCategory.OBJECTION_HANDLING, ObjectionType.PRICE]);
    expect(out.signals).toContain('context:restated_objection');
    expect(coach(conversation).hints[0]?.objection).toBe(ObjectionType.PRICE);
  });

  it('does not carry an old objection into a turn that moves on', () => {
    const movedOn = [
      ...conversation.slice(0, 3),
      lead('ok fair enough, can we see it again on Saturday morning?'),
    ];
    expect(rules(movedOn).category).toBe(HintCategory.NEXT_STEP);
  });

  it('never congratulates a client whose good news came with frustration', () => {
    const turns = [
      agent('How did the final walkthrough go?'),
      lead('we got the keys!! but the sellers left the place trashed, this is ridiculous'),
    ];
    const out = coach(turns);
    expect(out.signals.some((s) => /emotion:(?:celebration|milestone|excitement)/.test(s))).toBe(false);
    expect(out.hints[0]?.text).not.toMatch(/congratulations/i);
    expect([HintCategory.OBJECTION_HANDLING, HintCategory.RAPPORT]).toContain(out.hints[0]?.category);
  });
});

describe('what the turn is about', () => {
  it('reads doubt aimed at the agent as trust, even when money is mentioned', () => {
    const turns = [
      agent('My job is to find the right house for you, not the priciest one.'),
      lead('our last agent steered us into a place we could barely afford. how are you any different?'),
    ];
    const hint = coach(turns).hints[0];
    expect([hint?.category, hint?.objection]).toEqual([HintCategory.OBJECTION_HANDLING, ObjectionType.TRUST]);
  });

  it('reads a lead asking what is left to do, or accepting a counter, as a next step', () => {
    const asks = [
      agent('The lender has everything they need now.'),
      lead('great, what else do you need from us before the closing?'),
    ];
    expect(coach(asks, AgentRole.TRANSACTION_COORDINATOR).hints[0]?.category).toBe(HintCategory.NEXT_STEP);
    const accepts = [
      agent('The sellers came back at 432 and will cover closing costs.'),
      lead("let's accept, tell them yes"),
    ];
    expect(coach(accepts).hints[0]?.category).toBe(HintCategory.NEXT_STEP);
  });

  it('keeps a request for an action as a next step, whatever the model says (a TC asked to book)', () => {
    const turns = [
      agent('The repairs are signed off.'),
      lead('the contractor finished everything, please book the final walkthrough for Thursday afternoon'),
    ];
    const out = rules(turns, AgentRole.TRANSACTION_COORDINATOR);
    expect([out.category, out.strength]).toEqual([HintCategory.NEXT_STEP, 'strong']);
    expect(coach(turns, AgentRole.TRANSACTION_COORDINATOR).hints[0]?.category).toBe(HintCategory.NEXT_STEP);
  });

  it('does not read "too much house" (size) as a price objection', () => {
    const turns = [
      agent('What has you thinking about selling?'),
      lead('our kids moved out and honestly it is too much house for the two of us now'),
    ];
    expect(coach(turns, AgentRole.LISTING_AGENT).hints[0]?.category).toBe(HintCategory.QUALIFYING_QUESTION);
  });
});

describe('model arbitration', () => {
  const objectionRule: Classification = {
    category: HintCategory.OBJECTION_HANDLING,
    objection: ObjectionType.PRICE,
    signals: ['objection:PRICE'],
    confidence: 0.85,
  };
  const sureInformation = {
    label: HintCategory.INFORMATION,
    probability: 0.95,
    distribution: [
      { label: HintCategory.INFORMATION, probability: 0.95 },
      { label: 'OBJECTION_HANDLING/PRICE', probability: 0.05 },
    ],
  };

  it('lets only a near-certain model replace a strong rule answer, and lowers confidence when they disagree', () => {
    const likely = {
      label: HintCategory.INFORMATION,
      probability: 0.9,
      distribution: [
        { label: HintCategory.INFORMATION, probability: 0.9 },
        { label: 'OBJECTION_HANDLING/PRICE', probability: 0.1 },
      ],
    };
    const out = arbitrate({ ...objectionRule, strength: 'strong' }, likely);
    expect([out.category, out.objection]).toEqual([HintCategory.OBJECTION_HANDLING, ObjectionType.PRICE]);
    expect(out.confidence).toBeLessThan(LOW_CONFIDENCE);
    expect(arbitrate({ ...objectionRule, strength: 'strong' }, sureInformation).category).toBe(
      HintCategory.INFORMATION,
    );
  });

  it('never lets the model name Fair Housing on its own, however sure', () => {
    const sureCompliance = {
      label: HintCategory.COMPLIANCE_WARNING,
      probability: 0.99,
      distribution: [
        { label: HintCategory.COMPLIANCE_WARNING, probability: 0.99 },
        { label: HintCategory.INFORMATION, probability: 0.01 },
      ],
    };
    const question: Classification = {
      category: HintCategory.INFORMATION,
      signals: ['question'],
      confidence: 0.6,
      strength: 'default',
    };
    expect(arbitrate(question, sureCompliance).category).toBe(HintCategory.INFORMATION);
  });

  it('keeps the objection type a restated objection carries when the model agrees it is an objection', () => {
    const restated: Classification = {
      ...objectionRule,
      signals: ['objection:PRICE', 'context:restated_objection'],
      strength: 'weak',
    };
    const sureTrust = {
      label: 'OBJECTION_HANDLING/TRUST',
      probability: 0.9,
      distribution: [
        { label: 'OBJECTION_HANDLING/TRUST', probability: 0.9 },
        { label: 'OBJECTION_HANDLING/PRICE', probability: 0.1 },
      ],
    };
    expect(arbitrate(restated, sureTrust).objection).toBe(ObjectionType.PRICE);
  });

  it('lets a confident model replace a weak rule answer, and not a hesitant one', () => {
    expect(arbitrate({ ...objectionRule, strength: 'weak' }, sureInformation).category).toBe(
      HintCategory.INFORMATION,
    );
    const hesitant = {
      ...sureInformation,
      probability: 0.5,
      distribution: [
        { label: HintCategory.INFORMATION, probability: 0.5 },
        { label: 'OBJECTION_HANDLING/PRICE', probability: 0.4 },
      ],
    };
    expect(arbitrate({ ...objectionRule, strength: 'weak' }, hesitant).category).toBe(
      HintCategory.OBJECTION_HANDLING,
    );
  });

  it('needs a surer model to turn a lead answering the agent into an objection', () => {
    const answering: Classification = {
      category: HintCategory.QUALIFYING_QUESTION,
      signals: ['context:answering_agent'],
      confidence: 0.6,
      strength: 'default',
    };
    const leaning = {
      label: 'OBJECTION_HANDLING/JUST_LOOKING',
      probability: 0.5,
      distribution: [
        { label: 'OBJECTION_HANDLING/JUST_LOOKING', probability: 0.5 },
        { label: HintCategory.QUALIFYING_QUESTION, probability: 0.2 },
      ],
    };
    expect(arbitrate(answering, leaning).category).toBe(HintCategory.QUALIFYING_QUESTION);
    expect(arbitrate({ ...answering, signals: [] }, leaning).category).toBe(HintCategory.OBJECTION_HANDLING);
  });

  it('types a model objection by the objection raised earlier in the conversation', () => {
    // A model that knows no features: its answer is its prior, PRICE first, TRUST second.
    const model = {
      labels: ['OBJECTION_HANDLING/PRICE', 'OBJECTION_HANDLING/TRUST', HintCategory.INFORMATION],
      logPrior: [Math.log(0.5), Math.log(0.3), Math.log(0.2)].map((x) => x * 4.5),
      logLik: new Map<string, number[]>(),
    };
    const turns = [
      lead('the last agent we had lied to us about the inspection'),
      agent('I understand. I put everything in writing.'),
      lead('hmm'),
    ];
    const vague: Classification = {
      category: HintCategory.QUALIFYING_QUESTION,
      signals: ['context:earlier_objection:TRUST'],
      confidence: 0.5,
      strength: 'default',
    };
    const out = classifyWithModel(vague, turns, AgentRole.BUYER_AGENT, model);
    expect([out.category, out.objection]).toEqual([HintCategory.OBJECTION_HANDLING, ObjectionType.TRUST]);
  });

  it('is confident when clear cues and the model agree', () => {
    const agreeing = {
      label: 'OBJECTION_HANDLING/PRICE',
      probability: 0.9,
      distribution: [{ label: 'OBJECTION_HANDLING/PRICE', probability: 0.9 }],
    };
    expect(arbitrate({ ...objectionRule, strength: 'strong' }, agreeing).confidence).toBeGreaterThan(0.8);
  });

  it('reports calibrated probabilities, not a saturated 1.00', () => {
    // Raw Naive Bayes puts p > 0.99999 on almost every turn; calibrated, a clear objection stays below 0.999
    // and a vague reply is far from certain.
    const clear = predict(
      defaultModel(),
      [lead('honestly that asking price is way too high for what it is, we are not paying that')],
      AgentRole.BUYER_AGENT,
    );
    expect(clear.label).toBe('OBJECTION_HANDLING/PRICE');
    expect(clear.probability).toBeGreaterThan(0.5);
    expect(clear.probability).toBeLessThan(0.999);
    const vague = predict(defaultModel(), [lead('ok let me think')], AgentRole.BUYER_AGENT);
    expect(vague.probability).toBeLessThan(0.8);
  });
});
