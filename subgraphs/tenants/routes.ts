/**
 * Internal HTTP routes. `POST /internal/api-keys/resolve` (gateway only): `{ keyHash }` → `200 { principal }`
 * or `404 { error: "unknown_key" }`. `POST /internal/subjects/revocation` (gateway only):
 * `{ tenantId, subject }` → `200 { revokedAt: ISO | null }` (a removed member's access tokens). The caller
 * must present a context token whose subject is exactly `service:gateway`; anything else is 401.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SUBJECT_REVOCATION_PATH } from '../../core/access-token';
import { RESOLVE_API_KEY_PATH } from '../../core/api-key';
import { CONTEXT_HEADER } from '../../core/context-token';
import { BodyTooLargeError, readBody, sendJson } from '../../core/server/http-util';
import type { SubgraphDeps } from '../../core/server/subgraph-module';
import type { RouteHandler } from '../../core/server/subgraph-server';
import { resolveApiKey } from './service/api-key-resolution';
import { subjectRevokedAt } from './service/revoked-subjects';

export const GATEWAY_SUBJECT = 'service:gateway';
const MAX_BODY_BYTES = 4096;
const KEY_HASH = /^[0-9a-f]{64}$/;

async function isGateway(deps: SubgraphDeps, req: IncomingMessage): Promise<boolean> {
  try {
    const caller = await deps.codec.verify(req.headers[CONTEXT_HEADER] as string | undefined);
    return caller.subject === GATEWAY_SUBJECT;
  } catch {
    return false;
  }
}

async function readKeyHash(req: IncomingMessage): Promise<string | null> {
  const raw = await readBody(req, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
  const keyHash =
    typeof body === 'object' && body !== null ? (body as { keyHash?: unknown }).keyHash : undefined;
  if (typeof keyHash !== 'string') return null;
  const normalized = keyHash.toLowerCase();
  return KEY_HASH.test(normalized) ? normalized : null;
}

/**
 * One gateway-only `POST path` route: method and caller checked, the body parsed by `read` (null = 400 with
 * `usage`; too large = 413), then `answer` writes the response.
 */
function gatewayPostRoute<T>(
  deps: SubgraphDeps,
  spec: {
    path: string;
    usage: string;
    read(req: IncomingMessage): Promise<T | null>;
    answer(input: T, res: ServerResponse): Promise<void>;
  },
): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? '/').split('?')[0] !== spec.path) return false;
    if (req.method !== 'POST') {
      sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'POST' });
      return true;
    }
    if (!(await isGateway(deps, req))) {
      sendJson(res, 401, { error: 'unauthenticated' });
      return true;
    }
    let input: T | null;
    try {
      input = await spec.read(req);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      sendJson(res, 413, { error: 'payload_too_large' });
      return true;
    }
    if (input === null) sendJson(res, 400, { error: 'bad_request', message: spec.usage });
    else await spec.answer(input, res);
    return true;
  };
}

export function resolveApiKeyRoute(deps: SubgraphDeps): RouteHandler {
  return gatewayPostRoute(deps, {
    path: RESOLVE_API_KEY_PATH,
    usage: 'body must be {"keyHash": "<64 hex>"}',
    read: readKeyHash,
    async answer(keyHash, res) {
      const principal = await resolveApiKey(deps.orm, keyHash);
      if (!principal) sendJson(res, 404, { error: 'unknown_key' });
      else sendJson(res, 200, { principal });
    },
  });
}

/** `{ tenantId, subject }` as ids of sane length, or null. */
async function readSubject(req: IncomingMessage): Promise<{ tenantId: string; subject: string } | null> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
  } catch (err) {
    if (err instanceof BodyTooLargeError) throw err;
    return null;
  }
  const { tenantId, subject } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const sane = (v: unknown, max: number): v is string =>
    typeof v === 'string' && v.length > 0 && v.length <= max;
  return sane(tenantId, 36) && sane(subject, 200) ? { tenantId, subject } : null;
}

export function subjectRevocationRoute(deps: SubgraphDeps): RouteHandler {
  return gatewayPostRoute(deps, {
    path: SUBJECT_REVOCATION_PATH,
    usage: 'body must be {"tenantId": "…", "subject": "…"}',
    read: readSubject,
    async answer(ref, res) {
      const revokedAt = await subjectRevokedAt(deps.orm, ref.tenantId, ref.subject);
      sendJson(res, 200, { revokedAt: revokedAt?.toISOString() ?? null });
    },
  });
}

export function tenantsRoutes(deps: SubgraphDeps): RouteHandler[] {
  return [resolveApiKeyRoute(deps), subjectRevocationRoute(deps)];
}
