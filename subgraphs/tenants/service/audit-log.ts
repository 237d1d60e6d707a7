/** The audit log as a cursor-paginated list (newest first) and the chain verification. */
import { toConnection, type Connection } from '../../../core/pagination/connection';
import { cursorCodec } from '../../../core/pagination/cursor';
import type { RequestContext } from '../../../core/request-context';
import { AuditEntry } from '../entities';
import { requireTenantAdmin } from './access';
import { verifyChain, type ChainVerification } from './audit-chain';
import * as check from '../../../core/validation';

export interface AuditLogInput {
  first?: number | null;
  after?: string | null;
}

export type AuditLogPage = Connection<AuditEntry>;

export const MAX_AUDIT_PAGE = 100;

/** Newest first, by the entry's position in the tenant chain. */
const auditCursors = cursorCodec('auditLog', ['int']);

export async function auditLog(ctx: RequestContext, input: AuditLogInput): Promise<AuditLogPage> {
  requireTenantAdmin(ctx.principal);
  const first = check.intInRange('first', input.first ?? 20, 1, MAX_AUDIT_PAGE);
  const tenantId = ctx.principal.tenantId;
  const after = auditCursors.decode(tenantId, input.after);
  const where = after ? { seq: { $lt: after[0] } } : {};
  const rows = await ctx.em.find(AuditEntry, where, { orderBy: { seq: 'desc' }, limit: first + 1 });
  return toConnection({ rows, first, cursorOf: (e) => auditCursors.encode(tenantId, [e.seq]) });
}

export async function verifyAuditChain(ctx: RequestContext): Promise<ChainVerification> {
  requireTenantAdmin(ctx.principal);
  return verifyChain(ctx.em, ctx.principal.tenantId);
}
