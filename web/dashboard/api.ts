/**
 * The dashboard's GraphQL client: one POST per section, with the signed-in credential — a JWT (three
 * dot-separated base64url parts) as `Authorization: Bearer`, anything else as `X-Api-Key`. Failures become
 * an `ApiError` whose `message` is what the page shows: 401 → "credential refused", a missing scope names
 * the scope, other codes say what happened.
 */

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; requiredScope?: string; [key: string]: unknown };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    /** The scope the credential lacks, when the API named one (`extensions.requiredScope`). */
    readonly scope?: string,
  ) {
    super(message);
  }
  /** The credential itself was refused: the page signs out. */
  get refused(): boolean {
    return this.code === 'UNAUTHENTICATED';
  }
}

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function credentialHeaders(credential: string): Record<string, string> {
  return JWT.test(credential) ? { authorization: `Bearer ${credential}` } : { 'x-api-key': credential };
}

/** The sentence the page shows for an error the API returned. */
export function describeError(status: number, err: GraphQLErrorBody | undefined): ApiError {
  const code = err?.extensions?.code ?? (status === 401 ? 'UNAUTHENTICATED' : `HTTP_${status}`);
  if (status === 401 || code === 'UNAUTHENTICATED')
    return new ApiError(
      `Credential refused: the API did not accept this token or key (${err?.message ?? 'HTTP 401'}). Sign in again.`,
      'UNAUTHENTICATED',
      status,
    );
  const scope = err?.extensions?.requiredScope ?? /missing scope (\S+)/.exec(err?.message ?? '')?.[1];
  if (code === 'FORBIDDEN' && scope)
    return new ApiError(`Not allowed: this credential lacks the scope ${scope}.`, code, status, scope);
  if (code === 'FORBIDDEN') return new ApiError(`Not allowed: ${err?.message ?? 'forbidden'}.`, code, status);
  if (code === 'RATE_LIMITED')
    return new ApiError('Too many requests: the API asked us to slow down. Try again shortly.', code, status);
  return new ApiError(`The API answered ${code}: ${err?.message ?? 'no details'}.`, code, status);
}

export interface Api {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function createApi(endpoint: string, credential: string): Api {
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...credentialHeaders(credential) },
          body: JSON.stringify({ query, variables }),
        });
      } catch {
        throw new ApiError('The API could not be reached. Check the connection and try again.', 'NETWORK', 0);
      }
      let body: { data?: T | null; errors?: GraphQLErrorBody[] } = {};
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw describeError(res.status, { message: `HTTP ${res.status}` });
      }
      if (body.errors?.length || !res.ok || !body.data) throw describeError(res.status, body.errors?.[0]);
      return body.data;
    },
  };
}
