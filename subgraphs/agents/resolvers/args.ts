/** Argument sets of the list fields. */
import { ArgsType, Field, Int } from 'type-graphql';
import { AgentFilter, AgentSessionFilter, LocationAgentFilter } from './inputs';

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: 'Page size: 0 to 100 items, default 20.',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The previous page's pageInfo.endCursor; omit for the first page.",
  })
  after?: string | null;
}

@ArgsType()
export class AgentsArgs extends PageArgs {
  @Field(() => AgentFilter, {
    nullable: true,
    description: 'Narrows the list; omit for every visible agent.',
  })
  filter?: AgentFilter | null;
}

@ArgsType()
export class LocationAgentsArgs extends PageArgs {
  @Field(() => LocationAgentFilter, {
    nullable: true,
    description: 'Narrows the list; omit for every visible agent of the location.',
  })
  filter?: LocationAgentFilter | null;
}

@ArgsType()
export class AgentSessionsArgs extends PageArgs {
  @Field(() => AgentSessionFilter, {
    nullable: true,
    description: 'Narrows the list; omit for every visible session.',
  })
  filter?: AgentSessionFilter | null;
}
