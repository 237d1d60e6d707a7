/**
 * Read models fed by events: applied once per event id, newer-wins on time, tenant-scoped (RLS on
 * PostgreSQL), malformed events skipped; a GHL location route ends when the location's GHL id changes.
 */
import type { EntityManager } from '@mikro-orm/core';
import { makeEvent } from '../../../core/events/envelope';
import { withTenantScope } from '../../../core/db/request-scope';
import {
  AgentRole,
  ConversationStage,
  EventTypes,
  Experience,
  type EventEnvelope,
} from '../../../core/vocabulary';
import { AgentProfile, GhlLocationRoute, SessionView } from '../../../subgraphs/coaching/entities';
import { ProcessedEvent } from '../../../core/outbox';
import { seedGhlRoutes } from '../../../subgraphs/coaching/seed';
import { describeEachDb } from '../../helpers/variants';
import { fixture, startCoaching, type CoachingHarness, type Fixture } from './support/live-harness';

describeEachDb('coaching read models (%s)', (kind) => {
  let h: CoachingHarness;
  let f: Fixture;
  const inTenant = <T>(fn: (em: EntityManager) => Promise<T>, tenantId = f.tenantId) =>
    withTenantScope(h.db.orm, tenantId, fn);
  const publish = async (...events: EventEnvelope[]) => {
    for (const e of events) await h.events.publish(e);
    await h.events.drain();
  };
  const agentEvent = (name: string, at: string, extra: Record<string, unknown> = {}) => ({
    ...makeEvent(EventTypes.agentUpserted, f.tenantId, {
      agentId: f.agentId,
      locationId: f.locationId,
      name,
      role: AgentRole.LISTING_AGENT,
      experience: Experience.EXPERT,
      specializations: ['LUXURY', 'NOT_A_SPECIALIZATION'],
      tags: ['vip'],
      active: true,
      ...extra,
    }),
    at,
  });

  beforeAll(async () => {
    h = await startCoaching(kind);
    f = fixture();
  });
  afterAll(async () => {
    await h.close();
  });

  it('applies an agent event once, keeps the newest, and reads ghlUserId when present', async () => {
    const first = agentEvent('First Name', '2025-01-02T00:00:00.000Z', { ghlUserId: 'ghl-u-1' });
    await publish(first, first);
    const processed = await inTenant((em) => em.count(ProcessedEvent, { eventId: first.id }));
    expect(processed).toBe(1);
    let row = await inTenant((em) => em.findOne(AgentProfile, { agentId: f.agentId }));
    expect(row).toMatchObject({
      name: 'First Name',
      ghlUserId: 'ghl-u-1',
      specializations: ['LUXURY'],
      tenantId: f.tenantId,
    });
    await publish(agentEvent('Older Name', '2025-01-01T00:00:00.000Z'));
    row = await inTenant((em) => em.findOne(AgentProfile, { agentId: f.agentId }));
    expect(row?.name).toBe('First Name');
    await publish(agentEvent('Newer Name', '2025-01-03T00:00:00.000Z'));
    row = await inTenant((em) => em.findOne(AgentProfile, { agentId: f.agentId }));
    expect(row).toMatchObject({ name: 'Newer Name', ghlUserId: null });
  });

  it("keeps rows in their tenant (another tenant's scope sees nothing)", async () => {
    expect(await inTenant((em) => em.count(AgentProfile, {}), `${f.tenantId}-other`)).toBe(0);
  });

  it('skips a malformed event without blocking later ones', async () => {
    const bad = makeEvent(EventTypes.agentSessionUpserted, f.tenantId, {
      sessionId: f.sessionId,
      stage: 'NOPE',
    });
    const good = makeEvent(EventTypes.agentSessionUpserted, f.tenantId, {
      sessionId: f.sessionId,
      agentId: f.agentId,
      locationId: f.locationId,
      contactId: f.contactId,
      stage: ConversationStage.SHOWING,
      active: false,
    });
    await publish(bad, good);
    const view = await inTenant((em) => em.findOne(SessionView, { sessionId: f.sessionId }));
    expect(view).toMatchObject({ stage: 'SHOWING', active: false, origin: 'AGENTS' });
  });

  it('a location event routes nothing by itself; a changed GHL id ends the route proved for the old id', async () => {
    const loc = (ghlLocationId: string | null, at: string) => ({
      ...makeEvent(EventTypes.tenantLocationUpserted, f.tenantId, {
        locationId: f.locationId,
        organizationId: f.tenantId,
        ghlLocationId,
        name: 'HQ',
      }),
      at,
    });
    const routes = () => inTenant((em) => em.find(GhlLocationRoute, { locationId: f.locationId }));
    await publish(loc('ghl-a', '2025-01-01T00:00:00.000Z'));
    // registering a GHL id is no proof of installing the app there
    expect(await routes()).toEqual([]);
    await seedGhlRoutes(h.db.orm, [
      { tenantId: f.tenantId, ghlLocationId: 'ghl-a', locationId: f.locationId },
    ]);
    expect((await routes()).map((r) => r.ghlLocationId)).toEqual(['ghl-a']);
    await publish(loc('ghl-a', '2025-01-02T00:00:00.000Z'));
    expect((await routes()).map((r) => r.ghlLocationId)).toEqual(['ghl-a']);
    await publish(loc('ghl-b', '2025-01-03T00:00:00.000Z'));
    expect(await routes()).toEqual([]);
  });
});
