/**
 * The gateway's side of the credential-service contract (core/credential-service.ts): POSTs to the
 * configured service with the credential-service credential — never a context token. The service is
 * known only by its URL; which subgraph (if any) implements it is not the gateway's business.
 */
import {
  CredentialServiceCredential,
  CredentialServiceError,
  RESOLVE_API_KEY_PATH,
  SUBJECT_REVOCATION_PATH,
} from '../core/credential-service';
import { parsePrincipal } from '../core/context-token';
import { UnauthenticatedError, UpstreamUnavailableError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Principal } from '../core/principal';

export interface CredentialServiceOptions {
  /** Base URL of the credential service (e.g. http://tenants:4001); the routes' paths are absolute. */
  url: string;
  /** The credential-service secret (CREDENTIAL_SERVICE_SECRET), shared with that service only. */
  secret: string;
}

/** Why an API key or a bearer token was refused: `extensions.reason` of the 401. */
export const AuthFailure = {
  apiKeyMalformed: 'API_KEY_MALFORMED',
  apiKeyUnknown: 'API_KEY_UNKNOWN',
  apiKeysNotConfigured: 'API_KEYS_NOT_CONFIGURED',
  credentialServiceRefused: 'CREDENTIAL_SERVICE_REFUSED',
} as const;

export class CredentialServiceClient {
  private readonly credential: CredentialServiceCredential;

  constructor(
    private readonly opts: CredentialServiceOptions,
    private readonly logger?: Logger,
  ) {
    this.credential = new CredentialServiceCredential(opts.secret);
  }

  /** The key's principal, or null for an unknown or revoked key. */
  async resolveApiKey(keyHash: string): Promise<Principal | null> {
    const res = await this.post(RESOLVE_API_KEY_PATH, { keyHash });
    if (res.status === 404) return null;
    const body = (await res.json()) as { principal?: unknown };
    return parsePrincipal(body.principal);
  }

  /** When the subject's access tokens were revoked (epoch ms), or null. */
  async subjectRevokedAt(tenantId: string, subject: string): Promise<number | null> {
    const res = await this.post(SUBJECT_REVOCATION_PATH, { tenantId, subject });
    const { revokedAt } = (await res.json()) as { revokedAt?: unknown };
    const at = typeof revokedAt === 'string' ? Date.parse(revokedAt) : NaN;
    return Number.isNaN(at) ? null : at;
  }

  /**
   * 200 or 404; a refused credential is a 401 for the caller (misconfiguration, logged), the rest 503. Both
   * lookups are reads, so an unreachable service or a 5xx is tried once more before the caller is refused:
   * one slow moment of the service should not fail a partner's request.
   */
  private async post(path: string, body: unknown): Promise<Response> {
    const first = await this.attempt(path, body);
    if (first) return first;
    const second = await this.attempt(path, body);
    if (second) return second;
    throw new UpstreamUnavailableError('credential service unavailable');
  }

  /** One call: the answer, or null when the service was unreachable or failed (logged). */
  private async attempt(path: string, body: unknown): Promise<Response | null> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.opts.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await this.credential.authorization() },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
    } catch (err) {
      this.logger?.warn({ url: this.opts.url, path, err }, 'credential service unreachable');
      return null;
    }
    if (res.ok || res.status === 404) return res;
    if (res.status === 401) await this.refused(res);
    await res.body?.cancel();
    this.logger?.warn({ url: this.opts.url, path, status: res.status }, 'credential service failed');
    return null;
  }

  private async refused(res: Response): Promise<never> {
    const { error } = (await res.json().catch(() => ({}))) as { error?: unknown };
    this.logger?.error(
      { url: this.opts.url, error },
      error === CredentialServiceError.notConfigured
        ? 'the credential service has no CREDENTIAL_SERVICE_SECRET'
        : "the credential service refused this gateway's CREDENTIAL_SERVICE_SECRET",
    );
    throw new UnauthenticatedError(
      'credentials cannot be checked: the credential service refused this gateway',
      {
        reason: AuthFailure.credentialServiceRefused,
      },
    );
  }
}
