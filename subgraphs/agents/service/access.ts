/**
 * Who may see and change what. Reads need `agents:read`; profile writes need `agents:write` and a
 * non-AGENT role; session writes need `agents:write` or `coaching:write` (an AGENT principal coaches
 * its own sessions). Visibility is expressed as query conditions so invisible rows are never loaded:
 * an invisible id answers exactly like a missing one.
 */
import type { ObjectQuery } from '@mikro-orm/core';
import { ForbiddenError } from '../../../core/errors';
import { canSeeLocation, isOrgWide, requireScope, type Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';
import type { Agent } from '../entities/agent';
import type { AgentSession } from '../entities/agent-session';

/** Matches no row. */
const NONE = { $in: [] as string[] };

export function requireRead(p: Principal): void {
  requireScope(p, 'agents:read');
}

export function requireProfileWrite(p: Principal): void {
  requireScope(p, 'agents:write');
  if (p.role === MemberRole.AGENT) throw new ForbiddenError('agents cannot manage agent profiles');
}

export function requireSessionWrite(p: Principal): void {
  requireRead(p);
  if (!p.scopes.includes('agents:write') && !p.scopes.includes('coaching:write')) {
    throw new ForbiddenError('missing scope agents:write or coaching:write', {
      requiredScope: 'agents:write',
    });
  }
}

/** Agents the caller may see, within the tenant. */
export function visibleAgents(p: Principal): ObjectQuery<Agent> {
  if (p.role === MemberRole.AGENT) return { tenantId: p.tenantId, id: p.agentId ?? NONE };
  if (p.locationIds === null) return { tenantId: p.tenantId };
  return { tenantId: p.tenantId, $or: [{ locationId: null }, { locationId: { $in: p.locationIds } }] };
}

/** Sessions the caller may see, within the tenant. */
export function visibleSessions(p: Principal): ObjectQuery<AgentSession> {
  if (p.role === MemberRole.AGENT) return { tenantId: p.tenantId, agentId: p.agentId ?? NONE };
  if (p.locationIds === null) return { tenantId: p.tenantId };
  return { tenantId: p.tenantId, $or: [{ locationId: null }, { locationId: { $in: p.locationIds } }] };
}

/** In-memory twin of `visibleAgents`, for rows already loaded or about to be written. */
export function canSeeAgent(p: Principal, agent: Pick<Agent, 'id' | 'tenantId' | 'locationId'>): boolean {
  if (agent.tenantId !== p.tenantId) return false;
  if (p.role === MemberRole.AGENT) return p.agentId === agent.id;
  return canSeeLocation(p, agent.locationId);
}

/**
 * May the caller put (or keep) an agent at this location? Managers only in their own locations;
 * the shared pool only for tenant-wide OWNER/ADMIN.
 */
export function assertCanWriteLocation(p: Principal, locationId: string | null, field = 'locationId'): void {
  if (locationId === null) {
    if (isOrgWide(p) && p.locationIds === null) return;
    throw new ForbiddenError('only tenant-wide owners and admins manage the shared pool', { field });
  }
  if (p.locationIds !== null && !p.locationIds.includes(locationId)) {
    throw new ForbiddenError('location is outside your locations', { field });
  }
}
