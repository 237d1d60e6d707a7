/**
 * The one cursor codec of every paginated list (Relay `after`/`endCursor`). A cursor is opaque to
 * clients: base64url of `[version, list, tenantId, ...sort key]` followed by `.` and a checksum of
 * those bytes. Decoding checks all of it, so a cursor that was edited or truncated, that belongs to
 * another list, or that was issued to another tenant is a BadUserInputError on the argument — never a
 * 500, never a silently different page.
 *
 * The checksum is not a signature: a client that forges a cursor only moves its own position, because
 * the tenant filter (core/db/tenant-filter.ts), not the cursor, decides which rows a query may see.
 */
import { createHash } from 'node:crypto';
import { BadUserInputError } from '../errors';

const VERSION = 1;
const MAX_LENGTH = 1024;
const SHAPE = /^[A-Za-z0-9_-]{1,1024}\.[A-Za-z0-9_-]{11}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One position of a sort key: how it is written and checked. */
export type CursorPart = 'string' | 'uuid' | 'timestamp' | 'int';

type PartValue<P extends CursorPart> = P extends 'int' ? number : P extends 'timestamp' ? Date : string;
export type CursorValues<P extends readonly CursorPart[]> = { -readonly [K in keyof P]: PartValue<P[K]> };

export interface CursorCodec<V> {
  /** The list's name inside its cursors (`agents`, `coachingHistory`, …). */
  readonly list: string;
  encode(tenantId: string, values: V): string;
  /** null/undefined → null (first page); anything else must be a cursor of this list and tenant. */
  decode(tenantId: string, cursor: string | null | undefined, field?: string): V | null;
}

const checksum = (payload: string): string =>
  createHash('sha256').update(payload).digest().subarray(0, 8).toString('base64url');

function writePart(part: CursorPart, value: unknown): string | number {
  if (part === 'timestamp') return (value as Date).toISOString();
  return value as string | number;
}

function readPart(part: CursorPart, raw: unknown): string | number | Date | undefined {
  switch (part) {
    case 'string':
      return typeof raw === 'string' ? raw : undefined;
    case 'uuid':
      return typeof raw === 'string' && UUID.test(raw) ? raw : undefined;
    case 'int':
      return Number.isSafeInteger(raw) ? (raw as number) : undefined;
    case 'timestamp': {
      if (typeof raw !== 'string') return undefined;
      const at = new Date(raw);
      return Number.isNaN(at.getTime()) || at.toISOString() !== raw ? undefined : at;
    }
  }
}

/** `cursorCodec('agents', ['string', 'uuid'])`: a codec for keyset positions `[name, id]`. */
export function cursorCodec<const P extends readonly CursorPart[]>(
  list: string,
  parts: P,
): CursorCodec<CursorValues<P>> {
  type V = CursorValues<P>;
  return {
    list,
    encode(tenantId, values) {
      const written = parts.map((part, i) => writePart(part, (values as unknown[])[i]));
      const payload = Buffer.from(JSON.stringify([VERSION, list, tenantId, ...written]), 'utf8').toString(
        'base64url',
      );
      return `${payload}.${checksum(payload)}`;
    },
    decode(tenantId, cursor, field = 'after') {
      if (cursor === undefined || cursor === null) return null;
      const invalid = (why: string) => new BadUserInputError(field, `${why}; pass an endCursor of this list`);
      if (cursor.length > MAX_LENGTH || !SHAPE.test(cursor)) throw invalid('is not a cursor');
      const [payload, sum] = cursor.split('.') as [string, string];
      if (checksum(payload) !== sum) throw invalid('is not a cursor (altered)');
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalid('is not a cursor');
      }
      if (!Array.isArray(decoded) || decoded[0] !== VERSION) throw invalid('is not a cursor');
      const [, ofList, ofTenant, ...raw] = decoded as unknown[];
      if (ofList !== list) throw invalid(`is a cursor of another list`);
      if (ofTenant !== tenantId) throw invalid('is a cursor of another tenant');
      if (raw.length !== parts.length) throw invalid('is not a cursor');
      const values = parts.map((part, i) => readPart(part, raw[i]));
      if (values.some((v) => v === undefined)) throw invalid('is not a cursor');
      return values as unknown as V;
    },
  };
}
