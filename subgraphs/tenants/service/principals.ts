/** The principals the tenants subgraph mints: a member's (access tokens) and an API key's (gateway). */
import type { EntityManager } from '@mikro-orm/core';
import { ROLE_SCOPES, type Principal } from '../../../core/principal';
import { MemberRole, SCOPES } from '../../../core/vocabulary';
import type { ApiKey, Member } from '../entities';
import { loadOrgTree, orgWideScope, type OrgTree } from './hierarchy';

/**
 * organizationIds = the member's org and its descendants; locationIds = null for OWNER/ADMIN of the root
 * organization, every location of the subtree for OWNER/ADMIN of a child org, the member's own otherwise.
 */
export async function memberPrincipal(em: EntityManager, member: Member, tree?: OrgTree): Promise<Principal> {
  const orgs = tree ?? (await loadOrgTree(em));
  const role = member.role;
  const scope =
    role === MemberRole.OWNER || role === MemberRole.ADMIN
      ? await orgWideScope(em, orgs, member.organizationId)
      : { organizationIds: orgs.subtree(member.organizationId), locationIds: [...member.locationIds] };
  return {
    tenantId: member.tenantId,
    organizationId: member.organizationId,
    organizationIds: scope.organizationIds,
    locationIds: scope.locationIds,
    role,
    scopes: [...ROLE_SCOPES[role]],
    subject: member.userId,
    ...(member.agentId ? { agentId: member.agentId } : {}),
  };
}

/** An API key acts as ADMIN of its organization with exactly the key's scopes. */
export async function apiKeyPrincipal(em: EntityManager, key: ApiKey): Promise<Principal | null> {
  const tree = await loadOrgTree(em);
  if (!tree.get(key.organizationId)) return null;
  const scope = await orgWideScope(em, tree, key.organizationId);
  return {
    tenantId: key.tenantId,
    organizationId: key.organizationId,
    organizationIds: scope.organizationIds,
    locationIds: scope.locationIds,
    role: MemberRole.ADMIN,
    scopes: SCOPES.filter((s) => key.scopes.includes(s)),
    subject: `apikey:${key.id}`,
    apiKeyId: key.id,
    ...(key.partnerAppId ? { partnerAppId: key.partnerAppId } : {}),
  };
}
