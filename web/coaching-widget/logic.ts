/**
 * The widget's small pure rules (no DOM): where the API is, how the token is sent, how long to wait before
 * reconnecting, which text colour is readable on the brand colour, and what the qualification adds up to.
 */

export interface Endpoints {
  http: string;
  ws: string;
}

/**
 * The GraphQL endpoint: the `endpoint` attribute (resolved against the page) or, by default, `/graphql` on
 * the origin the widget's script came from; the WebSocket URL is the same with ws/wss.
 */
export function resolveEndpoints(
  attribute: string | null,
  scriptSrc: string | null,
  pageUrl: string,
): Endpoints {
  const http = attribute
    ? new URL(attribute, pageUrl)
    : new URL('/graphql', scriptSrc ? new URL(scriptSrc, pageUrl) : pageUrl);
  const ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : http.protocol === 'http:' ? 'ws:' : http.protocol;
  return { http: http.href, ws: ws.href };
}

/** Is the token a JWT (three base64url parts)? Anything else is an API key. */
export function isJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

function bare(token: string): string {
  return token.trim().replace(/^Bearer\s+/i, '');
}

/** HTTP headers carrying the credential: `Authorization: Bearer <jwt>` or `X-Api-Key: <key>`. */
export function credentialHeaders(token: string): Record<string, string> {
  const t = bare(token);
  return isJwt(t) ? { authorization: `Bearer ${t}` } : { 'x-api-key': t };
}

/** graphql-ws connectionParams, named as the gateway reads them (`authorization` or `x-api-key`). */
export function connectionParams(token: string): Record<string, string> {
  return credentialHeaders(token);
}

/**
 * Exponential backoff with jitter: attempt 0 waits 0.5–1 s (half fixed, half random), doubling up to a cap
 * of 15–30 s. `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number, baseMs = 1000, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** An error as the retry rules see it: the API's code and, for RATE_LIMITED, how long to wait. */
export interface FailureInfo {
  code: string;
  retryAfterSeconds?: number | null;
}

/** Stop with a reason, or try again after `waitMs`. */
export type RetryDecision = { stop: 'credential' | 'input' | 'not-found' } | { waitMs: number };

/** Codes that another try cannot fix: the credential, or the request itself (a malformed session id). */
const STOP: Record<string, 'credential' | 'input'> = {
  UNAUTHENTICATED: 'credential',
  FORBIDDEN: 'credential',
  BAD_USER_INPUT: 'input',
  GRAPHQL_VALIDATION_FAILED: 'input',
  GRAPHQL_PARSE_FAILED: 'input',
};

/**
 * When to try again. Every failure doubles the wait (0.5–1 s, 1–2 s, … up to 15–30 s); RATE_LIMITED waits
 * at least what the API asked (`retryAfterSeconds`) plus up to 1 s of jitter; NOT_FOUND is tried a few
 * times (a session started a moment ago may not have reached coaching yet), then stops. The count is reset
 * only by `healthy()` (the subscription delivered an event or stayed open a while), never by a connect:
 * a socket that opens and is refused at once must not retry at the first step's pace forever.
 */
/** Codes whose `retryAfterSeconds` the widget honours before it subscribes again. */
const WAIT_AS_ASKED = new Set(['RATE_LIMITED', 'SUBSCRIPTION_UPSTREAM_CLOSED']);

export class RetryPolicy {
  private failures = 0;
  private notFound = 0;

  constructor(private readonly notFoundRetries = 3) {}

  healthy(): void {
    this.failures = 0;
    this.notFound = 0;
  }

  decide(err: FailureInfo, random: number): RetryDecision {
    const stop = STOP[err.code];
    if (stop) return { stop };
    if (err.code === 'NOT_FOUND' && this.notFound++ >= this.notFoundRetries) return { stop: 'not-found' };
    const backoff = backoffMs(this.failures++, random);
    // the API's own wait: a rate limit, or a subscription whose service restarted (subscribe again, with since)
    const asked = WAIT_AS_ASKED.has(err.code) ? (err.retryAfterSeconds ?? 0) * 1000 : 0;
    return { waitMs: asked > 0 ? Math.max(backoff, asked + Math.round(1000 * random)) : backoff };
  }
}

/** Close codes after which retrying cannot help: the credential is missing, wrong or not allowed. */
export function isAuthClose(code: number | undefined): boolean {
  return code === 4401 || code === 4403;
}

/** `#rgb` or `#rrggbb` → `#rrggbb` (lowercase), anything else → null. */
export function normalizeHex(color: string | null | undefined): string | null {
  if (!color) return null;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return `#${h.toLowerCase()}`;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or black text (one of them always reaches 4.58:1), whichever reads better on `background`. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}

export interface QualificationSlotsValue {
  [slot: string]: unknown;
}

export interface QualificationValue {
  score: number;
  missing: string[];
  nextQuestion: string | null;
  slots: QualificationSlotsValue;
}

export interface QualificationSummary {
  /** 0–100, as the API scores it for the agent's role. */
  score: number;
  /** How many of the role's slots are still missing (the API's `missing`). */
  missing: number;
  nextQuestion: string | null;
}

/**
 * What the API says, as it says it: the score and how many of the slots that apply to the agent's role are
 * still missing. (Counting the known slots here would count ones that do not apply to the role, e.g. a
 * buyer's budget in a listing agent's session, and disagree with the score.)
 */
export function summarizeQualification(
  q: QualificationValue | null | undefined,
): QualificationSummary | null {
  if (!q) return null;
  return { score: q.score, missing: q.missing.length, nextQuestion: q.nextQuestion };
}

/** The widget's line for a summary, e.g. "Qualification: 40% · 3 slots to ask about". */
export function qualificationText(q: QualificationSummary): string {
  const rest =
    q.missing === 0 ? 'nothing left to ask' : `${q.missing} slot${q.missing === 1 ? '' : 's'} to ask about`;
  return `Qualification: ${q.score}% · ${rest}`;
}

/** `OBJECTION_HANDLING` → `Objection handling`. */
export function humanize(code: string): string {
  const words = code.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
