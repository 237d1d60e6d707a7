/**
 * The `tenants-workflows` consumer group: each event that can fire a workflow is applied once (core
 * consumeOnce, in the event's tenant scope — only that tenant's workflows are read) and, in the same
 * transaction, every enabled matching workflow queues a webhook delivery or creates a follow-up task —
 * at most once per workflow and trigger key (unique), so a redelivered event or a second score update
 * of the same session fires nothing again. The delivery worker is poked after commit.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Orm } from '../../../core/db/orm';
import type { Logger } from '../../../core/logger';
import { consumeOnce } from '../../../core/outbox/consume-once';
import { sqlEm } from '../../../core/outbox/sql-em';
import type { EventEnvelope } from '../../../core/vocabulary';
import { FollowUpTask, WebhookDelivery, Workflow } from './entities';
import { DeliveryStatus, TaskStatus, WorkflowAction } from './enums';
import { firingOf, matches, type Firing } from './triggers';

export const TENANTS_WORKFLOWS_CONSUMER = 'tenants-workflows';

/** The JSON body a webhook carries (signed as sent; see signature.ts). */
export function webhookBody(workflow: Workflow, firing: Firing, event: EventEnvelope): string {
  return JSON.stringify({
    eventId: event.id,
    trigger: firing.trigger,
    workflowId: workflow.id,
    workflowName: workflow.name,
    tenantId: event.tenantId,
    occurredAt: event.at,
    data: firing.data,
  });
}

async function queueDelivery(
  em: EntityManager,
  w: Workflow,
  f: Firing,
  event: EventEnvelope,
): Promise<boolean> {
  const now = new Date();
  const res = await sqlEm(em)
    .createQueryBuilder(WebhookDelivery)
    .insert({
      id: randomUUID(),
      tenantId: event.tenantId,
      workflowId: w.id,
      triggerKey: f.triggerKey,
      trigger: f.trigger,
      url: w.url ?? '',
      body: webhookBody(w, f, event),
      status: DeliveryStatus.PENDING,
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      nextAttemptAt: now,
      leaseUntil: null,
      createdAt: now,
      completedAt: null,
      redeliveryOf: null,
    })
    .onConflict(['workflowId', 'triggerKey'])
    .ignore()
    .execute('run');
  return res.affectedRows > 0;
}

async function createTask(em: EntityManager, w: Workflow, f: Firing, tenantId: string): Promise<void> {
  await sqlEm(em)
    .createQueryBuilder(FollowUpTask)
    .insert({
      id: randomUUID(),
      tenantId,
      workflowId: w.id,
      triggerKey: f.triggerKey,
      trigger: f.trigger,
      title: w.taskTitle ?? w.name,
      detail: f.detail.slice(0, 500),
      agentId: f.agentId,
      sessionId: f.sessionId,
      locationId: f.locationId,
      status: TaskStatus.OPEN,
      createdAt: new Date(),
      completedAt: null,
    })
    .onConflict(['workflowId', 'triggerKey'])
    .ignore()
    .execute('run');
}

/** Fires the tenant's matching workflows for one firing; says how many deliveries it queued. */
export async function fireWorkflows(
  em: EntityManager,
  firing: Firing,
  event: EventEnvelope,
): Promise<number> {
  const workflows = await em.find(
    Workflow,
    { trigger: firing.trigger, enabled: true },
    { orderBy: { id: 'asc' } },
  );
  let queued = 0;
  for (const w of workflows.filter((x) => matches(x, firing))) {
    if (w.action === WorkflowAction.WEBHOOK && w.url) {
      if (await queueDelivery(em, w, firing, event)) queued += 1;
    } else if (w.action === WorkflowAction.TASK) {
      await createTask(em, w, firing, event.tenantId);
    }
  }
  return queued;
}

export interface WorkflowsConsumerDeps {
  orm: Orm;
  logger: Logger;
  /** Called after a commit that queued deliveries. */
  onQueued: () => void;
}

export function workflowsHandler(deps: WorkflowsConsumerDeps): (event: EventEnvelope) => Promise<void> {
  return async (event) => {
    const firing = firingOf(event);
    if (!firing || !event.tenantId) return;
    let queued = 0;
    await consumeOnce({
      orm: deps.orm,
      consumer: TENANTS_WORKFLOWS_CONSUMER,
      event,
      handle: async (em) => {
        queued = await fireWorkflows(em, firing, event);
      },
    });
    if (queued > 0) deps.onQueued();
  };
}
