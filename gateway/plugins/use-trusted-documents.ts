/**
 * Trusted documents per API key (gateway/trusted-documents.ts): a restricted key sends a document's id —
 * `extensions.persistedQuery.sha256Hash` (Apollo's automatic persisted queries) or `documentId` — and the
 * gateway runs the document that key registered under it. An id the key never registered is
 * PERSISTED_QUERY_NOT_FOUND, a document sent as text is PERSISTED_QUERY_ONLY, both HTTP 400 before any
 * parsing or subgraph call. Keys not in the manifest and bearer tokens are untouched.
 *
 * Runs in `onParams`, before the context is built, so it resolves the key itself: the resolver's cache
 * (keyed by the key's hash) answers, and the auth plugin later answers a bad key with its usual 401. It
 * runs for graphql-ws too (the runtime sends every subscribe through the same params pipeline).
 */
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { PrincipalResolver } from '../principal-resolver';
import type { TrustedDocuments } from '../trusted-documents';
import { credentialsFrom } from './use-auth';

export interface TrustedDocumentsPluginOptions {
  documents: TrustedDocuments;
  resolver: PrincipalResolver;
}

type Params = { query?: string; extensions?: Record<string, unknown> } & Record<string, unknown>;

/** The id a client sent: `extensions.persistedQuery.sha256Hash` or a top-level / extensions `documentId`. */
export function documentIdOf(params: Params): string | undefined {
  const pq = params.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
  for (const candidate of [pq?.sha256Hash, params['documentId'], params.extensions?.['documentId']])
    if (typeof candidate === 'string' && candidate) return candidate;
  return undefined;
}

function refused(code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_ONLY', message: string) {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

async function apiKeyIdOf(
  resolver: PrincipalResolver,
  request: Request,
  context: { connectionParams?: Record<string, unknown> },
): Promise<string | undefined> {
  const creds = credentialsFrom({ request, connectionParams: context.connectionParams });
  if (creds.authorization?.trim() || !creds.apiKey?.trim()) return undefined;
  try {
    return (await resolver.resolve(creds))?.apiKeyId;
  } catch {
    return undefined; // a bad key: the auth plugin answers it with 401
  }
}

export function useTrustedDocuments(opts: TrustedDocumentsPluginOptions): GatewayPlugin {
  return {
    async onParams({ request, params, setParams, context }) {
      if (opts.documents.keyCount === 0) return;
      const keyId = await apiKeyIdOf(opts.resolver, request, context as never);
      if (!keyId || !opts.documents.restricts(keyId)) return;
      const p = params as Params;
      const id = documentIdOf(p);
      if (!id) {
        throw refused(
          'PERSISTED_QUERY_ONLY',
          'this API key runs registered documents only: send the document id in ' +
            'extensions.persistedQuery.sha256Hash or documentId, not the document',
        );
      }
      const query = opts.documents.find(keyId, id);
      if (!query)
        throw refused('PERSISTED_QUERY_NOT_FOUND', `no document "${id}" is registered for this API key`);
      // `documentId` is not a GraphQL-over-HTTP parameter: Yoga's check (after this plugin) would refuse it;
      // the id is used up here, so automatic persisted queries (the next plugin) leave the request alone
      const { documentId: _sent, extensions, ...rest } = p;
      const { persistedQuery: _pq, documentId: _extId, ...otherExtensions } = extensions ?? {};
      setParams({ ...rest, extensions: otherExtensions, query });
    },
  };
}
