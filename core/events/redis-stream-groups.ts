/**
 * Consumer groups of the Redis Streams event bus: creating them, and recognising that one is gone.
 *
 * A group lives inside its stream's key, so a Redis that restarts empty (no persistence, a failover to an
 * empty replica, FLUSHALL) loses every group while the consumers keep running. Each of their reads then
 * answers `NOGROUP` — forever, since nothing recreates the group. The bus (redis-streams-event-bus.ts)
 * recreates the group as soon as a read, reclaim or ack answers NOGROUP (or a blocked read is UNBLOCKED
 * because its stream was deleted) and carries on: a consumer heals by itself, with no process restart.
 * Several members of a group race to recreate it; BUSYGROUP means another won.
 */
import type Redis from 'ioredis';

/** Where a group starts reading: the start of the stream ('0') or only entries added later ('$'). */
export type GroupStart = '0' | '$';

/**
 * True when Redis answered that the consumer group is gone: NOGROUP (the stream or its group does not
 * exist), or — for a read blocked at that moment — UNBLOCKED because the stream key was deleted.
 */
export function isGroupGoneError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.message.startsWith('NOGROUP') || /^UNBLOCKED .*no longer exists/.test(err.message);
}

function isBusyGroupError(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith('BUSYGROUP');
}

/**
 * Creates `group` on `stream` (and the stream, MKSTREAM) reading from `start`; resolves false when the group
 * existed already (BUSYGROUP), true when this call created it. Any other error is thrown.
 */
export async function ensureGroup(
  conn: Redis,
  stream: string,
  group: string,
  start: GroupStart,
): Promise<boolean> {
  try {
    await conn.xgroup('CREATE', stream, group, start, 'MKSTREAM');
    return true;
  } catch (err) {
    if (isBusyGroupError(err)) return false;
    throw err;
  }
}

/**
 * Recreates `group` on every stream that lost it (after isGroupGoneError), reading from the start of the
 * stream: a stream that lost its group was emptied with it, so the start is exactly what was published
 * since — events a producer added before this consumer noticed are delivered, not skipped. (Had only the
 * group been destroyed, older entries are delivered again: delivery is at least once, consumers idempotent.)
 * Returns the streams whose group this call created.
 */
export async function recreateGroups(
  conn: Redis,
  streams: readonly string[],
  group: string,
): Promise<string[]> {
  const created: string[] = [];
  for (const stream of streams) if (await ensureGroup(conn, stream, group, '0')) created.push(stream);
  return created;
}
