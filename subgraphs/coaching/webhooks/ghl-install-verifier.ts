/**
 * Proof that a tenant installed the GoHighLevel app on a location: the OAuth authorization code GoHighLevel
 * hands to whoever installs the app (its redirect), exchanged server to server with the app's client
 * credentials. GoHighLevel's answer names the location (and company) the installer chose; only someone who
 * administers that location in GoHighLevel can obtain such a code, so a tenant that merely registered
 * another tenant's GHL id cannot produce one. The tokens in the answer are not kept: routing needs only
 * the location id.
 */
import { BadUserInputError, UpstreamUnavailableError } from '../../../core/errors';

export interface GhlInstallProof {
  ghlLocationId: string;
  companyId: string | null;
}

export interface GhlInstallVerifier {
  readonly configured: boolean;
  /** The location the code was issued for; BAD_USER_INPUT when GoHighLevel refuses the code. */
  verify(code: string): Promise<GhlInstallProof>;
}

export interface GhlOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Default https://services.leadconnectorhq.com/oauth/token. */
  tokenUrl?: string;
  /** The redirect URI registered for the app, when GoHighLevel requires it with the exchange. */
  redirectUri?: string;
  timeoutMs?: number;
}

export const GHL_TOKEN_URL = 'https://services.leadconnectorhq.com/oauth/token';

export class GhlOAuthInstallVerifier implements GhlInstallVerifier {
  readonly configured = true;
  constructor(private readonly opts: GhlOAuthOptions) {}

  async verify(code: string): Promise<GhlInstallProof> {
    const form = new URLSearchParams({
      client_id: this.opts.clientId,
      client_secret: this.opts.clientSecret,
      grant_type: 'authorization_code',
      code,
      user_type: 'Location',
      ...(this.opts.redirectUri ? { redirect_uri: this.opts.redirectUri } : {}),
    });
    let res: Response;
    try {
      res = await fetch(this.opts.tokenUrl ?? GHL_TOKEN_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
    } catch {
      throw new UpstreamUnavailableError('GoHighLevel did not answer the code exchange; try again');
    }
    if (res.status >= 500 || res.status === 429)
      throw new UpstreamUnavailableError('GoHighLevel could not exchange the code now; try again');
    const body = (await res.json().catch(() => null)) as Record<string, unknown> | null;
    if (!res.ok || !body)
      throw new BadUserInputError(
        'code',
        'GoHighLevel did not accept the code (expired, used or not for this app)',
      );
    const locationId = body['locationId'];
    if (typeof locationId !== 'string' || locationId === '')
      throw new BadUserInputError('code', 'the code is not for a location: install the app on a location');
    const companyId = body['companyId'];
    return {
      ghlLocationId: locationId,
      companyId: typeof companyId === 'string' && companyId ? companyId : null,
    };
  }
}

/** Without app credentials no installation can be proved (fail closed, with a clear message). */
export const unconfiguredInstallVerifier: GhlInstallVerifier = {
  configured: false,
  async verify(): Promise<GhlInstallProof> {
    throw new UpstreamUnavailableError(
      'GoHighLevel app credentials are not configured on this platform (GHL_CLIENT_ID, GHL_CLIENT_SECRET)',
    );
  },
};
