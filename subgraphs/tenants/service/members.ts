/**
 * Members: users' roles in organizations. OWNER/ADMIN manage the members of their subtree, never
 * granting a role with scopes they do not hold; the tenant always keeps one OWNER of the root.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { BadUserInputError, ConflictError, NotFoundError } from '../../../core/errors';
import { isOrgWide, ROLE_SCOPES, type Principal } from '../../../core/principal';
import type { RequestContext } from '../../../core/request-context';
import { MemberRole } from '../../../core/vocabulary';
import { Location, Member } from '../entities';
import { assertCanGrant, requireAdmin, requireRead } from './access';
import { memberRemoved } from './events';
import { recordSubjectRevocation } from './revoked-subjects';
import * as check from '../../../core/validation';
import { TEXT_MAX } from './validation';
import { visibility, type Visibility } from './visibility';
import { writeAudited } from './write';

export interface AddMemberInput {
  /** Default: the caller's organization. */
  organizationId?: string | null;
  userId: string;
  email: string;
  name: string;
  role: MemberRole;
  locationIds?: string[] | null;
  agentId?: string | null;
}

export interface UpdateMemberInput {
  id: string;
  email?: string | null;
  name?: string | null;
  role?: MemberRole | null;
  locationIds?: string[] | null;
  /** null keeps it; an empty string clears it. */
  agentId?: string | null;
}

const userConflict = () => new ConflictError('userId: already a member of this tenant', { field: 'userId' });

export function canSeeMember(p: Principal, vis: Visibility, m: Member): boolean {
  if (m.userId === p.subject || (p.agentId !== undefined && m.agentId === p.agentId)) return true;
  if (isOrgWide(p)) return vis.canAdminister(m.organizationId);
  if (p.role !== MemberRole.MANAGER || !vis.canSeeOrganization(m.organizationId)) return false;
  return m.locationIds.some((id) => vis.canSeeLocation({ id, organizationId: m.organizationId }));
}

export async function listMembers(ctx: RequestContext, organizationId?: string | null): Promise<Member[]> {
  requireRead(ctx.principal);
  const vis = await visibility(ctx);
  if (organizationId && !vis.canSeeOrganization(organizationId))
    throw new NotFoundError('Organization', organizationId);
  const rows = await ctx.em.find(Member, organizationId ? { organizationId } : {}, {
    orderBy: { name: 'asc', id: 'asc' },
  });
  return rows.filter((m) => canSeeMember(ctx.principal, vis, m));
}

/** A member the caller may administer, or NOT_FOUND. */
export async function administeredMember(ctx: RequestContext, id: string): Promise<Member> {
  requireAdmin(ctx.principal);
  const vis = await visibility(ctx);
  const member = await ctx.em.findOne(Member, { id });
  if (!member || !vis.canAdminister(member.organizationId)) throw new NotFoundError('Member', id);
  return member;
}

/** The member's locations must exist inside the member's organization subtree. */
async function validLocationIds(
  ctx: RequestContext,
  vis: Visibility,
  organizationId: string,
  ids: string[],
): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const subtree = vis.tree.subtree(organizationId);
  const rows = await ctx.em.find(Location, { id: { $in: unique }, organizationId: { $in: subtree } });
  const found = new Set(rows.map((l) => l.id));
  const unknown = unique.filter((id) => !found.has(id));
  if (unknown.length)
    throw new BadUserInputError(
      'locationIds',
      `unknown location(s) in the member's organization: ${unknown.join(', ')}`,
    );
  return unique.sort();
}

async function assertNotLastRootOwner(ctx: RequestContext, member: Member): Promise<void> {
  if (member.role !== MemberRole.OWNER || member.organizationId !== member.tenantId) return;
  const owners = await ctx.em.count(Member, { organizationId: member.tenantId, role: MemberRole.OWNER });
  if (owners <= 1)
    throw new ConflictError('the tenant must keep at least one OWNER of the root organization');
}

