/**
 * Clients that are slow or leave (issue 12). A client that sends its headers and half a body held the
 * connection for 300 s (Node's default requestTimeout, checked every 30 s); now the gateway answers 408
 * and closes once HTTP_REQUEST_TIMEOUT_MS has passed, while a slow but complete request still succeeds. A
 * client that disconnects mid-request is ordinary: it was logged at error level ("aborted"), now at debug.
 */
import net from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { parseRaw, rawExchange } from '../helpers/raw-http';

const REQUEST_MS = 1_500;
/**
 * Node checks the timeouts once a second (gateway/http-server.ts), plus scheduling slack on a loaded machine
 * (1 s was exceeded by 0.6 s there). Still far below what a broken setting would show: Node's defaults (60 s
 * for headers, 300 s for a request) and the gateway's 65 s keep-alive default.
 */
const SLACK_MS = 1_000 + 5_000;
type Line = { level: number; msg: string; reason?: string };

function post(body: string, declaredLength = Buffer.byteLength(body), extra = ''): string {
  return (
    `POST /graphql HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n${extra}` +
    `Content-Length: ${declaredLength}\r\n\r\n${body}`
  );
}

describeEachDb('slow and departing clients (%s)', (kind) => {
  let t: TestPlatform;
  const lines: Line[] = [];
  const logger = pino(
    { level: 'debug', name: 'it' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(JSON.parse(l) as Line);
        done();
      },
    }),
  );
  beforeAll(async () => {
    t = await startTestPlatform(
      kind,
      { HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS), HTTP_KEEP_ALIVE_TIMEOUT_MS: '500' },
      logger,
    );
  }, 120_000);
  afterAll(() => t?.close());
  const port = () => t.platform.gateway.port;

  test('half a body or half the headers: 408 and a closed socket after the request timeout', async () => {
    const [halfBody, halfHeaders] = await Promise.all([
      rawExchange(port(), post('{"query":', 100)),
      rawExchange(port(), 'POST /graphql HTTP/1.1\r\nHost: gw\r\nContent-Ty'),
    ]);
    for (const half of [halfBody, halfHeaders]) {
      expect(half.status).toBe(408);
      expect(half.body).toContain('"code":"BAD_REQUEST"');
      expect(half.openMs).toBeGreaterThanOrEqual(REQUEST_MS - 100);
      expect(half.openMs).toBeLessThan(REQUEST_MS + SLACK_MS);
    }
  });

  test('a slow request that completes in time is answered; an idle keep-alive socket is closed', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const answer = await new Promise<{ text: string; openMs: number }>((resolve) => {
      const started = Date.now();
      let text = '';
      const socket = net.connect(port(), '127.0.0.1', () => {
        socket.write(post(body.slice(0, 5), body.length));
        setTimeout(() => socket.write(body.slice(5)), REQUEST_MS / 3);
      });
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve({ text, openMs: Date.now() - started }));
    });
    expect(parseRaw(answer.text).status).toBe(200);
    expect(answer.text).toContain('"__typename":"Query"');
    // closed by the server after keep-alive (500 ms) once answered, not held until a timeout
    expect(answer.openMs).toBeLessThan(REQUEST_MS / 3 + 500 + SLACK_MS);
  });

  test('a client that leaves mid-request or mid-response is logged at debug, never as an error', async () => {
    const from = lines.length;
    const query = JSON.stringify({ query: '{ agents(first: 50) { edges { node { id name } } } }' });
    const leave = (bytes: string) =>
      new Promise<void>((resolve) => {
        // gone (a reset) once what was written reached the kernel
        const socket = net.connect(port(), '127.0.0.1', () => socket.write(bytes, () => socket.destroy()));
        socket.on('close', () => resolve());
      });
    await Promise.all([
      leave(post('{"query":"{ __ty', 40)),
      leave(post(query, Buffer.byteLength(query), `x-api-key: ${t.apiKeys.acme}\r\n`)),
    ]);
    await eventually(() => lines.slice(from).some((l) => l.msg === 'client went away'), {
      what: 'the departure logged at debug',
    });
    await eventually(
      async () => {
        const open = await new Promise<number>((r) =>
          t.platform.gateway.server.getConnections((_e, n) => r(n)),
        );
        return open === 0;
      },
      { what: 'both connections gone' },
    );
    expect(lines.slice(from).filter((l) => l.level >= 40)).toEqual([]);
    expect(lines.slice(from).find((l) => l.msg === 'client went away')).toMatchObject({
      level: 20,
      reason: 'aborted',
    });
  });
});
