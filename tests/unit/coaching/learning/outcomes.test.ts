/**
 * Where the bandit's outcomes come from besides verdicts: the lead's next message (its tone scores the hints
 * shown since the lead's previous message; a neutral reply is counted for the reply rate but teaches nothing),
 * the stage advancing on it, and the contact's opportunity being won or lost (the contact's latest run).
 */
import { randomUUID } from 'node:crypto';
import { withTenantScope } from '../../../../core/db/request-scope';
import {
  ConversationStage,
  EventTypes,
  Speaker,
  TurnSource,
  type EventEnvelope,
  type OpportunityStatusPayload,
} from '../../../../core/vocabulary';
import { coachingSubgraph } from '../../../../subgraphs/coaching';
import { CoachingVariant } from '../../../../subgraphs/coaching/coach/variants';
import { learningConsumer } from '../../../../subgraphs/coaching/consumers/learning';
import {
  CoachingHint,
  ConversationTurn,
  SessionOrigin,
  SessionView,
  StrategyOutcome,
} from '../../../../subgraphs/coaching/entities';
import { variantCounts } from '../../../../subgraphs/coaching/learning/arms';
import { learnFromLeadTurn, stageAdvanced } from '../../../../subgraphs/coaching/learning/outcomes';
import { createTestDb, type TestDb } from '../../../helpers/db';
import { describeEachDb } from '../../../helpers/variants';
import { hintRow, ROLE, STAGE } from './hint-row';

const minutes = (n: number): Date => new Date(Date.parse('2026-12-07T10:00:00Z') + n * 60_000);

describe('stageAdvanced', () => {
  it('is forward movement along the deal, never into FOLLOW_UP', () => {
    expect(stageAdvanced(ConversationStage.QUALIFICATION, ConversationStage.SHOWING)).toBe(true);
    expect(stageAdvanced(ConversationStage.SHOWING, ConversationStage.QUALIFICATION)).toBe(false);
    expect(stageAdvanced(ConversationStage.SHOWING, ConversationStage.FOLLOW_UP)).toBe(false);
    expect(stageAdvanced(ConversationStage.SHOWING, ConversationStage.SHOWING)).toBe(false);
  });
});

