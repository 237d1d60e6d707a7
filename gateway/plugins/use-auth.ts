/**
 * Authentication: resolves the principal from `Authorization: Bearer` / `X-Api-Key` (HTTP) or the
 * graphql-ws connection params, signs the short-lived context token the subgraphs require, and lets
 * anonymous callers run introspection only (the portal documents the API from it) — in production not even
 * that, except `{ __typename }`, which reveals nothing.
 */
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { DomainError } from '../../core/errors';
import type { Principal } from '../../core/principal';
import type { ContextTokens } from '../context-tokens';
import type { PrincipalResolver, Credentials } from '../principal-resolver';
import { WS_CLOSE_UNAUTHORIZED } from '../subscription-registry';

export interface AuthContext {
  principal?: Principal | null;
  contextToken?: string;
  /** The bearer token's `iat` / `exp` (epoch ms); null for an API key. */
  credential?: { issuedAt: number | null; expiresAt: number | null };
  /** The graphql-ws socket the operation came on (set by the gateway's WebSocket server). */
  socket?: { close(code: number, reason: string): void };
}

export interface AuthPluginOptions {
  resolver: PrincipalResolver;
  tokens: ContextTokens;
  /** Anonymous callers may introspect (default true); false in production (INTROSPECTION=authenticated). */
  anonymousIntrospection?: boolean;
}

export function credentialsFrom(ctx: {
  request?: Request;
  connectionParams?: Record<string, unknown>;
}): Credentials {
  const cp = ctx.connectionParams;
  if (cp) {
    const pick = (...names: string[]) => {
      for (const n of names) if (typeof cp[n] === 'string') return cp[n] as string;
      return null;
    };
    return {
      authorization: pick('authorization', 'Authorization'),
      apiKey: pick('x-api-key', 'apiKey', 'X-Api-Key'),
    };
  }
  return {
    authorization: ctx.request?.headers.get('authorization'),
    apiKey: ctx.request?.headers.get('x-api-key'),
  };
}

export function authError(err: DomainError): GraphQLError {
  const status = err.code === 'UNAUTHENTICATED' ? 401 : err.code === 'FORBIDDEN' ? 403 : 503;
  return new GraphQLError(err.message, {
    extensions: { ...err.extensions, code: err.code, http: { status } },
  });
}

/** The root fields of every query of the document; null when something else is there (a fragment, a mutation). */
function rootFieldNames(doc: DocumentNode): string[] | null {
  const names: string[] = [];
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (d.operation !== 'query') return null;
    for (const s of d.selectionSet.selections) {
      if (s.kind !== Kind.FIELD) return null;
      names.push(s.name.value);
    }
  }
  return names;
}

/** Only meta fields (`__schema`, `__type`, `__typename`): allowed without credentials. */
export function isPublicOperation(doc: DocumentNode): boolean {
  return rootFieldNames(doc)?.every((name) => name.startsWith('__')) ?? false;
}

/**
 * Does the document introspect the schema (`__schema` / `__type`)? `{ __typename }` alone does not: it
 * names the root type and nothing more (clients and load balancers use it as a ping).
 */
export function isIntrospection(doc: DocumentNode): boolean {
  return rootFieldNames(doc)?.some((name) => name === '__schema' || name === '__type') ?? false;
}

export function useAuth(opts: AuthPluginOptions): GatewayPlugin<AuthContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      let resolved;
      try {
        resolved = await opts.resolver.resolveCredential(credentialsFrom(context));
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        // the socket's credential is dead (expired, revoked): so is every operation on it
        const socket = (context as AuthContext).socket;
        if (socket && err.code === 'UNAUTHENTICATED') socket.close(WS_CLOSE_UNAUTHORIZED, err.message);
        throw authError(err);
      }
      const principal = resolved?.principal ?? null;
      extendContext({
        principal,
        // API-key principals are cached objects: their token is reused for half its lifetime
        contextToken: principal ? await opts.tokens.for(principal) : undefined,
        credential: resolved ? { issuedAt: resolved.issuedAt, expiresAt: resolved.expiresAt } : undefined,
      });
    },
    onExecute({ args }) {
      const ctx = args.contextValue as AuthContext;
      if (ctx.principal) return;
      if (!isPublicOperation(args.document)) {
        throw new GraphQLError('authentication required', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
      if (opts.anonymousIntrospection === false && isIntrospection(args.document)) {
        throw new GraphQLError('introspection requires an API key or a bearer token on this gateway', {
          extensions: {
            code: 'UNAUTHENTICATED',
            reason: 'INTROSPECTION_REQUIRES_AUTH',
            http: { status: 401 },
          },
        });
      }
    },
    onSubscribe({ args }) {
      const ctx = args.contextValue as AuthContext;
      if (!ctx.principal) {
        throw new GraphQLError('authentication required', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
        });
      }
    },
  };
}
