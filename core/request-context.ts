/**
 * What every resolver and service function receives: who is calling, a request-scoped EntityManager,
 * a request id, a per-request DataLoader registry (one loader per entity per request) and the running
 * subgraph's runtime (`SubgraphInstance.runtime`, the same object for every request of that instance).
 */
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from './principal';
import type { Logger } from './logger';

export interface RequestContext<R = unknown> {
  principal: Principal;
  em: EntityManager;
  requestId: string;
  logger: Logger;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** Each subgraph names it `<Name>Context = RequestContext<<Name>Runtime>` (core/server/subgraph-module.ts). */
  runtime: R;
}

/** Returns the request's loader for `key`, creating it on first use. */
export function loaderFor<K, V>(
  ctx: RequestContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
): DataLoader<K, V> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { cache: true });
    ctx.loaders.set(key, loader as unknown as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders `rows` by `keys`, null where missing — the DataLoader contract. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}
