/**
 * `Contact` (a lead, by its CRM contact id, within the caller's tenant) and its memory across sessions:
 * `contact(id)`, `AgentSession.contact`, and the tenant's memory retention (`memoryRetentionDays`,
 * `setMemoryRetention`). Thin wrappers over service/contact-memory.ts and service/memory-retention.ts.
 */
import { DateTimeResolver } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ForbiddenError } from '../../../core/errors';
import { isOrgWide, requireScope } from '../../../core/principal';
import { SummarySource, type ContactFact } from '../entities';
import { requireVisibleSession } from '../service/access';
import { visibleContactMemory, type ContactMemoryTiers } from '../service/contact-memory';
import { withService, type CoachingContext } from '../service/context';
import { describeFact, type FactKey } from '../service/memory-facts';
import { retentionDays, setRetentionDays } from '../service/memory-retention';
import { AgentSessionRef } from './types';

@ObjectType('ContactFact', {
  description:
    'One long-term fact about a contact, as the lead last stated it (qualification slots only; never a protected-class attribute).',
})
export class ContactFactDto {
  @Field(() => String, {
    description:
      'The slot: budget, priceExpectation, timelineMonths, preApproved, bedrooms, propertyType, areas or motivation.',
  })
  key!: string;

  @Field(() => String, { description: 'The fact in words, e.g. "Budget: up to $450,000".' })
  text!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The value of a numeric fact (dollars, months, bedrooms); null otherwise.',
  })
  numberValue!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The value of a yes/no fact (preApproved); null otherwise.',
  })
  booleanValue!: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The values of a list fact (areas); null otherwise.',
  })
  listValue!: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value of a text fact (propertyType, motivation); null otherwise.',
  })
  stringValue!: string | null;

  @Field(() => ID, { description: 'The session in which the lead last stated it.' })
  sourceSessionId!: string;

  @Field(() => DateTimeResolver, { description: 'When the lead last stated it.' })
  statedAt!: Date;
}

@ObjectType('SessionSummary', {
  description: 'A summary of one ended session with the contact (medium-term memory).',
})
export class SessionSummaryDto {
  @Field(() => ID, { description: 'The session summarized.' })
  sessionId!: string;

  @Field(() => ID, { description: 'The agent of that session.' })
  agentId!: string;

  @Field(() => String, { description: 'The summary (never mentions a protected-class attribute).' })
  text!: string;

  @Field(() => SummarySource, { description: 'Who wrote it.' })
  source!: SummarySource;

  @Field(() => String, { nullable: true, description: 'The model that wrote it; null offline.' })
  model!: string | null;

  @Field(() => DateTimeResolver, { description: 'When the session ended.' })
  endedAt!: Date;
}

@ObjectType('ContactMemory', {
  description:
    "What coaching remembers about a contact across sessions, within the tenant's retention: a new session with the contact starts from it (prompt, offline coach, qualification).",
})
export class ContactMemoryDto {
  @Field(() => [ContactFactDto], {
    description: 'Long term: typed facts, with the session and time each was stated.',
  })
  facts!: ContactFactDto[];

  @Field(() => [SessionSummaryDto], {
    description: 'Medium term: summaries of the latest ended sessions, newest first.',
  })
  summaries!: SessionSummaryDto[];

  @Field(() => [String], { description: 'Recent notes from lead turns, newest first.' })
  notes!: string[];

  @Field(() => Int, { description: "The tenant's retention: memory older than this many days is purged." })
  retentionDays!: number;
}

@ObjectType('Contact', {
  description: 'A lead, by its CRM (GoHighLevel) contact id, within your tenant.',
})
export class ContactDto {
  @Field(() => String, { description: 'The CRM contact id.' })
  id!: string;

  @Field(() => ContactMemoryDto, {
    description: 'What coaching remembers about the contact across sessions.',
  })
  memory!: ContactMemoryDto;
}

