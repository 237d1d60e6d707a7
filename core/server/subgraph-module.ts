/**
 * The contract every subgraph's index.ts exports, so `bin/` can wire any of them the same way.
 */
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { PlatformConfig, SubgraphName } from '../config';
import type { Orm } from '../db/orm';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import type { ContextTokenCodec } from '../context-token';
import type http from 'node:http';
import type { RouteHandler } from './subgraph-server';

export interface SubgraphDeps {
  config: PlatformConfig;
  orm: Orm;
  events: EventBus;
  logger: Logger;
  codec: ContextTokenCodec;
}

export interface SubgraphModule {
  name: SubgraphName;
  entities: EntityClass<object>[];
  migrations: MigrationObject[];
  buildSchema(deps: SubgraphDeps): Promise<GraphQLSchema>;
  /** Extra HTTP routes (webhooks, internal endpoints). */
  routes?(deps: SubgraphDeps): RouteHandler[];
  /** Called with the HTTP server before it listens (e.g. to attach graphql-ws for subscriptions). */
  onServer?(server: http.Server, deps: SubgraphDeps): void;
  /** Background work (event consumers); returns a stop function. */
  start?(deps: SubgraphDeps): Promise<() => Promise<void>>;
}
