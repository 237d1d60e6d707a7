/**
 * The vertical a session is coached in: its location's organization's vertical (OrganizationView, fed by
 * `tenants.organization.upserted`), read as core/verticals.ts says (REAL_ESTATE = RESIDENTIAL). An organization
 * coaching has not heard of, or one whose code is unknown, inherits from its parent and then from the tenant's
 * root organization; residential when none is known. A session's location the read model has not learned yet is
 * waited for (bounded), like its agent.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../../../core/principal';
import { canonicalVertical, Vertical, type AgentRole, type HintCategory } from '../../../core/vocabulary';
import { slotWeights } from '../coach/qualification';
import { VERTICAL_TEMPLATES } from '../verticals/registry';
import { requireRead } from './access';
import { LocationView, OrganizationView, type SessionView } from '../entities';
import type { AwaitProfile } from './coach-request';
import { locationArrival } from './read-model-arrivals';

/** Deeper than any hierarchy tenants lets one build; stops a cycle in corrupt data. */
const MAX_DEPTH = 16;

export async function organizationVertical(
  em: EntityManager,
  tenantId: string,
  organizationId: string,
): Promise<Vertical> {
  const seen = new Set<string>();
  let id: string | null = organizationId;
  while (id && !seen.has(id) && seen.size < MAX_DEPTH) {
    seen.add(id);
    const view: OrganizationView | null = await em.findOne(OrganizationView, { organizationId: id });
    const vertical = canonicalVertical(view?.vertical);
    if (vertical) return vertical;
    id = view?.parentId ?? (id === tenantId ? null : tenantId);
  }
  return Vertical.RESIDENTIAL;
}

export async function sessionVertical(
  em: EntityManager,
  session: Pick<SessionView, 'tenantId' | 'locationId'>,
  wait?: AwaitProfile,
): Promise<Vertical> {
  let organizationId = session.tenantId;
  if (session.locationId) {
    const locationId = session.locationId;
    const find = () => em.findOne(LocationView, { locationId });
    const location =
      (await find()) ??
      (wait ? await wait.arrivals.await(locationArrival(wait.tenantId, locationId), find) : null);
    if (location) organizationId = location.organizationId;
  }
  return organizationVertical(em, session.tenantId, organizationId);
}

/** One qualification slot of a vertical for a role, as the API lists it. */
export interface VerticalSlotView {
  key: string;
  weight: number;
}

/** What the API tells about a vertical template. */
export interface VerticalView {
  code: Vertical;
  label: string;
  summary: string;
  hintCategories: HintCategory[];
  vocabulary: string[];
  complianceRules: { id: string; summary: string }[];
  slots(role: AgentRole): VerticalSlotView[];
}

/** Every vertical template (needs coaching:read). */
export function listVerticals(p: Principal): VerticalView[] {
  requireRead(p);
  return VERTICAL_TEMPLATES.map((t) => ({
    code: t.code,
    label: t.label,
    summary: t.summary,
    hintCategories: [...t.hintCategories],
    vocabulary: [...t.vocabulary],
    complianceRules: t.compliance.map((r) => ({ id: r.id, summary: r.summary })),
    slots: (role: AgentRole) => slotWeights(role, t).map(([key, weight]) => ({ key, weight })),
  }));
}
