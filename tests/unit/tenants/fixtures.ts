/**
 * Shared set-up for the tenants tests: two seeded tenants (A with a child org and two locations, B with
 * one), principals for their members, and small GraphQL helpers.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../core/principal';
import { ROLE_SCOPES } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import { principal } from '../../helpers/principals';
import type { GraphQLResponse, SubgraphHarness } from '../../helpers/subgraph-harness';
import { seedTenants, type TenantsSeedInput, type TenantsSeedResult } from '../../../subgraphs/tenants/seed';

export const A = {
  id: randomUUID(),
  child: randomUUID(),
  loc1: randomUUID(),
  loc2: randomUUID(),
  owner: randomUUID(),
  manager: randomUUID(),
  agent: randomUUID(),
  childAdmin: randomUUID(),
  agentProfile: randomUUID(),
};
export const B = { id: randomUUID(), loc1: randomUUID(), owner: randomUUID() };

export function seedInput(): TenantsSeedInput {
  const tag = A.id.slice(0, 8);
  return {
    tenants: [
      {
        id: A.id,
        name: 'Acme Realty',
        children: [{ id: A.child, name: 'Acme Luxury' }],
        locations: [
          {
            id: A.loc1,
            organizationId: A.id,
            ghlLocationId: `ghl-a1-${tag}`,
            name: 'Austin',
            timezone: 'America/Chicago',
          },
          {
            id: A.loc2,
            organizationId: A.child,
            ghlLocationId: `ghl-a2-${tag}`,
            name: 'Lakeway',
            timezone: 'America/Chicago',
          },
        ],
        members: [
          {
            id: A.owner,
            userId: 'a-owner',
            email: 'owner@acme.test',
            name: 'Ann Owner',
            role: MemberRole.OWNER,
          },
          {
            id: A.manager,
            userId: 'a-manager',
            email: 'manager@acme.test',
            name: 'Max Manager',
            role: MemberRole.MANAGER,
            locationIds: [A.loc1],
          },
          {
            id: A.agent,
            userId: 'a-agent',
            email: 'agent@acme.test',
            name: 'Ada Agent',
            role: MemberRole.AGENT,
            locationIds: [A.loc1],
            agentId: A.agentProfile,
          },
          {
            id: A.childAdmin,
            organizationId: A.child,
            userId: 'a-child-admin',
            email: 'lux@acme.test',
            name: 'Lux Admin',
            role: MemberRole.ADMIN,
          },
        ],
      },
      {
        id: B.id,
        name: 'Summit Homes',
        locations: [
          {
            id: B.loc1,
            organizationId: B.id,
            ghlLocationId: `ghl-b1-${tag}`,
            name: 'Denver',
            timezone: 'America/Denver',
          },
        ],
        members: [
          {
            id: B.owner,
            userId: 'b-owner',
            email: 'owner@summit.test',
            name: 'Bo Owner',
            role: MemberRole.OWNER,
          },
        ],
      },
    ],
  };
}

export function seed(h: SubgraphHarness): Promise<TenantsSeedResult> {
  return seedTenants(h.db.orm, seedInput());
}

export const ownerA = (): Principal => principal({ tenantId: A.id, subject: 'a-owner' });
export const ownerB = (): Principal => principal({ tenantId: B.id, subject: 'b-owner' });
export const managerA = (): Principal =>
  principal({
    tenantId: A.id,
    role: MemberRole.MANAGER,
    organizationIds: [A.id, A.child],
    locationIds: [A.loc1],
    subject: 'a-manager',
  });
export const agentA = (): Principal =>
  principal({
    tenantId: A.id,
    role: MemberRole.AGENT,
    organizationIds: [A.id, A.child],
    locationIds: [A.loc1],
    subject: 'a-agent',
    agentId: A.agentProfile,
  });
export const childAdminA = (): Principal =>
  principal({
    tenantId: A.id,
    organizationId: A.child,
    organizationIds: [A.child],
    locationIds: [A.loc2],
    role: MemberRole.ADMIN,
    scopes: ROLE_SCOPES[MemberRole.ADMIN],
    subject: 'a-child-admin',
  });

/** The single error of a response. */
export function errorOf(res: GraphQLResponse): {
  message: string;
  code: unknown;
  extensions: Record<string, unknown>;
} {
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0]!;
  return { message: e.message, code: e.extensions?.['code'], extensions: e.extensions ?? {} };
}

/** Data of a response that must not have errors. */
export function dataOf<T>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}
