/**
 * Plays one generated graphql-ws session against the gateway: sends its frames in order, then waits
 * until the server closes the socket or has said nothing for `quietMs`, then closes it (1000) and waits
 * for 'close'. Reports who closed with which code, and every message the server sent.
 */
import { WebSocket } from 'ws';
import type { WsSession } from './ws-inputs';

export interface WsOutcome {
  /**
   * `server 4400`, `client 1000` (the server kept the session), `http 400` (upgrade refused), or
   * `client failed: <reason>` when the client itself failed the connection (e.g. no subprotocol agreed).
   */
  close: string;
  messages: string[];
}

export function playWsSession(url: string, session: WsSession, quietMs: number): Promise<WsOutcome> {
  return new Promise((resolve) => {
    const messages: string[] = [];
    let clientClosed = false;
    let clientError: string | undefined;
    let quiet: NodeJS.Timeout | undefined;
    const ws = new WebSocket(url.replace(/^http/, 'ws'), session.protocol);
    const closeWhenQuiet = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        clientClosed = true;
        ws.close(1000);
      }, quietMs);
    };
    let pending = session.awaitAck ? session.frames.slice(1) : [];
    ws.on('open', () => {
      for (const frame of session.awaitAck ? session.frames.slice(0, 1) : session.frames) ws.send(frame);
      closeWhenQuiet();
    });
    ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      messages.push(text.slice(0, 2_000));
      if (pending.length && text.includes('"connection_ack"')) {
        for (const frame of pending) ws.send(frame);
        pending = [];
      }
      closeWhenQuiet();
    });
    ws.on('unexpected-response', (_req, res) => {
      clearTimeout(quiet);
      resolve({ close: `http ${res.statusCode}`, messages });
      ws.terminate();
    });
    ws.on('error', (err) => (clientError = err.message));
    ws.on('close', (code) => {
      clearTimeout(quiet);
      const who =
        clientError && code === 1006 ? `client failed: ${clientError}` : clientClosed ? 'client' : 'server';
      resolve({ close: `${who} ${code}`, messages });
    });
  });
}
