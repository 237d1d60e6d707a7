/**
 * Sends one generated HTTP input to the gateway and says what came back: the status (0 when the server
 * closed the connection without a status line) and the start of the body. Requests go through node:http
 * (any method, header values as generated) over a keep-alive agent; raw inputs straight to a socket,
 * half-closed after writing so the server sees the end of what it gets.
 */
import http from 'node:http';
import net from 'node:net';
import type { HttpInput } from './http-inputs';
import { parseRaw } from '../raw-http';

export interface HttpOutcome {
  status: number;
  body: string;
  /** Set when the client gave up or could not send (a hang counts against the gateway). */
  clientError?: string;
}

const BODY_CAP = 64 * 1024;

export function sendHttp(
  target: { host: string; port: number; agent: http.Agent; timeoutMs: number },
  input: HttpInput,
): Promise<HttpOutcome> {
  if (input.raw !== undefined) return sendRaw(target, input.raw);
  return new Promise((resolve) => {
    let body = '';
    const req = http.request(
      { host: target.host, port: target.port, method: input.method, path: input.path, agent: target.agent },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          if (body.length < BODY_CAP) body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.setTimeout(target.timeoutMs, () => {
      req.destroy();
      resolve({ status: 0, body, clientError: `no answer within ${target.timeoutMs} ms` });
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ status: 0, body, clientError: err.code ?? err.message }),
    );
    try {
      for (const [k, v] of Object.entries(input.headers)) req.setHeader(k, v);
      req.end(input.body);
    } catch (err) {
      req.destroy();
      resolve({ status: 0, body: '', clientError: `not sendable: ${(err as Error).message}` });
    }
  });
}

function sendRaw(
  target: { host: string; port: number; timeoutMs: number },
  raw: string,
): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(target.port, target.host, () => socket.end(Buffer.from(raw, 'latin1')));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ status: 0, body: '', clientError: `raw socket open after ${target.timeoutMs} ms` });
    }, target.timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const answer = parseRaw(Buffer.concat(chunks).toString('latin1'));
      resolve({ status: answer.status, body: answer.body.slice(0, BODY_CAP) });
    });
  });
}
