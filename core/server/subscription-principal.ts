/**
 * Whose subscription it is, on a subgraph's graphql-ws server (core/server/subscription-server.ts).
 * A direct connection carries one caller's signed context token in its connection params, verified once
 * when it opens: every subscription on it is that caller's. A multiplexed connection (the gateway's, one per
 * gateway process and subgraph: `{ "x-gateway-mux": "1" }`) carries no principal of its own: each subscribe
 * brings its caller's token in `payload.extensions`, verified for that subscription alone. Without this the
 * gateway opened one upstream connection per client socket and token (10,000 subscribers, 10,000 sockets).
 * The principal is never taken from a mux connection, nor from a subscribe's extensions on a direct one:
 * one caller's subscription can never run as another's.
 */
import { CONTEXT_HEADER, type ContextTokenCodec } from '../context-token';
import { UnauthenticatedError } from '../errors';
import type { Principal } from '../principal';

/** The connection param that makes a graphql-ws connection a multiplexed one (set by the gateway). */
export const MUX_CONNECTION_PARAM = 'x-gateway-mux';

export function isMuxConnection(params: Readonly<Record<string, unknown>> | undefined): boolean {
  return params?.[MUX_CONNECTION_PARAM] === '1';
}

/** The context token in connection params: top level or under `headers`. */
export function tokenFrom(params: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!params) return null;
  const direct = params[CONTEXT_HEADER];
  if (typeof direct === 'string') return direct;
  const headers = params['headers'];
  if (typeof headers === 'object' && headers !== null) {
    const nested = (headers as Record<string, unknown>)[CONTEXT_HEADER];
    if (typeof nested === 'string') return nested;
  }
  return null;
}

/**
 * The principal one subscribe runs as: the connection's on a direct connection; on a mux connection the one
 * of the token in the subscribe's own extensions, or null when it is missing, expired or forged.
 */
export async function subscriptionPrincipal(
  codec: ContextTokenCodec,
  connection: { principal?: Principal; mux?: boolean },
  extensions: Readonly<Record<string, unknown>> | null | undefined,
): Promise<Principal | null> {
  if (!connection.mux) return connection.principal ?? null;
  const token = extensions?.[CONTEXT_HEADER];
  try {
    return await codec.verify(typeof token === 'string' ? token : null);
  } catch (err) {
    if (err instanceof UnauthenticatedError) return null;
    throw err;
  }
}
