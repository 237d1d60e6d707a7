/**
 * A LEAD turn reads its contact's memory once (issue 13): the qualification, the memory update and the
 * coaching request each read the facts and notes before; now one snapshot serves all three — and the memory
 * the turn writes is still the merge of what was remembered and what this turn said.
 */
import type { Knex } from '@mikro-orm/knex';
import { withTenantScope } from '../../../core/db/request-scope';
import { ContactFact, ContactMemory } from '../../../subgraphs/coaching/entities';
import { describeEachDb } from '../../helpers/variants';
import { principal } from '../../helpers/principals';
import {
  feedReadModels,
  fixture,
  startCoaching,
  type CoachingHarness,
  type Fixture,
} from './support/live-harness';

const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const MEMORY_TABLES = [
  'contact_facts',
  'contact_memories',
  'memory_retention_settings',
  'contact_session_summaries',
];

describeEachDb("a LEAD turn and its contact's memory (%s)", (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  const owner = () => principal({ tenantId: f.tenantId });

  beforeAll(async () => {
    h = await startCoaching(kind);
    f = fixture();
    await feedReadModels(h, f);
  });
  afterAll(async () => {
    await h.close();
  });

  async function leadSays(text: string): Promise<string[]> {
    const knex = (h.db.orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
    const reads: string[] = [];
    const onQuery = (q: { sql: string }) => {
      if (/^\s*select\b/i.test(q.sql)) reads.push(q.sql);
    };
    knex.on('query', onQuery);
    try {
      const res = await h.exec(owner(), ADD_TURN, {
        input: { sessionId: f.sessionId, speaker: 'LEAD', text },
      });
      expect(res.errors).toBeUndefined();
      await h.settle();
    } finally {
      knex.off('query', onQuery);
    }
    return reads;
  }

  const readsOf = (reads: string[], table: string) => reads.filter((sql) => sql.includes(table)).length;

  it('reads the facts, notes, retention and summaries once per turn, and remembers both turns', async () => {
    await leadSays('We are pre-approved for 450k and want Round Rock.');
    const reads = await leadSays('We need 3 bedrooms, and we want to move in about 3 months.');
    expect(Object.fromEntries(MEMORY_TABLES.map((t) => [t, readsOf(reads, t)]))).toEqual(
      Object.fromEntries(MEMORY_TABLES.map((t) => [t, 1])),
    );

    const { facts, notes } = await withTenantScope(h.db.orm, f.tenantId, async (em) => ({
      facts: await em.find(ContactFact, { contactId: f.contactId }),
      notes: await em.findOne(ContactMemory, { contactId: f.contactId }),
    }));
    expect(facts.map((x) => x.key).sort()).toEqual(
      ['areas', 'bedrooms', 'budget', 'preApproved', 'timelineMonths'].sort(),
    );
    expect(notes?.notes.map((n) => n.slice(0, n.indexOf(':'))).sort()).toEqual(
      ['Areas', 'Bedrooms', 'Budget', 'Pre-approval', 'Timeline'].sort(),
    );
  });
});
