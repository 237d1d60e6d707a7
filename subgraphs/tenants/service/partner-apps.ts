/** Marketplace partner apps of the tenant; their API keys attribute usage for the revenue share. */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/request-context';
import { PartnerApp } from '../entities';
import { requireRead, requireTenantAdmin } from './access';
import * as check from '../../../core/validation';
import { TEXT_MAX } from './validation';
import { partnerAppUpserted } from './events';
import { writeAudited } from './write';

export interface CreatePartnerAppInput {
  name: string;
  /** 0..10000 basis points. */
  revenueShareBps: number;
}

export async function listPartnerApps(ctx: RequestContext): Promise<PartnerApp[]> {
  requireRead(ctx.principal);
  return ctx.em.find(PartnerApp, {}, { orderBy: { name: 'asc', id: 'asc' } });
}

export async function createPartnerApp(
  ctx: RequestContext,
  input: CreatePartnerAppInput,
): Promise<PartnerApp> {
  requireTenantAdmin(ctx.principal);
  const name = check.text('name', input.name, TEXT_MAX);
  const revenueShareBps = check.intInRange('revenueShareBps', input.revenueShareBps, 0, 10_000);
  return writeAudited(ctx, async (em) => {
    const app = em.create(PartnerApp, {
      id: randomUUID(),
      tenantId: ctx.principal.tenantId,
      name,
      revenueShareBps,
      createdAt: new Date(),
    });
    return {
      result: app,
      audit: {
        action: 'partner_app.create',
        targetType: 'PartnerApp',
        targetId: app.id,
        change: { name, revenueShareBps },
      },
      events: [partnerAppUpserted(app)],
    };
  });
}