function memberChange(
  m: Pick<Member, 'organizationId' | 'userId' | 'email' | 'name' | 'role' | 'locationIds' | 'agentId'>,
) {
  const { organizationId, userId, email, name, role, locationIds, agentId } = m;
  return { organizationId, userId, email, name, role, locationIds, agentId };
}

export async function addMember(ctx: RequestContext, input: AddMemberInput): Promise<Member> {
  requireAdmin(ctx.principal);
  const organizationId = input.organizationId ?? ctx.principal.organizationId;
  const fields = {
    organizationId,
    userId: check.externalId('userId', input.userId),
    email: check.email('email', input.email),
    name: check.text('name', input.name, TEXT_MAX),
    role: input.role,
    agentId: input.agentId ? check.externalId('agentId', input.agentId) : null,
    locationIds: [] as string[],
  };
  assertCanGrant(ctx.principal, ROLE_SCOPES[input.role]);
  const vis = await visibility(ctx);
  if (!vis.tree.get(organizationId) || !vis.canAdminister(organizationId))
    throw new NotFoundError('Organization', organizationId);
  fields.locationIds = await validLocationIds(ctx, vis, organizationId, input.locationIds ?? []);
  if (await ctx.em.findOne(Member, { userId: fields.userId })) throw userConflict();
  return writeAudited(
    ctx,
    async (em: EntityManager) => {
      const m = em.create(Member, {
        id: randomUUID(),
        tenantId: ctx.principal.tenantId,
        ...fields,
        createdAt: new Date(),
      });
      return {
        result: m,
        audit: { action: 'member.add', targetType: 'Member', targetId: m.id, change: memberChange(m) },
      };
    },
    { onConflict: userConflict },
  );
}

export async function updateMember(ctx: RequestContext, input: UpdateMemberInput): Promise<Member> {
  const current = await administeredMember(ctx, input.id);
  assertCanGrant(ctx.principal, ROLE_SCOPES[current.role]);
  const vis = await visibility(ctx);
  const next = {
    email: input.email == null ? current.email : check.email('email', input.email),
    name: input.name == null ? current.name : check.text('name', input.name, TEXT_MAX),
    role: input.role ?? current.role,
    agentId:
      input.agentId == null
        ? current.agentId
        : input.agentId === ''
          ? null
          : check.externalId('agentId', input.agentId),
    locationIds:
      input.locationIds == null
        ? current.locationIds
        : await validLocationIds(ctx, vis, current.organizationId, input.locationIds),
  };
  assertCanGrant(ctx.principal, ROLE_SCOPES[next.role]);
  if (next.role !== current.role) await assertNotLastRootOwner(ctx, current);
  const before = memberChange(current);
  return writeAudited(ctx, async (em) => {
    const m = await em.findOneOrFail(Member, { id: current.id });
    Object.assign(m, next);
    return {
      result: m,
      audit: {
        action: 'member.update',
        targetType: 'Member',
        targetId: m.id,
        change: { before, after: memberChange(m) },
      },
    };
  });
}

export async function removeMember(ctx: RequestContext, id: string): Promise<boolean> {
  const current = await administeredMember(ctx, id);
  assertCanGrant(ctx.principal, ROLE_SCOPES[current.role]);
  await assertNotLastRootOwner(ctx, current);
  const before = memberChange(current);
  return writeAudited(ctx, async (em) => {
    const m = await em.findOneOrFail(Member, { id: current.id });
    em.remove(m);
    // the member's access tokens stop working: persisted deny state, and an event for every gateway
    const removedAt = new Date();
    await recordSubjectRevocation(em, m.tenantId, m.userId, removedAt);
    return {
      result: true,
      audit: { action: 'member.remove', targetType: 'Member', targetId: id, change: { before } },
      events: [memberRemoved(m, removedAt)],
    };
  });
}
