/**
 * The visitor's credential for the explorer: an API key (sent as `X-Api-Key`) or a member's access token
 * (sent as `Authorization: Bearer …`), kept in this tab's sessionStorage only. Over graphql-ws the same
 * credential goes in the connection params the gateway reads (`x-api-key` / `authorization`).
 */
export type CredentialKind = 'api-key' | 'bearer';

export interface Credential {
  kind: CredentialKind;
  value: string;
}

const KEY = 'portal.explorer.credential';

export function loadCredential(): Credential | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Credential>;
    if (
      (parsed.kind === 'api-key' || parsed.kind === 'bearer') &&
      typeof parsed.value === 'string' &&
      parsed.value
    ) {
      return { kind: parsed.kind, value: parsed.value };
    }
  } catch {
    // storage unavailable or a value we did not write: no credential
  }
  return null;
}

export function saveCredential(credential: Credential | null): void {
  try {
    if (credential) sessionStorage.setItem(KEY, JSON.stringify(credential));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable (private mode): the credential lives until the page is left
  }
}

/** The token without a pasted `Bearer ` prefix. */
const bare = (c: Credential) => c.value.trim().replace(/^Bearer\s+/i, '');

/** HTTP headers for the credential. */
export function credentialHeaders(c: Credential | null): Record<string, string> {
  if (!c) return {};
  return c.kind === 'bearer' ? { authorization: `Bearer ${bare(c)}` } : { 'x-api-key': bare(c) };
}

/** graphql-ws connection params for the credential (the names gateway/websocket-server.ts reads). */
export function credentialConnectionParams(c: Credential | null): Record<string, string> {
  return credentialHeaders(c);
}

/** A readable summary for the status line; never the secret itself. */
export function describeCredential(c: Credential | null): string {
  if (!c) return 'No credential: the schema is documented; add one to run operations.';
  return c.kind === 'bearer'
    ? 'Using your bearer token (Authorization header, graphql-ws connection params).'
    : 'Using your API key (X-Api-Key header, graphql-ws connection params).';
}
