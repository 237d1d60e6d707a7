/**
 * Subscriptions last no longer than the credential that opened them. Each subscription is registered with
 * its principal and its bearer token's `iat`/`exp` (subscription-registry.ts); when the key is revoked, the
 * member removed or the token expires, a graphql-ws subscription's socket is closed (4403 / 4401: every
 * operation on a socket shares its connection params, so the socket's credential is what ended), and any
 * other subscription (SSE) gets an UNAUTHENTICATED error and completes. Either way the upstream
 * subscription is returned.
 */
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { endableStream } from '../endable-stream';
import type { SubscriptionRegistry } from '../subscription-registry';
import type { AuthContext } from './use-auth';

export interface CredentialLifetimeOptions {
  registry: SubscriptionRegistry;
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function endedResult(reason: string): ExecutionResult {
  const error = new GraphQLError(`subscription ended: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED' },
  });
  return { errors: [error] };
}

export function useCredentialLifetime(opts: CredentialLifetimeOptions): GatewayPlugin<AuthContext> {
  return {
    onSubscribe({ args }) {
      const ctx = args.contextValue as AuthContext;
      const principal = ctx.principal;
      if (!principal) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (!isAsyncIterable<ExecutionResult>(result)) return;
          let remove: () => void = () => undefined;
          const stream = endableStream(result, () => remove());
          remove = opts.registry.add({
            principal,
            issuedAt: ctx.credential?.issuedAt ?? null,
            expiresAt: ctx.credential?.expiresAt ?? null,
            end(code, reason) {
              if (ctx.socket) ctx.socket.close(code, reason);
              else stream.end(endedResult(reason));
            },
          });
          setResult(stream);
        },
      };
    },
  };
}
