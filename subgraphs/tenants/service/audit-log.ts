/** The audit log as a cursor-paginated list (newest first) and the chain verification. */
import { BadUserInputError } from '../../../core/errors';
import type { RequestContext } from '../../../core/request-context';
import { AuditEntry } from '../entities';
import { requireTenantAdmin } from './access';
import { verifyChain, type ChainVerification } from './audit-chain';
import { requireIntInRange } from './validation';

export interface AuditLogInput {
  first?: number | null;
  after?: string | null;
}

export interface AuditLogPage {
  edges: { cursor: string; node: AuditEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const MAX_AUDIT_PAGE = 100;

const encodeCursor = (seq: number): string => Buffer.from(`audit:${seq}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): number {
  const m = /^audit:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new BadUserInputError('after', 'invalid cursor');
  return Number(m[1]);
}

export async function auditLog(ctx: RequestContext, input: AuditLogInput): Promise<AuditLogPage> {
  requireTenantAdmin(ctx.principal);
  const first = requireIntInRange('first', input.first ?? 20, 1, MAX_AUDIT_PAGE);
  const where = input.after ? { seq: { $lt: decodeCursor(input.after) } } : {};
  const rows = await ctx.em.find(AuditEntry, where, { orderBy: { seq: 'desc' }, limit: first + 1 });
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.seq), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

export async function verifyAuditChain(ctx: RequestContext): Promise<ChainVerification> {
  requireTenantAdmin(ctx.principal);
  return verifyChain(ctx.em, ctx.principal.tenantId);
}
