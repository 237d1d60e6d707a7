/**
 * Every coaching table that holds data about a contact, in ONE list: what a GDPR erasure does to each
 * (delete the rows, or blank the identifying columns of rows whose figures other things rely on). A new
 * table with contact data is one more entry here — tests/unit/gdpr/contact-stores.test.ts fails until each
 * coaching table is either listed here or in NO_CONTACT_DATA with the reason.
 *
 * Stores name their entity by its class name (MikroORM resolves it), so the list reads as a table of facts.
 * Rows are found by the contact id, or by the contact's sessions (coaching's SessionView read model).
 */
import type { EntityManager, FilterQuery } from '@mikro-orm/core';

/** What an erased text column holds afterwards. */
export const ERASED_TEXT = '[erased]';

export interface ContactScope {
  tenantId: string;
  contactId: string;
  /** The contact's sessions in this tenant (SessionView). */
  sessionIds: string[];
}

export interface ContactStore {
  /** The entity class name (its table is what the erasure reports counts for). */
  entity: string;
  table: string;
  where(em: EntityManager, scope: ContactScope): FilterQuery<object> | Promise<FilterQuery<object>>;
  /**
   * 'delete' the rows, or set these columns (the rest of the row — counts, costs — is kept), or a function
   * that erases the rows `where` names and answers how many it changed.
   */
  erase:
    'delete' | Record<string, unknown> | ((em: EntityManager, where: FilterQuery<object>) => Promise<number>);
}

const bySession = (_em: EntityManager, s: ContactScope) => ({
  tenantId: s.tenantId,
  sessionId: { $in: s.sessionIds },
});
const byContact = (_em: EntityManager, s: ContactScope) => ({ tenantId: s.tenantId, contactId: s.contactId });

export const COACHING_CONTACT_STORES: readonly ContactStore[] = [
  { entity: 'ConversationTurn', table: 'conversation_turns', where: bySession, erase: 'delete' },
  {
    // hints stay (billing and analytics count them, with their tokens and cost); what they said goes
    entity: 'CoachingHint',
    table: 'coaching_hints',
    where: bySession,
    erase: eraseHintTexts,
  },
  { entity: 'Qualification', table: 'qualifications', where: bySession, erase: 'delete' },
  { entity: 'ContactMemory', table: 'contact_memories', where: byContact, erase: 'delete' },
  { entity: 'ContactFact', table: 'contact_facts', where: byContact, erase: 'delete' },
  {
    entity: 'ContactSessionSummary',
    table: 'contact_session_summaries',
    where: byContact,
    erase: 'delete',
  },
  {
    // the delivery log stays (what arrived, when, what became of it); the body — message text, names — goes
    entity: 'GhlWebhookDelivery',
    table: 'ghl_webhook_deliveries',
    where: ghlDeliveriesOf,
    erase: { body: '{}', error: null },
  },
];

/**
 * Coaching tables that hold nothing identifying about a contact, and why. SessionView keeps the
 * contact id (a pseudonymous GoHighLevel id) beside the session it maps: sessions, hints and billing
 * still refer to it.
 */
export const NO_CONTACT_DATA: Readonly<Record<string, string>> = {
  session_views: 'session ↔ contact id mapping only (pseudonymous id, no content)',
  agent_profiles: 'agents (the tenant’s own staff), not contacts',
  location_views: 'the tenant’s locations',
  organization_views: 'the tenant’s organizations and verticals',
  ghl_location_routes: 'GHL installations of the tenant',
  quota_views: 'hint limits',
  memory_retention_settings: 'per-tenant retention policy',
  coaching_strategy_arms: 'bandit counts per (role, stage, strategy)',
  coaching_strategy_outcomes: 'per-hint signals (ids, verdicts, strategy), no text',
  outbox_event: 'event payloads carry ids and figures, never message texts or names',
  processed_event: 'consumed event ids',
  dead_letter: 'copies of outbox_event rows a consumer gave up on: the same ids and figures',
};

/**
 * A delivery's `orderKey` is `<ghlLocationId>:<contactId>`. LIKE narrows the rows (its `_` wildcard may
 * match more), the exact suffix decides.
 */
async function ghlDeliveriesOf(em: EntityManager, s: ContactScope): Promise<FilterQuery<object>> {
  const suffix = `:${s.contactId}`;
  const where = { tenantId: s.tenantId, orderKey: { $like: `%${suffix}` } };
  const rows = (await em.find('GhlWebhookDelivery', where as never, {
    fields: ['seq', 'orderKey'] as never,
  })) as { seq: number; orderKey: string }[];
  return { seq: { $in: rows.filter((r) => r.orderKey.endsWith(suffix)).map((r) => r.seq) } };
}

/** A hint's words go (what it said, why, the next action, the agent's comment, an unasked hint's reason). */
async function eraseHintTexts(em: EntityManager, where: FilterQuery<object>): Promise<number> {
  const texts = {
    text: ERASED_TEXT,
    rationale: ERASED_TEXT,
    nextBestAction: ERASED_TEXT,
    feedbackComment: null,
  };
  const n = await em.nativeUpdate('CoachingHint', where, texts);
  await em.nativeUpdate(
    'CoachingHint',
    { $and: [where, { reason: { $ne: null } }] },
    { reason: ERASED_TEXT },
  );
  return n;
}

/** Erases the contact from every store; answers the affected row count per table. */
export async function eraseContactStores(
  em: EntityManager,
  scope: ContactScope,
  stores: readonly ContactStore[] = COACHING_CONTACT_STORES,
): Promise<Record<string, number>> {
  const erased: Record<string, number> = {};
  for (const store of stores) {
    const where = await store.where(em, scope);
    const { erase } = store;
    erased[store.table] =
      erase === 'delete'
        ? await em.nativeDelete(store.entity, where)
        : typeof erase === 'function'
          ? await erase(em, where)
          : await em.nativeUpdate(store.entity, where, erase);
  }
  return erased;
}