describeEachDb('coaching bandit outcomes (%s)', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind, 'coaching', coachingSubgraph.entities, coachingSubgraph.migrations);
  });
  afterAll(() => db.close());

  const counts = (tenantId: string) =>
    withTenantScope(db.orm, tenantId, (em) => variantCounts(em, { tenantId, role: ROLE, stage: STAGE }));
  const arm = async (tenantId: string, v: CoachingVariant) =>
    (await counts(tenantId)).find((c) => c.arm === v)!;

  async function seed(rows: object[]): Promise<void> {
    const em = db.owner.em.fork();
    for (const r of rows) {
      if ('speaker' in r) em.create(ConversationTurn, r as ConversationTurn);
      else em.create(CoachingHint, r as CoachingHint);
    }
    await em.flush();
  }

  function turn(tenantId: string, sessionId: string, text: string, at: Date) {
    return {
      id: randomUUID(),
      tenantId,
      sessionId,
      speaker: Speaker.LEAD,
      text,
      at,
      source: TurnSource.API,
      externalId: null,
    };
  }

  it("scores the hints since the lead's previous message by the reply's tone, and credits a stage advance", async () => {
    const tenantId = randomUUID();
    const sessionId = randomUUID();
    const before = hintRow(tenantId, CoachingVariant.DIRECT, { sessionId, createdAt: minutes(1) });
    const first = turn(tenantId, sessionId, 'We want three bedrooms.', minutes(2));
    const shown = hintRow(tenantId, CoachingVariant.EMPATHETIC, { sessionId, createdAt: minutes(3) });
    const angry = turn(tenantId, sessionId, 'This is a waste of time, stop texting me.', minutes(4));
    await seed([before, first, shown, angry]);

    await withTenantScope(db.orm, tenantId, (em) =>
      em.transactional((tx) =>
        learnFromLeadTurn(tx, {
          sessionId,
          turn: angry,
          stageBefore: ConversationStage.QUALIFICATION,
          stageAfter: ConversationStage.QUALIFICATION,
        }),
      ),
    );
    // only the hint shown after the lead's previous message is scored: a negative reply is a failure
    expect(await arm(tenantId, CoachingVariant.EMPATHETIC)).toMatchObject({ successes: 0, failures: 1 });
    expect(await arm(tenantId, CoachingVariant.DIRECT)).toMatchObject({ successes: 0, failures: 0 });

    const happy = turn(tenantId, sessionId, 'Sounds good, we are excited to see it!', minutes(6));
    const shownAgain = hintRow(tenantId, CoachingVariant.DIRECT, { sessionId, createdAt: minutes(5) });
    await seed([shownAgain, happy]);
    const facts = {
      sessionId,
      turn: happy,
      stageBefore: ConversationStage.QUALIFICATION,
      stageAfter: ConversationStage.SHOWING,
    };
    for (let i = 0; i < 2; i++)
      await withTenantScope(db.orm, tenantId, (em) => em.transactional((tx) => learnFromLeadTurn(tx, facts)));
    // a positive reply and a stage advance: two successes, once however often the turn is replayed
    expect(await arm(tenantId, CoachingVariant.DIRECT)).toMatchObject({ successes: 2, failures: 0 });
  });

  it('a neutral reply is counted, not scored', async () => {
    const tenantId = randomUUID();
    const sessionId = randomUUID();
    const shown = hintRow(tenantId, CoachingVariant.QUESTION_LED, { sessionId, createdAt: minutes(1) });
    const reply = turn(
      tenantId,
      sessionId,
      'We are looking at a few places in the area this month.',
      minutes(2),
    );
    await seed([shown, reply]);
    await withTenantScope(db.orm, tenantId, (em) =>
      em.transactional((tx) =>
        learnFromLeadTurn(tx, {
          sessionId,
          turn: reply,
          stageBefore: STAGE,
          stageAfter: STAGE,
        }),
      ),
    );
    expect(await arm(tenantId, CoachingVariant.QUESTION_LED)).toMatchObject({ successes: 0, failures: 0 });
    const outcomes = await db.owner.em.fork().find(StrategyOutcome, { tenantId }, { filters: false });
    expect(outcomes.map((o) => [o.hintId, o.signal, o.value])).toEqual([[shown.id, 'REPLY', 'NEUTRAL']]);
  });

  it("a won or lost opportunity scores the contact's latest coaching run, once per event", async () => {
    const tenantId = randomUUID();
    const contactId = `c-${randomUUID()}`;
    const sessionId = randomUUID();
    const view = {
      sessionId,
      tenantId,
      agentId: randomUUID(),
      locationId: null,
      contactId,
      stage: STAGE,
      active: true,
      origin: SessionOrigin.AGENTS,
      eventAt: minutes(0),
    };
    const em = db.owner.em.fork();
    em.create(SessionView, view as never);
    await em.flush();
    const oldRun = randomUUID();
    const newRun = randomUUID();
    await seed([
      hintRow(tenantId, CoachingVariant.DIRECT, { sessionId, requestId: oldRun, createdAt: minutes(1) }),
      hintRow(tenantId, CoachingVariant.EMPATHETIC, { sessionId, requestId: newRun, createdAt: minutes(2) }),
      hintRow(tenantId, CoachingVariant.EMPATHETIC, { sessionId, requestId: newRun, createdAt: minutes(3) }),
    ]);
    const event = (status: string): EventEnvelope<OpportunityStatusPayload> => ({
      id: randomUUID(),
      type: EventTypes.ghlOpportunityStatus,
      tenantId,
      at: minutes(10).toISOString(),
      version: 1,
      payload: { locationId: 'loc', contactId, opportunityId: 'opp', status, monetaryValue: 1000 },
    });
    const invalid: unknown[] = [];
    const handle = learningConsumer(db.orm, (_e, err) => invalid.push(err));
    const won = event('won');
    await Promise.all([handle(won), handle(won), handle(event('open'))]);
    expect(invalid).toEqual([]);
    expect(await arm(tenantId, CoachingVariant.EMPATHETIC)).toMatchObject({ successes: 2, failures: 0 });
    expect(await arm(tenantId, CoachingVariant.DIRECT)).toMatchObject({ successes: 0, failures: 0 });
  });
});
