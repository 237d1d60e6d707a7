/**
 * draftReply(sessionId): a reply for the agent to send the lead, drafted from the session's recent turns,
 * qualification and the contact's memory (drafting/run-draft.ts: analyze ∥ retrieve, then plan, then draft,
 * within a time budget; offline without a model key). Needs scope coaching:write and a session you may see;
 * CONFLICT (reason SESSION_ENDED) for an ended session; BAD_USER_INPUT when it has no turns yet or the budget
 * is outside 100 ms..the configured budget. Nothing is stored: the agent edits and sends the draft.
 */
import { BadUserInputError, ConflictError } from '../../../core/errors';
import * as check from '../../../core/validation';
import { runDraft, type DraftOutcome } from '../drafting/run-draft';
import { Qualification } from '../entities';
import { requireVisibleSession, requireWrite } from './access';
import { buildCoachRequest } from './coach-request';
import type { ServiceCtx } from './context';

export const MIN_DRAFT_BUDGET_MS = 100;

export interface DraftReplyView extends DraftOutcome {
  sessionId: string;
}

export async function draftReply(
  ctx: ServiceCtx,
  sessionIdInput: string,
  budgetMs?: number | null,
): Promise<DraftReplyView> {
  requireWrite(ctx.principal);
  const sessionId = check.externalId('sessionId', sessionIdInput);
  const max = ctx.rt.drafts.budgetMs;
  const budget = budgetMs == null ? max : check.intInRange('budgetMs', budgetMs, MIN_DRAFT_BUDGET_MS, max);
  const session = await requireVisibleSession(ctx, sessionId);
  if (!session.active)
    throw new ConflictError('the session has ended', {
      field: 'sessionId',
      reason: 'SESSION_ENDED',
      sessionId,
    });
  const request = await buildCoachRequest(ctx.em, {
    session,
    kind: 'QUICK',
    recentTurnCount: ctx.rt.options.recentTurns,
    awaitProfile: { arrivals: ctx.rt.arrivals, tenantId: session.tenantId },
    qualification: await ctx.em.findOne(Qualification, { sessionId }),
  });
  if (request.turns.length === 0) throw new BadUserInputError('sessionId', 'the session has no turns yet');
  const outcome = await runDraft(ctx.rt.drafts, request, budget);
  ctx.logger.info(
    {
      sessionId,
      elapsedMs: outcome.elapsedMs,
      budgetMs: budget,
      budgetExceeded: outcome.budgetExceeded,
      guardrailTriggered: outcome.guardrailTriggered,
      steps: outcome.steps.map((s) => `${s.step}:${s.source}`),
    },
    'reply drafted',
  );
  return { sessionId, ...outcome };
}
