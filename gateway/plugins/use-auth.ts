/**
 * Authentication: resolves the principal from `Authorization: Bearer` / `X-Api-Key` (HTTP) or the
 * graphql-ws connection params, signs the short-lived context token the subgraphs require, and lets
 * anonymous callers run introspection only (the portal documents the API from it).
 */
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ContextTokenCodec } from '../../core/context-token';
import { DomainError } from '../../core/errors';
import type { Principal } from '../../core/principal';
import type { PrincipalResolver, Credentials } from '../principal-resolver';

export interface AuthContext {
  principal?: Principal | null;
  contextToken?: string;
}

export interface AuthPluginOptions {
  resolver: PrincipalResolver;
  codec: ContextTokenCodec;
}

function credentialsFrom(ctx: {
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
  return new GraphQLError(err.message, { extensions: { code: err.code, http: { status } } });
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
  // API-key principals are cached objects, so their signed context token can be reused for half its
  // lifetime instead of signing one per request.
  const tokens = new WeakMap<Principal, { token: string; renewAt: number }>();
  const reuseMs = (opts.codec.ttlSeconds * 1000) / 2;
  const contextToken = async (principal: Principal): Promise<string> => {
    const now = Date.now();
    const hit = tokens.get(principal);
    if (hit && hit.renewAt > now) return hit.token;
    const token = await opts.codec.sign(principal);
    tokens.set(principal, { token, renewAt: now + reuseMs });
    return token;
  };
  return {
    async onContextBuilding({ context, extendContext }) {
      let principal: Principal | null;
      try {
        principal = await opts.resolver.resolve(credentialsFrom(context));
      } catch (err) {
        if (err instanceof DomainError) throw authError(err);
        throw err;
      }
      extendContext({
        principal,
        contextToken: principal ? await contextToken(principal) : undefined,
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
