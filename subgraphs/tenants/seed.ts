/**
 * Idempotent seed of tenants with explicit ids (so other subgraphs can be seeded consistently): root
 * organization, child organizations, locations, members and one admin API key (all scopes) per tenant.
 * A tenant whose root organization exists is skipped. Each tenant is written in one transaction inside
 * `withTenantScope`, so it works as the runtime role under PostgreSQL row-level security; every row gets
 * its audit entry (actor `system:seed`) and its events are staged in the outbox (published right away
 * when an event bus is given).
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { generateApiKey } from '../../core/api-key';
import type { Orm } from '../../core/db/orm';
import { withTenantScope } from '../../core/db/request-scope';
import { BadUserInputError } from '../../core/errors';
import type { EventBus } from '../../core/events/event-bus';
import { enqueue } from '../../core/outbox/enqueue';
import { startOutboxRelay } from '../../core/outbox/relay';
import { MemberRole, SCOPES, type EventEnvelope } from '../../core/vocabulary';
import { ApiKey, DEFAULT_VERTICAL, EMPTY_BRANDING, Location, Member, Organization } from './entities';
import { appendAudit, type AuditRecord } from './service/audit-chain';
import { locationUpserted, organizationUpserted } from './service/events';
import * as check from '../../core/validation';
import { requireTimezone, requireVertical, TEXT_MAX } from './service/validation';

export const SEED_ACTOR = 'system:seed';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TenantsSeedInput {
  tenants: {
    id: string;
    name: string;
    vertical?: string;
    children?: { id: string; name: string }[];
    locations?: {
      id: string;
      organizationId: string;
      ghlLocationId: string;
      name: string;
      timezone: string;
    }[];
    members?: {
      id: string;
      /** Default: the root organization. */
      organizationId?: string;
      userId: string;
      email: string;
      name: string;
      role: MemberRole;
      locationIds?: string[];
      agentId?: string | null;
    }[];
  }[];
}

export interface TenantsSeedResult {
  /** The admin key secret of each tenant created by this run (absent for tenants that already existed). */
  apiKeys: Record<string, string>;
  created: string[];
  skipped: string[];
}

type SeedTenant = TenantsSeedInput['tenants'][number];

function uuid(field: string, value: string): string {
  if (!UUID.test(value)) throw new BadUserInputError(field, 'must be a UUID');
  return value;
}

class SeedWriter {
  constructor(
    private readonly em: EntityManager,
    private readonly tenantId: string,
  ) {}

  /** Adds the audit entry of what was just created and flushes (one append per flush). */
  async record(audit: AuditRecord, event?: EventEnvelope): Promise<void> {
    if (event) enqueue(this.em, event);
    await appendAudit(this.em, { ...audit, tenantId: this.tenantId, actor: SEED_ACTOR });
    await this.em.flush();
  }
}

/** What every row of one tenant's seed shares. */
interface TenantSeed {
  em: EntityManager;
  w: SeedWriter;
  tenantId: string;
  base: { tenantId: string; createdAt: Date };
}

/** The root organization and its children, root first; returns the ids of all of them. */
async function seedOrganizations(s: TenantSeed, t: SeedTenant): Promise<Set<string>> {
  const { em, w, tenantId, base } = s;
  const vertical = t.vertical ? requireVertical('vertical', t.vertical) : DEFAULT_VERTICAL;
  const orgIds = new Set([tenantId]);
  const orgs: { id: string; name: string; parentId: string | null }[] = [
    { id: tenantId, name: t.name, parentId: null },
  ];
  for (const c of t.children ?? []) {
    orgs.push({ id: uuid('children.id', c.id), name: c.name, parentId: tenantId });
    orgIds.add(c.id);
  }
  for (const o of orgs) {
    const org = em.create(Organization, {
      ...base,
      id: o.id,
      parentId: o.parentId,
      name: check.text('name', o.name, TEXT_MAX),
      vertical,
      branding: { ...EMPTY_BRANDING },
    });
    const change = { name: org.name, parentId: org.parentId, vertical, branding: org.branding };
    await w.record(
      { action: 'organization.create', targetType: 'Organization', targetId: org.id, change },
      organizationUpserted(org),
    );
  }
  return orgIds;
}

