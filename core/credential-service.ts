/**
 * The credential-service contract: the internal HTTP routes a gateway calls to turn an API key (its
 * SHA-256) into a principal and to ask whether a subject's access tokens were revoked. A gateway is
 * pointed at a credential service by URL (this platform's tenants subgraph implements it; the gateway
 * does not know that) and holds that service's credential — a secret of its own, shared only by the
 * gateways and the credential service. It is not the context-token secret every subgraph holds: a
 * subgraph's context token (any principal, any subject) cannot call these routes, and a credential token
 * is no context token on GraphQL (another key, another issuer and audience).
 *
 * Every route: `POST`, JSON body, `authorization: Bearer <credential token>` (HS256 JWT under the
 * credential-service secret, issuer `coaching-gateway`, audience `coaching-credential-service`, lives
 * CREDENTIAL_TOKEN_TTL_SECONDS).
 * - `POST /internal/api-keys/resolve` `{ keyHash: "<64 hex>" }` → `200 { principal }` | `404 { error: "unknown_key" }`
 * - `POST /internal/subjects/revocation` `{ tenantId, subject }` → `200 { revokedAt: ISO | null }`
 * - refusals: `401 { error: "unauthenticated" }` (credential missing or wrong), `401 { error: "not_configured" }`
 *   (the service holds no credential secret), `400 { error: "bad_request", message }`, `405`, `413`.
 */
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

export const RESOLVE_API_KEY_PATH = '/internal/api-keys/resolve';
export const SUBJECT_REVOCATION_PATH = '/internal/subjects/revocation';

/** The `error` of a credential-service answer. */
export const CredentialServiceError = {
  unknownKey: 'unknown_key',
  unauthenticated: 'unauthenticated',
  notConfigured: 'not_configured',
  badRequest: 'bad_request',
} as const;

export const CREDENTIAL_TOKEN_TTL_SECONDS = 60;
const ISSUER = 'coaching-gateway';
const AUDIENCE = 'coaching-credential-service';

/** The credential both sides derive from the shared secret: the gateway signs, the service verifies. */
export class CredentialServiceCredential {
  private readonly key: Uint8Array;
  private cached?: { token: string; renewAt: number };

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** `Bearer <token>`; one token is reused for half its lifetime. */
  async authorization(now = Date.now()): Promise<string> {
    if (!this.cached || now >= this.cached.renewAt) {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject('gateway')
        .setIssuedAt()
        .setExpirationTime(Math.ceil(now / 1000) + CREDENTIAL_TOKEN_TTL_SECONDS)
        .sign(this.key);
      this.cached = { token, renewAt: now + (CREDENTIAL_TOKEN_TTL_SECONDS * 1000) / 2 };
    }
    return `Bearer ${this.cached.token}`;
  }

  /** True for a valid, unexpired credential token in an `authorization` header value. */
  async accepts(authorization: string | undefined): Promise<boolean> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!m) return false;
    try {
      await jwtVerify(m[1]!, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      return true;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return false;
      throw err;
    }
  }
}
