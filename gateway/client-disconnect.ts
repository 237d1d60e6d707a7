/**
 * Whether an error only says the client went away: the connection reset or closed before the request
 * was read or the response written. Clients do that all the time (a tab closed, a mobile network lost,
 * a timeout on their side), so it is logged at debug, never as a server error.
 */
import type { IncomingMessage } from 'node:http';

const DISCONNECT_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ERR_STREAM_WRITE_AFTER_END',
]);
const DISCONNECT_MESSAGES = new Set(['aborted', 'premature close', 'socket hang up']);

export function isClientDisconnect(err: unknown, req?: IncomingMessage): boolean {
  const e = err as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (e && typeof e.code === 'string' && DISCONNECT_CODES.has(e.code)) return true;
  if (e && typeof e.message === 'string' && DISCONNECT_MESSAGES.has(e.message.toLowerCase())) return true;
  // Anything else counts only if the client's socket is really gone
  return !!req && req.socket.destroyed && e?.name === 'AbortError';
}
