/**
 * A federated subgraph whose answers the test releases: `slow(n)` is held at a gate until `release()`, so a
 * test knows exactly how many requests are in flight (`arrived(k)` resolves once k of them reached the
 * subgraph) without sleeping; `ticks` is a subscription (graphql-ws on the same /graphql path) that yields 1
 * and then stays open until the subgraph closes. `supergraph()` composes it for a gateway started from a file.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { execute, parse, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { slow(n: Int!): Int! }
type Subscription { ticks: Int! }`;

export interface GatedSubgraph {
  url: string;
  /** Resolves once `count` `slow` calls have reached the subgraph (in total). */
  arrived(count: number): Promise<void>;
  /** Lets every held `slow` call (and every later one) answer. */
  release(): void;
  /** Open `ticks` subscriptions. */
  readonly openTicks: number;
  supergraph(): string;
  close(): Promise<void>;
}

export async function startGatedSubgraph(): Promise<GatedSubgraph> {
  let arrivals = 0;
  let openTicks = 0;
  const waiters: { count: number; resolve(): void }[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let closing!: () => void;
  const closed = new Promise<void>((resolve) => (closing = resolve));
  const schema = buildSubgraphSchema({
    typeDefs: parse(SDL),
    resolvers: {
      Query: {
        slow: async (_: unknown, { n }: { n: number }) => {
          arrivals++;
          for (const w of waiters.filter((x) => arrivals >= x.count)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
          await gate;
          return n;
        },
      },
      Subscription: {
        ticks: {
          subscribe: async function* () {
            openTicks++;
            try {
              yield 1;
              await closed;
            } finally {
              openTicks--;
            }
          },
          resolve: (v: number) => v,
        },
      },
    } as never,
  });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/ready') return void res.end('{"status":"ready"}');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const document = parse(body.query);
        const errors = validate(schema, document);
        const result = errors.length
          ? { errors }
          : await execute({ schema, document, variableValues: body.variables });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      })();
    });
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const ws = useServer({ schema }, wss);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    arrived: (count) =>
      arrivals >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve })),
    release: () => release(),
    get openTicks() {
      return openTicks;
    },
    supergraph() {
      const composed = composeServices([{ name: 'gated', typeDefs: parse(SDL), url }]);
      if (composed.errors?.length) throw new Error(composed.errors.map((e) => e.message).join('\n'));
      return (composed as { supergraphSdl: string }).supergraphSdl;
    },
    async close() {
      release();
      closing();
      await ws.dispose();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
