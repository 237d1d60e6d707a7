/**
 * Turning Anthropic SDK errors into typed `ModelCallError`s, and keeping the SDK from retrying spend-limit
 * errors. The SDK retries 408/409/429/5xx (honouring retry-after) unless the response says
 * `x-should-retry: false`; a spend limit can arrive as a 429 (`enforced_spend_limit_reached`), which retrying
 * only makes slower, so `noRetryOnSpendLimit` marks such responses non-retryable before the SDK decides.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type Middleware,
} from '@anthropic-ai/sdk';
import { ModelCallError, type ModelFailureKind } from '../errors';
import type { TokenUsage } from '../pricing';

const SPEND_CODES = /spend_limit|billing|credit|quota|payment/i;
const SPEND_MESSAGE =
  /credit balance|out of credits?|insufficient (?:credit|funds|balance)|spend(?:ing)? limit|usage limit|billing|purchase credits|payment required|quota exceeded/i;

interface ErrorBody {
  type?: string;
  message?: string;
  code?: string;
}

function errorBody(body: unknown): ErrorBody {
  if (typeof body !== 'object' || body === null) return {};
  const outer = body as Record<string, unknown>;
  const inner = (
    typeof outer['error'] === 'object' && outer['error'] !== null ? outer['error'] : outer
  ) as Record<string, unknown>;
  const details = typeof inner['details'] === 'object' && inner['details'] !== null ? inner['details'] : {};
  const code = (details as Record<string, unknown>)['error_code'];
  return {
    type: typeof inner['type'] === 'string' ? inner['type'] : undefined,
    message: typeof inner['message'] === 'string' ? inner['message'] : undefined,
    code: typeof code === 'string' ? code : undefined,
  };
}

/** Whether an error response means "no more money": credit exhausted, spend limit, billing problem. */
export function isSpendLimit(status: number | undefined, body: unknown): boolean {
  if (status !== undefined && ![400, 402, 403, 429].includes(status)) return false;
  const { type, message, code } = errorBody(body);
  if (type === 'billing_error' || status === 402) return true;
  if (code && SPEND_CODES.test(code)) return true;
  return !!message && SPEND_MESSAGE.test(message);
}

/** SDK middleware: a spend-limit response is never retried, whatever its status. */
export const noRetryOnSpendLimit: Middleware = async (request, next, ctx) => {
  const response = await next(request);
  if (response.ok || ![400, 402, 403, 429].includes(response.status)) return response;
  const body = await ctx.parse(response).catch(() => undefined);
  if (!isSpendLimit(response.status, body)) return response;
  const headers = new Headers(response.headers);
  headers.set('x-should-retry', 'false');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

function kindForStatus(status: number | undefined, type: string | null | undefined): ModelFailureKind {
  if (type === 'overloaded_error' || status === 529) return 'overloaded';
  if (type === 'rate_limit_error' || status === 429) return 'rate_limited';
  if (type === 'authentication_error' || type === 'permission_error' || status === 401 || status === 403) {
    return 'auth';
  }
  if (type === 'timeout_error' || status === 408 || status === 504) return 'timeout';
  if (status !== undefined && status >= 400 && status < 500) return 'bad_request';
  return 'api_error';
}

/** Any error out of the SDK (or our own deadline) as a `ModelCallError`. */
export function toModelCallError(
  err: unknown,
  ctx: { timedOut: boolean; usage?: TokenUsage; timeoutMs: number },
): ModelCallError {
  if (err instanceof ModelCallError) return err;
  const usage = ctx.usage;
  if (ctx.timedOut || err instanceof APIConnectionTimeoutError) {
    return new ModelCallError('timeout', `no complete answer within ${ctx.timeoutMs} ms`, {
      usage,
      cause: err,
    });
  }
  if (err instanceof APIUserAbortError) {
    return new ModelCallError('connection', 'request aborted', { usage, cause: err });
  }
  if (err instanceof APIConnectionError) {
    return new ModelCallError('connection', err.message, { usage, cause: err });
  }
  if (err instanceof APIError) {
    const status = typeof err.status === 'number' ? err.status : undefined;
    if (isSpendLimit(status, err.error)) {
      return new ModelCallError('spend_limit', err.message, { status, usage, cause: err });
    }
    // An `event: error` inside an SSE stream has no status.
    const kind = status === undefined ? 'stream_error' : kindForStatus(status, err.type);
    return new ModelCallError(kind, err.message, { status, usage, cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ModelCallError('api_error', message, { usage, cause: err });
}