@ObjectType('MemoryRetention', { description: "The tenant's contact-memory retention." })
export class MemoryRetentionDto {
  @Field(() => Int, { description: 'Memory (facts, summaries, notes) older than this many days is purged.' })
  days!: number;
}

function factDto(f: ContactFact): ContactFactDto {
  const v = f.value;
  return {
    key: f.key,
    text: describeFact(f.key as FactKey, v),
    numberValue: typeof v === 'number' ? v : null,
    booleanValue: typeof v === 'boolean' ? v : null,
    listValue: Array.isArray(v) ? v.map(String) : null,
    stringValue: typeof v === 'string' ? v : null,
    sourceSessionId: f.sourceSessionId,
    statedAt: f.statedAt,
  };
}

export function contactDto(m: ContactMemoryTiers): ContactDto {
  return {
    id: m.contactId,
    memory: {
      facts: m.facts.map(factDto),
      summaries: m.summaries.map((s) => ({
        sessionId: s.sessionId,
        agentId: s.agentId,
        text: s.text,
        source: s.source,
        model: s.model,
        endedAt: s.endedAt,
      })),
      notes: m.notes,
      retentionDays: m.retentionDays,
    },
  };
}

const MEMORY_ACCESS =
  "Needs scope coaching:read; an OWNER or ADMIN sees any contact of the tenant, others only a contact of a session they may see (an AGENT their own, a MANAGER their locations' and the shared pool).";

@Resolver(() => ContactDto)
export class ContactResolver {
  @Query(() => ContactDto, {
    description: `A contact of your tenant and what coaching remembers about it. ${MEMORY_ACCESS} NOT_FOUND for an unknown contact, one you may not see, or another tenant's (they look alike).`,
  })
  contact(
    @Arg('id', () => String, { description: 'The CRM contact id (AgentSession.contactId).' }) id: string,
    @Ctx() ctx: CoachingContext,
  ): Promise<ContactDto> {
    return withService(ctx, async (svc) => contactDto(await visibleContactMemory(svc, id)));
  }

  @Query(() => MemoryRetentionDto, {
    description: "Your tenant's contact-memory retention (default 365 days). Needs scope coaching:read.",
  })
  memoryRetention(@Ctx() ctx: CoachingContext): Promise<MemoryRetentionDto> {
    return withService(ctx, async (svc) => {
      requireScope(svc.principal, 'coaching:read');
      return { days: await retentionDays(svc.em, svc.principal.tenantId) };
    });
  }

  @Mutation(() => MemoryRetentionDto, {
    description:
      "Sets how long your tenant's contact memory (facts, session summaries, notes) is kept; older memory is no longer used and is purged by a periodic sweep. OWNER or ADMIN with scope coaching:write (FORBIDDEN otherwise); BAD_USER_INPUT unless days is 1 to 3650.",
  })
  setMemoryRetention(
    @Arg('days', () => Int, { description: 'Days to keep contact memory: 1 to 3650.' }) days: number,
    @Ctx() ctx: CoachingContext,
  ): Promise<MemoryRetentionDto> {
    return withService(ctx, async (svc) => {
      requireScope(svc.principal, 'coaching:write');
      if (!isOrgWide(svc.principal)) throw new ForbiddenError('an OWNER or ADMIN role is required');
      const row = await setRetentionDays(svc.em, svc.principal.tenantId, days, svc.principal.subject);
      return { days: row.days };
    });
  }
}

@Resolver(() => AgentSessionRef)
export class AgentSessionContactResolver {
  @FieldResolver(() => ContactDto, {
    description: `The session's contact and what coaching remembers about it (from earlier sessions and this one). Needs scope coaching:read and a session you may see.`,
  })
  contact(@Root() session: AgentSessionRef, @Ctx() ctx: CoachingContext): Promise<ContactDto> {
    return withService(ctx, async (svc) => {
      const view = await requireVisibleSession(svc, session.id);
      return contactDto(await visibleContactMemory(svc, view.contactId));
    });
  }
}
