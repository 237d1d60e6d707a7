/**
 * Subscribes refused over graphql-ws count against the caller's SUBSCRIBES budget
 * (gateway/plugins/use-rate-limit.ts), as refused HTTP requests count against REQUESTS
 * (rate-limit-refused.test.ts). Before, a subscribe that did not parse or failed validation never reached
 * the limiter: a socket could send them without end and was never limited. Here an abuser's refused
 * subscribes of several kinds and a victim's (fewer than the budget, and valid queries beside them) are all
 * in flight together on two sockets: the abuser gets exactly its budget of refusals, then RATE_LIMITED
 * (scope SUBSCRIBES); the victim is never limited. In memory, and in Redis as several gateways share it.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createRedisRateLimiter, type RedisRateLimiter } from '../../gateway/redis-rate-limiter';
import { REDIS_URL } from '../helpers/db';
import { principal } from '../helpers/principals';
import { startTinyGraph, type TinyGraph } from '../helpers/tiny-supergraph';
import { describeEachVariant } from '../helpers/variants';

const BUDGET = 20;

type Message = { id?: string; type: string; payload?: unknown };
/** `code`: the first error's code, else its message up to a colon; null when there was no error. */
type Outcome = { code: unknown; scope: unknown; data: unknown };

/** Subscribes the gateway refuses before running them, with the code (or message) each is refused with. */
const REFUSED: { code: string; query: (tag: string) => string }[] = [
  // the same code as over HTTP (gateway/graphql-ws-server.ts adds it; graphql-ws alone sent none)
  { code: 'GRAPHQL_PARSE_FAILED', query: (tag) => `{ items(tag: "${tag}") { id ` },
  { code: 'GRAPHQL_VALIDATION_FAILED', query: (tag) => `{ items(tag: "${tag}") { noSuchField } }` },
  {
    code: 'QUERY_TOO_COMPLEX',
    query: (tag) =>
      `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: items(tag: "${tag}") { id }`).join(' ')} }`,
  },
];

/** A graphql-transport-ws socket authenticated with a bearer token; `outcome` waits for an operation's answer. */
class Socket {
  private readonly messages: Message[] = [];
  private readonly waiters = new Set<() => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as Message);
      for (const w of [...this.waiters]) w();
    });
  }

  static async open(url: string, token: string): Promise<Socket> {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const socket = new Socket(ws);
    ws.once('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    await socket.first((m) => m.type === 'connection_ack');
    return socket;
  }

  /** Sends a subscribe and resolves with its first answer (`next` or `error`). */
  async run(query: string): Promise<Outcome> {
    const id = randomUUID();
    this.ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
    const m = await this.first((x) => x.id === id && (x.type === 'next' || x.type === 'error'));
    type Err = { message: string; extensions?: Record<string, unknown> };
    const payload = m.payload as { data?: unknown; errors?: Err[] };
    const errors = m.type === 'error' ? (payload as unknown as typeof payload.errors) : payload.errors;
    const ext = errors?.[0]?.extensions;
    const code = ext?.['code'] ?? errors?.[0]?.message.split(':')[0] ?? null;
    return { code, scope: ext?.['scope'] ?? null, data: payload.data ?? null };
  }

  close(): void {
    this.ws.close(1000);
  }

  private first(ok: (m: Message) => boolean): Promise<Message> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = this.messages.find(ok);
        if (!m) return;
        this.waiters.delete(check);
        resolve(m);
      };
      this.ws.once('close', (code) => reject(new Error(`socket closed ${code}`)));
      this.waiters.add(check);
      check();
    });
  }
}

type Limiter = { kind: 'memory' } | { kind: 'redis' };

describeEachVariant<Limiter>(
  [
    { name: 'memory', value: { kind: 'memory' } },
    { name: 'redis', needs: ['REDIS_URL'], value: { kind: 'redis' } },
  ],
  'subscribes refused over graphql-ws count against the SUBSCRIBES budget (%s)',
  (limiter) => {
    let g: TinyGraph;
    let redis: RedisRateLimiter | undefined;
    const sockets = {} as Record<'abuser' | 'victim', Socket>;

    beforeAll(async () => {
      if (limiter.kind === 'redis') {
        redis = createRedisRateLimiter({
          url: REDIS_URL!,
          prefix: `rl-refused-ws:${randomUUID()}`,
          perMinute: BUDGET,
          commandTimeoutMs: 5_000,
        });
        await redis.ready;
      }
      g = await startTinyGraph('rust', undefined, { ratePerMinute: BUDGET, rateLimiter: redis?.limiter });
      for (const who of ['abuser', 'victim'] as const) {
        const token = await g.bearer(principal({ tenantId: `tenant-${who}-${randomUUID()}` }));
        sockets[who] = await Socket.open(g.gateway.url, token);
      }
    }, 60_000);
    afterAll(async () => {
      for (const s of Object.values(sockets)) s.close();
      await g?.close();
      await redis?.close();
    });

    test('the abuser gets its budget of refusals, then RATE_LIMITED; the victim beside it is never limited', async () => {
      const abuse = Array.from({ length: BUDGET * 3 }, (_, i) => REFUSED[i % REFUSED.length]!);
      const victimRefused = Array.from({ length: BUDGET - 5 }, (_, i) => REFUSED[i % REFUSED.length]!);
      const [abuser, victimBad, victimGood] = await Promise.all([
        Promise.all(abuse.map((r, i) => sockets.abuser.run(r.query(`abuse${i}`)))),
        Promise.all(victimRefused.map((r, i) => sockets.victim.run(r.query(`victim-bad${i}`)))),
        Promise.all(
          Array.from({ length: 10 }, (_, i) => sockets.victim.run(`{ items(tag: "victim${i}") { id } }`)),
        ),
      ]);

      const limited = abuser.filter((a) => a.code === 'RATE_LIMITED');
      expect({ refused: abuser.length - limited.length, limited: limited.length }).toEqual({
        refused: BUDGET,
        limited: BUDGET * 2,
      });
      for (const a of limited) expect(a.scope).toBe('SUBSCRIBES');
      abuser.forEach((a, i) => {
        if (a.code !== 'RATE_LIMITED') expect(a.code).toBe(abuse[i]!.code);
      });
      expect(victimBad.map((v) => v.code)).toEqual(victimRefused.map((r) => r.code));
      expect(victimGood.map((v) => v.code)).toEqual(victimGood.map(() => null));
      expect(victimGood.every((v) => Array.isArray((v.data as { items?: unknown })?.items))).toBe(true);
      expect(abuse.map((_, i) => Object.keys(g.calls.of(`abuse${i}`)).length)).toEqual(abuse.map(() => 0));
    }, 60_000);
  },
);
