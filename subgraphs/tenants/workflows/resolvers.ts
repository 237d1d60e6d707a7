/** Workflows, webhook deliveries (the delivery log) and follow-up tasks in the API. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TenantsContext } from '../runtime';
import { FollowUpTask, WebhookDelivery, WebhookDeliveryAttempt, Workflow } from './entities';
import { DeliveryStatus, TaskStatus } from './enums';
import { CreatedWorkflow, CreateWorkflowInput, UpdateWorkflowInput } from './graphql-types';
import * as svc from './service';

const ADMIN = 'Needs scope tenants:admin and the OWNER or ADMIN role (FORBIDDEN otherwise).';

@Resolver(() => Workflow)
export class WorkflowResolver {
  @Query(() => [Workflow], { description: `The tenant's workflows, oldest first. ${ADMIN}` })
  workflows(@Ctx() ctx: TenantsContext): Promise<Workflow[]> {
    return svc.listWorkflows(ctx);
  }

  @Mutation(() => CreatedWorkflow, {
    description: `Creates a workflow. A WEBHOOK workflow POSTs a signed JSON body ({eventId, trigger, workflowId, workflowName, tenantId, occurredAt, data}) to its URL whenever it fires, retried with exponential backoff and jitter until a 2xx answer or the last attempt; its signing secret is in this response only. A TASK workflow creates a follow-up task. ${ADMIN} BAD_USER_INPUT for a missing minScore/url or a refused URL.`,
  })
  createWorkflow(
    @Arg('input', () => CreateWorkflowInput, { description: 'The workflow.' }) input: CreateWorkflowInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<CreatedWorkflow> {
    return svc
      .createWorkflow(ctx, input)
      .then(({ workflow, secret }) => ({ workflow, webhookSecret: secret }));
  }

  @Mutation(() => Workflow, {
    description: `Changes a workflow. ${ADMIN} NOT_FOUND for another tenant's workflow.`,
  })
  updateWorkflow(
    @Arg('id', () => ID, { description: 'The workflow.' }) id: string,
    @Arg('input', () => UpdateWorkflowInput, { description: 'The changes.' }) input: UpdateWorkflowInput,
    @Ctx() ctx: TenantsContext,
  ): Promise<Workflow> {
    return svc.updateWorkflow(ctx, id, input);
  }

  @Mutation(() => CreatedWorkflow, {
    description: `Gives a WEBHOOK workflow a new signing secret, answered this once; every attempt from now on (retries of queued deliveries included) is signed with it and the old secret no longer verifies. ${ADMIN} NOT_FOUND for another tenant's workflow; BAD_USER_INPUT for a TASK workflow.`,
  })
  rotateWorkflowSecret(
    @Arg('id', () => ID, { description: 'The WEBHOOK workflow.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<CreatedWorkflow> {
    return svc.rotateSecret(ctx, id).then(({ workflow, secret }) => ({ workflow, webhookSecret: secret }));
  }

  @Mutation(() => Boolean, {
    description: `Deletes a workflow (its delivery log and tasks stay; deliveries not yet sent end FAILED). ${ADMIN} NOT_FOUND for another tenant's workflow.`,
  })
  deleteWorkflow(
    @Arg('id', () => ID, { description: 'The workflow.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<boolean> {
    return svc.deleteWorkflow(ctx, id);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @Query(() => [WebhookDelivery], {
    description: `Webhook deliveries (the delivery log), newest first. ${ADMIN}`,
  })
  webhookDeliveries(
    @Ctx() ctx: TenantsContext,
    @Arg('workflowId', () => ID, { nullable: true, description: "Only this workflow's deliveries." })
    workflowId?: string,
    @Arg('status', () => DeliveryStatus, { nullable: true, description: 'Only deliveries in this state.' })
    status?: DeliveryStatus,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (1..200, default 50).' })
    first?: number,
  ): Promise<WebhookDelivery[]> {
    return svc.listDeliveries(ctx, { workflowId, status, first });
  }

  @FieldResolver(() => [WebhookDeliveryAttempt], { description: 'Every attempt so far, first to last.' })
  attemptLog(@Root() d: WebhookDelivery, @Ctx() ctx: TenantsContext): Promise<WebhookDeliveryAttempt[]> {
    return svc.attemptsOf(ctx, d.id);
  }

  @Mutation(() => WebhookDelivery, {
    description: `Sends a delivery's body again, now, as a new delivery (redeliveryOf = the original; X-Webhook-Id is the new delivery's id, eventId in the body stays). ${ADMIN} NOT_FOUND for another tenant's delivery.`,
  })
  redeliverWebhook(
    @Arg('deliveryId', () => ID, { description: 'The delivery to send again.' }) deliveryId: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<WebhookDelivery> {
    return svc.redeliver(ctx, deliveryId);
  }
}

@Resolver(() => FollowUpTask)
export class FollowUpTaskResolver {
  @Query(() => [FollowUpTask], {
    description:
      'Follow-up tasks workflows created, newest first. Needs scope tenants:read; an AGENT sees their own tasks, others those of their locations and tenant-wide ones.',
  })
  tasks(
    @Ctx() ctx: TenantsContext,
    @Arg('status', () => TaskStatus, { nullable: true, description: 'Only tasks in this state.' })
    status?: TaskStatus,
    @Arg('first', () => Int, { nullable: true, description: 'At most this many (1..200, default 50).' })
    first?: number,
  ): Promise<FollowUpTask[]> {
    return svc.listTasks(ctx, status, first);
  }

  @Mutation(() => FollowUpTask, {
    description:
      'Marks a task DONE (idempotent). Needs scopes tenants:read and coaching:write (FORBIDDEN otherwise) and a task you can see (NOT_FOUND otherwise).',
  })
  completeTask(
    @Arg('id', () => ID, { description: 'The task.' }) id: string,
    @Ctx() ctx: TenantsContext,
  ): Promise<FollowUpTask> {
    return svc.completeTask(ctx, id);
  }
}
