/** Workflows' GraphQL inputs and payloads (validation happens in service.ts, naming the field). */
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ConversationStage } from '../../../core/vocabulary';
import { Workflow } from './entities';
import { WorkflowAction, WorkflowTrigger } from './enums';
import type { CreateWorkflowFields, WorkflowFields } from './service';

@InputType({ description: 'A new workflow: a trigger, its condition, and a webhook URL or a task title.' })
export class CreateWorkflowInput implements CreateWorkflowFields {
  @Field(() => String, { description: 'Name: 1 to 200 characters.' })
  name!: string;

  @Field(() => WorkflowTrigger, { description: 'What fires it.' })
  trigger!: WorkflowTrigger;

  @Field(() => WorkflowAction, { description: 'What it does.' })
  action!: WorkflowAction;

  @Field(() => Int, {
    nullable: true,
    description: 'Required for QUALIFICATION_SCORE: the score (0..100) that fires it.',
  })
  minScore?: number | null;

  @Field(() => ConversationStage, {
    nullable: true,
    description: 'STAGE_REACHED: the stage that fires it (default UNDER_CONTRACT).',
  })
  stage?: ConversationStage | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Required for WEBHOOK: an https URL with a public address (private, loopback and link-local hosts are refused).',
  })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "TASK: the tasks' title (default: the workflow name).",
  })
  taskTitle?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  enabled?: boolean | null;
}

@InputType({
  description: 'Changes to a workflow: omitted fields are kept (trigger and action cannot change).',
})
export class UpdateWorkflowInput implements WorkflowFields {
  @Field(() => String, { nullable: true, description: 'A new name.' })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'QUALIFICATION_SCORE: a new threshold (0..100).' })
  minScore?: number | null;

  @Field(() => ConversationStage, { nullable: true, description: 'STAGE_REACHED: a new stage.' })
  stage?: ConversationStage | null;

  @Field(() => String, { nullable: true, description: 'WEBHOOK: a new URL (the secret stays).' })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'TASK: a new task title.' })
  taskTitle?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false stops it firing.' })
  enabled?: boolean | null;
}

@ObjectType({ description: 'A created workflow and, for WEBHOOK, its signing secret (shown this once).' })
export class CreatedWorkflow {
  @Field(() => Workflow, { description: 'The stored workflow.' })
  workflow!: Workflow;

  @Field(() => String, {
    nullable: true,
    description:
      'WEBHOOK only: the HMAC-SHA256 secret that signs every delivery (header X-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC of "<t>.<raw body>">). Store it now: it cannot be read again. Null for TASK.',
  })
  webhookSecret!: string | null;
}
