/**
 * The contract every subgraph implements the same way, so `bin/` and the test harness wire any of them
 * alike. A newcomer who knows one subgraph knows all five:
 *
 * **The module** — `subgraphs/<name>/index.ts` exports `create<Name>Subgraph(opts?)`, returning a
 * `SubgraphModule<<Name>Runtime>`, and `<name>Subgraph`, that module with its defaults. A module only
 * describes (name, entities, migrations); nothing runs until `create(deps)`.
 *
 * **The runtime** — `create(deps)` builds one `SubgraphInstance`: its runtime (`subgraphs/<name>/runtime.ts`,
 * `<Name>Runtime`: what resolvers, services and consumers need besides the request — options, caches,
 * pub/sub, arrivals, …) is created there once, held in that closure, and handed out as `instance.runtime`.
 * No registry and no lookup keyed by the ORM: two instances in one process (tests run several) share nothing.
 *
 * **Resolvers, one way** — type-graphql classes declared at module level in `resolvers/*.ts` (no class
 * factories, nothing bound at schema-build time), listed with the `__resolveReference` map in
 * `resolvers/index.ts` (`<name>Resolvers`, `referenceResolvers`). They take `@Ctx() ctx: <Name>Context`
 * (`RequestContext<<Name>Runtime>`) and call plain service functions with `(ctx, input)`; a service reads the
 * runtime it needs from `ctx.runtime`, which the subgraph server sets to `instance.runtime` on every request.
 *
 * **Event consumers, one name** — `subgraphs/<name>/consumers/index.ts` exports
 * `subscribe<Name>Consumers: SubscribeConsumers<<Name>Runtime>`, called from `start()`; each consumer
 * group is declared next to its handler in `consumers/<what>.ts` as `<NAME>[_<WHAT>]_CONSUMER = '<name>[-<what>]'`
 * (the group name is also the idempotency key in `processed_event`: never rename one).
 *
 * **Lifecycle** — `start()` starts background work (consumers, outbox relay, workers); `stop()` ends it and
 * closes what `create` created — never what was injected through the module's options. `stop()` without
 * `start()` is valid (schema generation builds an instance only for its schema).
 */
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type http from 'node:http';
import type { PlatformConfig, SubgraphName } from '../config';
import type { Orm } from '../db/orm';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import type { ContextTokenCodec } from '../context-token';
import type { RouteHandler } from './subgraph-server';

/** What the process gives every subgraph instance. */
export interface SubgraphDeps {
  config: PlatformConfig;
  orm: Orm;
  events: EventBus;
  logger: Logger;
  codec: ContextTokenCodec;
}

export interface SubgraphModule<R = unknown> {
  name: SubgraphName;
  entities: EntityClass<object>[];
  migrations: MigrationObject[];
  /** Builds one running instance (runtime, schema, routes); starts nothing. */
  create(deps: SubgraphDeps): Promise<SubgraphInstance<R>>;
}

export interface SubgraphInstance<R = unknown> {
  /** Put into every request's context as `ctx.runtime` (and given to the consumers). */
  runtime: R;
  schema: GraphQLSchema;
  /** Extra HTTP routes (webhooks, internal endpoints), tried before GraphQL. */
  routes: RouteHandler[];
  /** Called with the HTTP server before it listens (e.g. to attach graphql-ws for subscriptions). */
  onServer?(server: http.Server): void;
  /** Starts the background work: event consumers, the outbox relay, workers. */
  start(): Promise<void>;
  /** Stops what `start` started and closes what `create` created; idempotent. */
  stop(): Promise<void>;
}

/** Stops a subgraph's consumers (closes what they opened, e.g. a worker pool). */
export type StopConsumers = () => Promise<void>;

/** The one signature of `subscribe<Name>Consumers` in `subgraphs/<name>/consumers/index.ts`. */
export type SubscribeConsumers<R> = (deps: SubgraphDeps, runtime: R) => Promise<StopConsumers>;
