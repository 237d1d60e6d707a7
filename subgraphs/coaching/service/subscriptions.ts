/**
 * Subscriptions to a session's channel: the caller's access to the session is checked in a short tenant
 * scope (waiting, bounded, for a session the read model has not learned yet), then the channel is
 * iterated (filtered to one kind of message). Ending the GraphQL subscription calls `return()`, which
 * releases the pub/sub subscription.
 */
import { awaitVisibleSession, requireRead } from './access';
import {
  sessionChannel,
  type HintEventPayload,
  type SessionMessage,
  type SessionUpdatePayload,
} from './channels';
import type { CoachingContext } from './context';
import * as check from '../../../core/validation';

export function filterMap<S, T>(
  source: AsyncIterableIterator<S>,
  pick: (s: S) => T | undefined,
): AsyncIterableIterator<T> {
  const done = async (): Promise<IteratorResult<T>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next(): Promise<IteratorResult<T>> {
      for (;;) {
        const r = await source.next();
        if (r.done) return { value: undefined, done: true };
        const v = pick(r.value);
        if (v !== undefined) return { value: v, done: false };
      }
    },
    return: done,
    async throw(err?: unknown): Promise<IteratorResult<T>> {
      await done();
      throw err instanceof Error ? err : new Error(String(err));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function subscribeSession<T>(
  ctx: CoachingContext,
  rawSessionId: string,
  pick: (m: SessionMessage) => T | undefined,
): Promise<AsyncIterableIterator<T>> {
  const p = ctx.principal;
  requireRead(p);
  const sessionId = check.externalId('sessionId', rawSessionId);
  const rt = ctx.runtime;
  await awaitVisibleSession(rt, p, sessionId);
  const source = rt.pubsub.subscribe<SessionMessage>(sessionChannel(p.tenantId, sessionId));
  try {
    await source.ready;
  } catch (err) {
    await source.return();
    throw err;
  }
  return filterMap(source, pick);
}

export function subscribeHints(
  ctx: CoachingContext,
  sessionId: string,
): Promise<AsyncIterableIterator<HintEventPayload>> {
  return subscribeSession(ctx, sessionId, (m) => (m.kind === 'hint' ? m.event : undefined));
}

export function subscribeSessionUpdates(
  ctx: CoachingContext,
  sessionId: string,
): Promise<AsyncIterableIterator<SessionUpdatePayload>> {
  return subscribeSession(ctx, sessionId, (m) => (m.kind === 'session' ? m.update : undefined));
}