/** The locations, each under an organization of the tenant; returns the ids of the locations seeded. */
async function seedLocations(s: TenantSeed, t: SeedTenant, orgIds: Set<string>): Promise<Set<string>> {
  const { em, w, tenantId, base } = s;
  const locationIds = new Set<string>();
  for (const l of t.locations ?? []) {
    const organizationId = uuid('locations.organizationId', l.organizationId);
    if (!orgIds.has(organizationId))
      throw new BadUserInputError('locations.organizationId', `not an organization of tenant ${tenantId}`);
    const loc = em.create(Location, {
      ...base,
      id: uuid('locations.id', l.id),
      organizationId,
      ghlLocationId: check.externalId('ghlLocationId', l.ghlLocationId),
      name: check.text('name', l.name, TEXT_MAX),
      timezone: requireTimezone('timezone', l.timezone),
    });
    locationIds.add(loc.id);
    const change = {
      organizationId,
      ghlLocationId: loc.ghlLocationId,
      name: loc.name,
      timezone: loc.timezone,
    };
    await w.record(
      { action: 'location.create', targetType: 'Location', targetId: loc.id, change },
      locationUpserted(loc),
    );
  }
  return locationIds;
}

/** The members, each in an organization of the tenant and limited to locations of it. */
async function seedMembers(
  s: TenantSeed,
  t: SeedTenant,
  orgIds: Set<string>,
  knownLocations: Set<string>,
): Promise<void> {
  const { em, w, tenantId, base } = s;
  for (const m of t.members ?? []) {
    if (!Object.values(MemberRole).includes(m.role))
      throw new BadUserInputError('members.role', `unknown role ${String(m.role)}`);
    const locationIds = [...new Set(m.locationIds ?? [])].sort();
    const unknown = locationIds.filter((id) => !knownLocations.has(id));
    if (unknown.length)
      throw new BadUserInputError('members.locationIds', `unknown location(s): ${unknown.join(', ')}`);
    const member = em.create(Member, {
      ...base,
      id: uuid('members.id', m.id),
      organizationId: m.organizationId ? uuid('members.organizationId', m.organizationId) : tenantId,
      userId: check.externalId('userId', m.userId),
      email: check.email('email', m.email),
      name: check.text('name', m.name, TEXT_MAX),
      role: m.role,
      locationIds,
      agentId: m.agentId ? check.externalId('agentId', m.agentId) : null,
    });
    if (!orgIds.has(member.organizationId))
      throw new BadUserInputError('members.organizationId', `not an organization of tenant ${tenantId}`);
    const { organizationId, userId, email, name, role, agentId } = member;
    await w.record({
      action: 'member.add',
      targetType: 'Member',
      targetId: member.id,
      change: { organizationId, userId, email, name, role, locationIds, agentId },
    });
  }
}

/** One admin API key with every scope on the root organization; returns its secret. */
async function seedAdminKey(s: TenantSeed): Promise<string> {
  const { em, w, tenantId, base } = s;
  const { secret, prefix, hash } = generateApiKey();
  const key = em.create(ApiKey, {
    ...base,
    id: randomUUID(),
    organizationId: tenantId,
    name: 'Admin key (seed)',
    prefix,
    keyHash: hash,
    scopes: [...SCOPES],
    partnerAppId: null,
    revokedAt: null,
    lastUsedAt: null,
  });
  const change = { name: key.name, prefix, scopes: key.scopes, organizationId: tenantId, partnerAppId: null };
  await w.record({ action: 'api_key.create', targetType: 'ApiKey', targetId: key.id, change });
  return secret;
}

/** Writes one tenant (organizations, locations, members, admin key) in that order; returns the key's secret. */
async function seedTenant(em: EntityManager, t: SeedTenant): Promise<string> {
  const tenantId = uuid('tenants.id', t.id);
  const s: TenantSeed = {
    em,
    w: new SeedWriter(em, tenantId),
    tenantId,
    base: { tenantId, createdAt: new Date() },
  };
  const orgIds = await seedOrganizations(s, t);
  const locationIds = await seedLocations(s, t, orgIds);
  await seedMembers(s, t, orgIds, locationIds);
  return seedAdminKey(s);
}

export async function seedTenants(
  orm: Orm,
  input: TenantsSeedInput,
  events?: EventBus,
): Promise<TenantsSeedResult> {
  const result: TenantsSeedResult = { apiKeys: {}, created: [], skipped: [] };
  for (const t of input.tenants) {
    const tenantId = uuid('tenants.id', t.id);
    const secret = await withTenantScope(orm, tenantId, (scoped) =>
      scoped.transactional(async (em) => {
        if (await em.findOne(Organization, { id: tenantId })) return null;
        return seedTenant(em, t);
      }),
    );
    if (secret === null) result.skipped.push(tenantId);
    else {
      result.created.push(tenantId);
      result.apiKeys[tenantId] = secret;
    }
  }
  if (events && result.created.length) {
    const relay = startOutboxRelay({ orm, bus: events });
    try {
      await relay.runOnce();
    } finally {
      await relay.stop();
    }
  }
  return result;
}
