/**
 * Authentication: resolves the principal from `Authorization: Bearer` / `X-Api-Key` (HTTP) or the
 * graphql-ws connection params, signs the short-lived context token the subgraphs require, and lets
 * anonymous callers run introspection only (the portal documents the API from it).
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

/** Only introspection fields: allowed without credentials. */
export function isPublicOperation(doc: DocumentNode): boolean {
  return doc.definitions.every(
    (d) =>
      d.kind !== Kind.OPERATION_DEFINITION ||
      (d.operation === 'query' &&
        d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))),
  );
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
      if (!ctx.principal && !isPublicOperation(args.document)) {
        throw new GraphQLError('authentication required', {
          extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
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
