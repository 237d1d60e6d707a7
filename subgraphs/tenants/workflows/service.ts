/**
 * Workflows as the API serves them. Who may do what:
 *   - workflows, their deliveries and redelivery: scope tenants:admin and the OWNER or ADMIN role
 *     (a webhook carries tenant-wide data to an outside URL);
 *   - follow-up tasks: scope tenants:read (completing one: also coaching:write); an AGENT sees (and
 *     completes) only their own tasks, a MANAGER those of their locations and tenant-wide ones.
 * Changes to workflows are audit-logged (never the secret).
 */
import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import { BadUserInputError, NotFoundError } from '../../../core/errors';
import type { RequestContext } from '../../../core/request-context';
import * as check from '../../../core/validation';
import { ConversationStage, MemberRole } from '../../../core/vocabulary';
import { requireScope, type Principal } from '../../../core/principal';
import { requireAdmin, requireRead } from '../service/access';
import { writeAudited } from '../service/write';
import type { TenantsRuntime } from '../runtime';
import { parseWebhookUrl } from './destination';
import { FollowUpTask, WebhookDelivery, WebhookDeliveryAttempt, Workflow } from './entities';
import { DeliveryStatus, TaskStatus, WorkflowAction, WorkflowTrigger } from './enums';
import { newWebhookSecret } from './signature';

type Ctx = RequestContext<TenantsRuntime>;

export interface WorkflowFields {
  name?: string | null;
  minScore?: number | null;
  stage?: ConversationStage | null;
  url?: string | null;
  taskTitle?: string | null;
  enabled?: boolean | null;
}

export interface CreateWorkflowFields extends WorkflowFields {
  name: string;
  trigger: WorkflowTrigger;
  action: WorkflowAction;
}

/** Applies and checks the fields; the workflow must be complete for its trigger and action afterwards. */
function apply(ctx: Ctx, w: Workflow, input: WorkflowFields): void {
  if (input.name !== undefined && input.name !== null) w.name = check.text('name', input.name, 200);
  if (input.minScore !== undefined)
    w.minScore = input.minScore === null ? null : check.intInRange('minScore', input.minScore, 0, 100);
  if (input.stage !== undefined) w.stage = input.stage;
  if (input.url !== undefined)
    w.url =
      input.url === null
        ? null
        : parseWebhookUrl(input.url.trim(), ctx.runtime.webhooks.allowPrivateDestinations).toString();
  if (input.taskTitle !== undefined) w.taskTitle = check.optionalText('taskTitle', input.taskTitle, 200);
  if (input.enabled !== undefined && input.enabled !== null) w.enabled = input.enabled;
  if (w.trigger === WorkflowTrigger.QUALIFICATION_SCORE && w.minScore === null)
    throw new BadUserInputError('minScore', 'is required for QUALIFICATION_SCORE');
  if (w.action === WorkflowAction.WEBHOOK && !w.url)
    throw new BadUserInputError('url', 'is required for WEBHOOK');
}

function summary(w: Workflow): Record<string, unknown> {
  const { name, trigger, minScore, stage, action, url, taskTitle, enabled } = w;
  return { name, trigger, minScore, stage, action, url, taskTitle, enabled };
}

