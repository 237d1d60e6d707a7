/** The tenant's organization tree, loaded once per request, and the scope a credential for an org gets. */
import type { EntityManager } from '@mikro-orm/core';
import { Location, Organization } from '../entities';

export class OrgTree {
  private readonly byId = new Map<string, Organization>();
  private readonly childrenOf = new Map<string, Organization[]>();

  constructor(orgs: Organization[]) {
    for (const org of orgs) this.byId.set(org.id, org);
    for (const org of orgs) {
      if (org.parentId === null) continue;
      const list = this.childrenOf.get(org.parentId) ?? [];
      list.push(org);
      this.childrenOf.set(org.parentId, list);
    }
  }

  get(id: string): Organization | undefined {
    return this.byId.get(id);
  }

  children(id: string): Organization[] {
    return this.childrenOf.get(id) ?? [];
  }

  all(): Organization[] {
    return [...this.byId.values()];
  }

  /** The organization and all its descendants, parents before children; empty when unknown. */
  subtree(id: string): string[] {
    if (!this.byId.has(id)) return [];
    const out: string[] = [];
    const queue = [id];
    const seen = new Set<string>();
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      for (const child of this.children(next)) queue.push(child.id);
    }
    return out;
  }
}

export async function loadOrgTree(em: EntityManager): Promise<OrgTree> {
  return new OrgTree(await em.find(Organization, {}, { orderBy: { createdAt: 'asc', id: 'asc' } }));
}

export interface OrgScope {
  organizationIds: string[];
  /** null = every location of the tenant (credential of the root organization). */
  locationIds: string[] | null;
}

/** What an organization-wide credential (OWNER/ADMIN member, API key) for `organizationId` may see. */
export async function orgWideScope(
  em: EntityManager,
  tree: OrgTree,
  organizationId: string,
): Promise<OrgScope> {
  const organizationIds = tree.subtree(organizationId);
  if (tree.get(organizationId)?.parentId === null) return { organizationIds, locationIds: null };
  const locations = await em.find(
    Location,
    { organizationId: { $in: organizationIds } },
    { orderBy: { id: 'asc' } },
  );
  return { organizationIds, locationIds: locations.map((l) => l.id) };
}
