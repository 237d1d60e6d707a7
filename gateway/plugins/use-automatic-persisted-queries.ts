/**
 * Automatic persisted queries (APQ), as Apollo clients speak them (`createPersistedQueryLink`): a client
 * first sends only `extensions.persistedQuery.sha256Hash`; a gateway that does not know the hash answers
 * `PersistedQueryNotFound` (code PERSISTED_QUERY_NOT_FOUND), the client sends the document with the hash,
 * the gateway checks that the hash is the document's SHA-256, remembers it and runs it; from then on the
 * hash alone is enough. Before this a hash-only request from a key without trusted documents ran no
 * document and answered 200 with no code a client could act on.
 *
 * Keys restricted to trusted documents never reach this: gateway/plugins/use-trusted-documents.ts answers
 * them from their manifest first (and their own NOT_FOUND is final: they cannot register documents).
 * Anyone else sending only a `documentId` (trusted documents' other spelling) has no document registered
 * under it either: the same PERSISTED_QUERY_NOT_FOUND (400) a listed key gets for an unknown id, not
 * Yoga's BAD_REQUEST "Unexpected parameter" (a partner could not tell "no list for this key" from a typo).
 * The cache is per process and bounded (least recently used out first): behind several gateways a hash
 * registered at one may be unknown at another, which costs the client one more round trip, nothing else.
 * A cached document is only text whose hash the client already knew; it carries no caller or data.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface AutomaticPersistedQueriesOptions {
  /** Documents remembered at most (default 1,000). */
  maxEntries?: number;
  /** Characters of documents remembered at most (default 5,000,000). */
  maxChars?: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

type Params = { query?: unknown; extensions?: Record<string, unknown> } & Record<string, unknown>;

/** Hash → document, least recently used first (a Map keeps insertion order). */
export class PersistedQueryCache {
  private readonly docs = new Map<string, string>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  get(hash: string): string | undefined {
    const doc = this.docs.get(hash);
    if (doc !== undefined) {
      this.docs.delete(hash);
      this.docs.set(hash, doc);
    }
    return doc;
  }

  set(hash: string, doc: string): void {
    if (doc.length > this.maxChars) return;
    if (this.docs.has(hash)) return void this.get(hash);
    this.docs.set(hash, doc);
    this.chars += doc.length;
    for (const [oldest, old] of this.docs) {
      if (this.docs.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.docs.delete(oldest);
      this.chars -= old.length;
    }
  }

  get size(): number {
    return this.docs.size;
  }
}

function apqError(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** A `documentId` (top level or in extensions) sent without a document: the caller has none under it. */
function unregisteredDocumentId(p: Params): GraphQLError | null {
  const id = p['documentId'] ?? p.extensions?.['documentId'];
  if (id === undefined || id === null || (typeof p.query === 'string' && p.query)) return null;
  const shown = typeof id === 'string' ? id.slice(0, 200) : JSON.stringify(id).slice(0, 200);
  return apqError(`no document "${shown}" is registered for this caller`, 'PERSISTED_QUERY_NOT_FOUND');
}

export function useAutomaticPersistedQueries(opts: AutomaticPersistedQueriesOptions = {}): GatewayPlugin {
  const cache = new PersistedQueryCache(opts.maxEntries ?? 1_000, opts.maxChars ?? 5_000_000);
  return {
    onParams({ params, setParams }) {
      const p = params as Params;
      const unregistered = unregisteredDocumentId(p);
      if (unregistered) throw unregistered;
      const pq = p.extensions?.['persistedQuery'];
      if (typeof pq !== 'object' || pq === null) return;
      const { version, sha256Hash } = pq as { version?: unknown; sha256Hash?: unknown };
      if (version !== 1 || typeof sha256Hash !== 'string')
        throw apqError('persistedQuery needs version 1 and a sha256Hash', 'PERSISTED_QUERY_NOT_SUPPORTED');
      const hash = sha256Hash.toLowerCase();
      if (typeof p.query === 'string' && p.query) {
        if (createHash('sha256').update(p.query).digest('hex') !== hash)
          throw apqError('provided sha256Hash does not match the query', 'BAD_USER_INPUT');
        cache.set(hash, p.query);
        return;
      }
      const query = SHA256.test(hash) ? cache.get(hash) : undefined;
      // the message is what older Apollo links match on; newer ones read the code
      if (query === undefined) throw apqError('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
      setParams({ ...p, query });
    },
  };
}