export async function listWorkflows(ctx: Ctx): Promise<Workflow[]> {
  requireAdmin(ctx.principal);
  return ctx.em.find(Workflow, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export async function createWorkflow(
  ctx: Ctx,
  input: CreateWorkflowFields,
): Promise<{ workflow: Workflow; secret: string | null }> {
  requireAdmin(ctx.principal);
  const now = new Date();
  const w = new Workflow();
  Object.assign(w, {
    id: randomUUID(),
    tenantId: ctx.principal.tenantId,
    trigger: input.trigger,
    action: input.action,
    createdAt: now,
    updatedAt: now,
  });
  apply(ctx, w, input);
  if (w.trigger === WorkflowTrigger.STAGE_REACHED) w.stage ??= ConversationStage.UNDER_CONTRACT;
  const secret = w.action === WorkflowAction.WEBHOOK ? newWebhookSecret() : null;
  w.secret = secret;
  const workflow = await writeAudited(ctx, async (em) => {
    em.persist(w);
    return {
      result: w,
      audit: { action: 'workflow.create', targetType: 'Workflow', targetId: w.id, change: summary(w) },
    };
  });
  return { workflow, secret };
}

async function ownWorkflow(ctx: Ctx, id: string): Promise<Workflow> {
  const w = await ctx.em.findOne(Workflow, { id });
  if (!w) throw new NotFoundError('Workflow', id);
  return w;
}

export async function updateWorkflow(ctx: Ctx, id: string, input: WorkflowFields): Promise<Workflow> {
  requireAdmin(ctx.principal);
  return writeAudited(ctx, async (em) => {
    const w = await em.findOne(Workflow, { id });
    if (!w) throw new NotFoundError('Workflow', id);
    const before = summary(w);
    apply(ctx, w, input);
    w.updatedAt = new Date();
    return {
      result: w,
      audit: {
        action: 'workflow.update',
        targetType: 'Workflow',
        targetId: id,
        change: { before, after: summary(w) },
      },
    };
  });
}

/** Deletes the workflow; its deliveries not yet sent end FAILED at their next attempt (no secret to sign with). */
export async function deleteWorkflow(ctx: Ctx, id: string): Promise<boolean> {
  requireAdmin(ctx.principal);
  const w = await ownWorkflow(ctx, id);
  return writeAudited(ctx, async (em) => {
    em.remove(w);
    return {
      result: true,
      audit: { action: 'workflow.delete', targetType: 'Workflow', targetId: id, change: summary(w) },
    };
  });
}

/**
 * A new signing secret for a WEBHOOK workflow, shown once; every attempt from now on (retries of deliveries
 * already queued included) is signed with it, the old one no longer verifies.
 */
export async function rotateSecret(ctx: Ctx, id: string): Promise<{ workflow: Workflow; secret: string }> {
  requireAdmin(ctx.principal);
  const secret = newWebhookSecret();
  const workflow = await writeAudited(ctx, async (em) => {
    const w = await em.findOne(Workflow, { id });
    if (!w) throw new NotFoundError('Workflow', id);
    if (w.action !== WorkflowAction.WEBHOOK)
      throw new BadUserInputError('id', 'only a WEBHOOK workflow has a secret');
    w.secret = secret;
    w.updatedAt = new Date();
    return {
      result: w,
      audit: { action: 'workflow.rotate_secret', targetType: 'Workflow', targetId: id, change: {} },
    };
  });
  return { workflow, secret };
}

export interface DeliveryFilter {
  workflowId?: string | null;
  status?: DeliveryStatus | null;
  first?: number | null;
}

export async function listDeliveries(ctx: Ctx, f: DeliveryFilter): Promise<WebhookDelivery[]> {
  requireAdmin(ctx.principal);
  const where: FilterQuery<WebhookDelivery> = {};
  if (f.workflowId) where.workflowId = f.workflowId;
  if (f.status) where.status = f.status;
  const limit = check.intInRange('first', f.first ?? 50, 1, 200);
  return ctx.em.find(WebhookDelivery, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
}

export async function attemptsOf(ctx: Ctx, deliveryId: string): Promise<WebhookDeliveryAttempt[]> {
  return ctx.em.find(WebhookDeliveryAttempt, { deliveryId }, { orderBy: { attempt: 'asc' } });
}

/** A new delivery of the same body to the workflow's current URL, sent at once; the original stays as it was. */
export async function redeliver(ctx: Ctx, deliveryId: string): Promise<WebhookDelivery> {
  requireAdmin(ctx.principal);
  const original = await ctx.em.findOne(WebhookDelivery, { id: deliveryId });
  if (!original) throw new NotFoundError('WebhookDelivery', deliveryId);
  const w = await ctx.em.findOne(Workflow, { id: original.workflowId });
  if (!w?.url) throw new BadUserInputError('deliveryId', 'its workflow no longer exists or sends no webhook');
  const copy = await writeAudited(ctx, async (em) => {
    const now = new Date();
    const d = Object.assign(new WebhookDelivery(), {
      id: randomUUID(),
      tenantId: ctx.principal.tenantId,
      workflowId: w.id,
      triggerKey: `redeliver:${randomUUID()}`,
      trigger: original.trigger,
      url: w.url!,
      body: original.body,
      status: DeliveryStatus.PENDING,
      nextAttemptAt: now,
      redeliveryOf: original.id,
      createdAt: now,
    });
    em.persist(d);
    return {
      result: d,
      audit: {
        action: 'webhook.redeliver',
        targetType: 'WebhookDelivery',
        targetId: original.id,
        change: { redelivery: d.id },
      },
    };
  });
  ctx.runtime.deliveries.poke();
  return copy;
}

function taskScope(p: Principal): FilterQuery<FollowUpTask> {
  requireRead(p);
  if (p.role === MemberRole.AGENT) return { agentId: p.agentId ?? '-' };
  if (p.locationIds === null) return {};
  return { $or: [{ locationId: { $in: p.locationIds } }, { locationId: null }] };
}

export async function listTasks(
  ctx: Ctx,
  status: TaskStatus | null | undefined,
  first?: number | null,
): Promise<FollowUpTask[]> {
  const where: FilterQuery<FollowUpTask> = { $and: [taskScope(ctx.principal), status ? { status } : {}] };
  const limit = check.intInRange('first', first ?? 50, 1, 200);
  return ctx.em.find(FollowUpTask, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
}

/** Needs coaching:write too (a write: every role that coaches holds it; a read-only key does not). */
export async function completeTask(ctx: Ctx, id: string): Promise<FollowUpTask> {
  requireScope(ctx.principal, 'coaching:write');
  const task = await ctx.em.findOne(FollowUpTask, { $and: [{ id }, taskScope(ctx.principal)] });
  if (!task) throw new NotFoundError('FollowUpTask', id);
  if (task.status === TaskStatus.DONE) return task;
  return writeAudited(ctx, async (em) => {
    task.status = TaskStatus.DONE;
    task.completedAt = new Date();
    em.persist(task);
    return {
      result: task,
      audit: {
        action: 'task.complete',
        targetType: 'FollowUpTask',
        targetId: id,
        change: { title: task.title },
      },
    };
  });
}
