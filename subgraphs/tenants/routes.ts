/**
 * The tenants subgraph is this platform's credential service: it serves the internal routes of
 * core/credential-service.ts (API-key resolution, subject revocation) to gateways holding the
 * credential-service secret (`config.credentialService.secret`). A context token — whatever its principal
 * or subject — is not that credential and is refused (401), like a missing or wrong one; a service
 * configured without the secret refuses every caller (401 `not_configured`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CredentialServiceCredential,
  CredentialServiceError,
  RESOLVE_API_KEY_PATH,
  SUBJECT_REVOCATION_PATH,
} from '../../core/credential-service';
import { BodyTooLargeError, readBody, sendJson } from '../../core/server/http-util';
import type { SubgraphDeps } from '../../core/server/subgraph-module';
import type { RouteHandler } from '../../core/server/subgraph-server';
import { resolveApiKey } from './service/api-key-resolution';
import { subjectRevokedAt } from './service/revoked-subjects';

/** What the internal routes use of a subgraph's deps. */
export type RouteDeps = Pick<SubgraphDeps, 'config' | 'orm'>;

const MAX_BODY_BYTES = 4096;
const KEY_HASH = /^[0-9a-f]{64}$/;

/** Why the caller is refused (401), or null when it presented the credential-service credential. */
async function refusal(
  credential: CredentialServiceCredential | null,
  req: IncomingMessage,
): Promise<string | null> {
  if (!credential) return CredentialServiceError.notConfigured;
  return (await credential.accepts(req.headers.authorization))
    ? null
    : CredentialServiceError.unauthenticated;
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
  credential: CredentialServiceCredential | null,
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
    const refused = await refusal(credential, req);
    if (refused) {
      sendJson(res, 401, { error: refused });
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
    if (input === null) sendJson(res, 400, { error: CredentialServiceError.badRequest, message: spec.usage });
    else await spec.answer(input, res);
    return true;
  };
}

function resolveApiKeyRoute(deps: RouteDeps, credential: CredentialServiceCredential | null): RouteHandler {
  return gatewayPostRoute(credential, {
    path: RESOLVE_API_KEY_PATH,
    usage: 'body must be {"keyHash": "<64 hex>"}',
    read: readKeyHash,
    async answer(keyHash, res) {
      const principal = await resolveApiKey(deps.orm, keyHash);
      if (!principal) sendJson(res, 404, { error: CredentialServiceError.unknownKey });
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

function subjectRevocationRoute(
  deps: RouteDeps,
  credential: CredentialServiceCredential | null,
): RouteHandler {
  return gatewayPostRoute(credential, {
    path: SUBJECT_REVOCATION_PATH,
    usage: 'body must be {"tenantId": "…", "subject": "…"}',
    read: readSubject,
    async answer(ref, res) {
      const revokedAt = await subjectRevokedAt(deps.orm, ref.tenantId, ref.subject);
      sendJson(res, 200, { revokedAt: revokedAt?.toISOString() ?? null });
    },
  });
}

export function tenantsRoutes(deps: RouteDeps): RouteHandler[] {
  const secret = deps.config.credentialService.secret;
  const credential = secret ? new CredentialServiceCredential(secret) : null;
  return [resolveApiKeyRoute(deps, credential), subjectRevocationRoute(deps, credential)];
}
