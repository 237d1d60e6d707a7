/**
 * Seller- and buyer-side objection constructions, as classes of utterance rather than sentences: a rate said in
 * words and called too much or countered, the lead working out what the fee costs, another agent or company met
 * with, promising more or with a local record, going with someone else's agent even when a fee refund is the
 * reason, doubt about the agent's competence, and "no sense before a date". Sentences are written for these tests.
 */
import { AgentRole, HintCategory, ObjectionType, Speaker } from '../../../../core/vocabulary';
import { classifyTurn, detectObjection } from '../../../../subgraphs/coaching/coach/classify';
import { toCueText } from '../../../../subgraphs/coaching/coach/language';

const typeOf = (text: string, agentBefore = ''): ObjectionType | undefined =>
  detectObjection(text, agentBefore)?.type;

describe('objection types by construction', () => {
  it.each([
    ['three percent is a lot for a condo this small', ObjectionType.COMMISSION],
    ['if you want six percent, forget it', ObjectionType.COMMISSION],
    ['your 2.5% would be almost nine grand on our place', ObjectionType.COMMISSION],
    ['4% of 600 is 24 thousand dollars, that hurts', ObjectionType.COMMISSION],
    ['we sat down with a broker from Compass and she says she can net us 40k more', ObjectionType.COMPETITOR],
    ['a cash buying company called and said they could close in two weeks', ObjectionType.COMPETITOR],
    ['the realtor down the street has listed five houses on our block this year', ObjectionType.COMPETITOR],
    ["we'll go with the other agent, she knows the neighborhood better", ObjectionType.COMPETITOR],
    ['we signed with a different brokerage since they rebate half the fee', ObjectionType.COMPETITOR],
    ["I'm not confident your office is on top of the deadlines anymore", ObjectionType.TRUST],
    ['no point in any of it until the lease is up, not a day sooner', ObjectionType.TIMING],
    ["2.5% on a house this size? We'll pay two, not a cent more.", ObjectionType.COMMISSION],
  ])('%s → %s', (text, expected) => {
    expect(typeOf(text)).toBe(expected);
  });

  it('a competitor quoting a lower rate stays a commission objection (the fee is what is countered)', () => {
    expect(typeOf('we interviewed two agents and the other one said she would list for 2%')).toBe(
      ObjectionType.COMMISSION,
    );
  });

  it('benign mentions raise no objection', () => {
    for (const text of [
      'we met with the lender yesterday and it went fine',
      'the house two doors down sold last spring, right?',
      'he says the inspection is booked for Tuesday',
    ])
      expect(typeOf(text)).toBeUndefined();
  });
});

describe('seller-side constructions in context', () => {
  it('a rate said as "por ciento" and refused is a commission objection in Spanish', () => {
    expect(detectObjection(toCueText('¿Y si cobra el 6 por ciento? Olvídelo, es demasiado.'), '')?.type).toBe(
      ObjectionType.COMMISSION,
    );
  });

  it('a seller who gave up selling it themselves and commits to listing gets the next step', () => {
    const out = classifyTurn({
      role: AgentRole.LISTING_AGENT,
      turns: [
        {
          speaker: Speaker.LEAD,
          text: "We tried FSBO all summer and got lowballed. Let's list it at 420 with you. When do we start?",
        },
      ],
      slots: {},
      qualificationScore: 100,
    });
    expect(out.category).toBe(HintCategory.NEXT_STEP);
  });

  it('selling it themselves without committing stays a competitor objection', () => {
    expect(typeOf("we're going to try selling it ourselves first, by owner")).toBe(ObjectionType.COMPETITOR);
  });
});
