/**
 * Subscriptions to a session's channel: the caller's access to the session is checked in a short tenant
 * scope (waiting, bounded, for a session the read model has not learned yet), then the channel is
 * iterated (filtered to one kind of message). Ending the GraphQL subscription calls `return()`, which
 * releases the pub/sub subscription.
 *
 * `coachingHints` with `since`: the live channel is attached first (it buffers), then the stored hints
 * created at or after `since` are read in the same tenant scope and sent as COMPLETED events, then the
 * buffered and later live events, a COMPLETED for a hint already replayed left out. So a client that
 * passes the time of the newest hint it has (or any earlier time) misses none made while it was away or
 * connecting, and gets each once.
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
import { BadUserInputError } from '../../../core/errors';
import { withTenantScope } from '../../../core/db/request-scope';
import { HintEventType } from '../../../core/vocabulary';
import { CoachingHint } from '../entities';
import { hintDto } from './channels';
import type { CoachingRuntime } from '../runtime';

/** The most stored hints one subscribe replays (the oldest of a longer gap are left to `hints`). */
export const MAX_REPLAY = 200;

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

export async function subscribeHints(
  ctx: CoachingContext,
  sessionId: string,
  since?: Date | null,
): Promise<AsyncIterableIterator<HintEventPayload>> {
  const live = await subscribeSession(ctx, sessionId, (m) => (m.kind === 'hint' ? m.event : undefined));
  if (!since) return live;
  if (!(since instanceof Date) || Number.isNaN(since.getTime())) {
    await live.return?.();
    throw new BadUserInputError('since', 'must be a date-time');
  }
  let replay: HintEventPayload[];
  try {
    replay = await storedSince(ctx.runtime, ctx.principal.tenantId, sessionId.trim(), since);
  } catch (err) {
    await live.return?.();
    throw err;
  }
  return replayThenLive(replay, live);
}

/** Stored hints created at or after `since`, oldest first, as COMPLETED events at their index in their run. */
async function storedSince(
  rt: CoachingRuntime,
  tenantId: string,
  sessionId: string,
  since: Date,
): Promise<HintEventPayload[]> {
  return withTenantScope(rt.orm, tenantId, async (em) => {
    const recent = await em.find(
      CoachingHint,
      { sessionId, createdAt: { $gte: since } },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_REPLAY },
    );
    if (!recent.length) return [];
    const runs = [...new Set(recent.map((h) => h.requestId))];
    const ofRuns = await em.find(
      CoachingHint,
      { sessionId, requestId: { $in: runs } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const index = new Map<string, number>();
    const counts = new Map<string, number>();
    for (const h of ofRuns) {
      const i = counts.get(h.requestId) ?? 0;
      index.set(h.id, i);
      counts.set(h.requestId, i + 1);
    }
    return recent.map((h) => ({
      type: HintEventType.COMPLETED,
      runId: h.requestId,
      index: index.get(h.id) ?? 0,
      hint: hintDto(h),
      delta: null,
      error: null,
    }));
  });
}

/** `replay` first, then `live` without a COMPLETED whose hint was replayed. */
function replayThenLive(
  replay: HintEventPayload[],
  live: AsyncIterableIterator<HintEventPayload>,
): AsyncIterableIterator<HintEventPayload> {
  const replayed = new Set(replay.map((e) => e.hint!.id));
  const rest = filterMap(live, (e) =>
    e.type === HintEventType.COMPLETED && e.hint && replayed.has(e.hint.id) ? undefined : e,
  );
  return {
    next: () => (replay.length ? Promise.resolve({ value: replay.shift()!, done: false }) : rest.next()),
    return: () => rest.return!(),
    throw: (err?: unknown) => rest.throw!(err),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export function subscribeSessionUpdates(
  ctx: CoachingContext,
  sessionId: string,
): Promise<AsyncIterableIterator<SessionUpdatePayload>> {
  return subscribeSession(ctx, sessionId, (m) => (m.kind === 'session' ? m.update : undefined));
}
