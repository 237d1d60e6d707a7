/**
 * `GET /ready`: the gateway is ready when every subgraph of its supergraph answers. Each subgraph's `/ready`
 * (next to its GraphQL path) is probed at once, each probe bounded by `probeTimeoutMs`; one that refuses,
 * hangs or answers 5xx makes the gateway 503 with that service named, so a load balancer or orchestrator
 * stops sending traffic that would only fail. Any other answer (a foreign subgraph without `/ready` says 404)
 * counts as up: the server is there and answering. `/health` stays dependency-free (the runtime's own).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../core/server/http-util';
import type { GatewayRoute } from './http-handler';

export interface ReadinessOptions {
  /** Subgraph GraphQL URLs by name (gateway/supergraph.ts `subgraphUrls`). */
  subgraphs: Record<string, string>;
  /** Bound of one probe, ms (default 2 s). */
  probeTimeoutMs?: number;
  path?: string;
}

export type ProbeOutcome = 'ready' | 'unavailable' | 'timeout' | 'unreachable';

async function probe(graphqlUrl: string, timeoutMs: number): Promise<ProbeOutcome> {
  try {
    const res = await fetch(new URL('/ready', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.status >= 500 ? 'unavailable' : 'ready';
  } catch (err) {
    return (err as Error)?.name === 'TimeoutError' ? 'timeout' : 'unreachable';
  }
}

/** Every subgraph's outcome, probed in parallel. */
export async function probeSubgraphs(opts: ReadinessOptions): Promise<Record<string, ProbeOutcome>> {
  const names = Object.keys(opts.subgraphs);
  const outcomes = await Promise.all(
    names.map((name) => probe(opts.subgraphs[name]!, opts.probeTimeoutMs ?? 2_000)),
  );
  return Object.fromEntries(names.map((name, i) => [name, outcomes[i]!]));
}

export function readinessRoute(opts: ReadinessOptions): GatewayRoute {
  const path = opts.path ?? '/ready';
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== path) return false;
    const subgraphs = await probeSubgraphs(opts);
    const unavailable = Object.keys(subgraphs).filter((name) => subgraphs[name] !== 'ready');
    if (unavailable.length === 0) sendJson(res, 200, { status: 'ready', subgraphs });
    else sendJson(res, 503, { status: 'unavailable', unavailable, subgraphs });
    return true;
  };
}
