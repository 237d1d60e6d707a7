/**
 * docker-compose.yml's topology, run as processes on loopback (Docker does not run here): migrate, seed,
 * 2 gateways, 2 coaching instances, one of each other subgraph, on PostgreSQL and Redis, in production mode.
 * A partner's flow crosses instances: the session is started through gateway 1, coaching hints are
 * subscribed to through gateway 2 (served by coaching instance 2), turns are added through gateway 1
 * (processed by coaching instance 1) — and the hints stream live to the subscriber on the other side.
 * Every probe the compose file runs passes against the running services.
 */
import { execFile } from 'node:child_process';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { describeNeeding } from '../helpers/variants';
import { startTopology, type Topology } from '../helpers/topology';
import { loadCompose } from '../unit/deploy/deploy-files';
import { REPO_ROOT } from './process';

interface HintEvent {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  hint: { id: string; text: string; session: { id: string; agent: { name: string } | null } } | null;
}

const HINTS = `subscription ($sessionId: ID!, $since: DateTime) {
  coachingHints(sessionId: $sessionId, since: $since) {
    type runId hint { id text session { id agent { name } } }
  }
}`;

async function gql<T>(url: string, apiKey: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (res.status !== 200 || body.errors) throw new Error(`${res.status} ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** Every hint event of one subscription, with `until` resolved by the events themselves. */
class HintStream {
  readonly events: HintEvent[] = [];
  private readonly client: Client;
  private readonly waiters = new Set<() => void>();
  private failure?: string;

  constructor(gatewayUrl: string, apiKey: string, sessionId: string) {
    this.client = createClient({
      url: gatewayUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { 'x-api-key': apiKey },
      retryAttempts: 0,
    });
    const since = new Date(Date.now() - 1000).toISOString();
    this.client.subscribe<{ coachingHints: HintEvent }>(
      { query: HINTS, variables: { sessionId, since } },
      {
        next: (msg) => {
          if (msg.errors) this.failure = JSON.stringify(msg.errors);
          if (msg.data) this.events.push(msg.data.coachingHints);
          this.changed();
        },
        error: (err) => {
          this.failure = String((err as Error)?.message ?? JSON.stringify(err));
          this.changed();
        },
        complete: () => undefined,
      },
    );
  }

  until<T>(pick: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out waiting for ${what}`))),
        timeoutMs,
      );
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        fn();
      };
      const check = () => {
        if (this.failure) return finish(() => reject(new Error(`${what}: ${this.failure}`)));
        const v = pick();
        if (v !== undefined) finish(() => resolve(v));
      };
      this.waiters.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return Promise.resolve(this.client.dispose());
  }

  private changed(): void {
    for (const w of [...this.waiters]) w();
  }
}

const probe = (url: string) =>
  new Promise<number>((resolve) =>
    execFile(process.execPath, ['deploy/healthcheck.mjs', url], { cwd: REPO_ROOT }, (err) =>
      resolve(err ? Number((err as { code?: number }).code ?? 1) : 0),
    ),
  );

describeNeeding(['DATABASE_URL', 'REDIS_URL'], 'the compose topology as processes on loopback', () => {
  let topo: Topology | undefined;

  beforeAll(async () => {
    topo = await startTopology();
    console.log(
      `[topology] migrated in ${topo.migrateMs} ms; 8 services listening and the first keys seeded ${topo.startMs} ms later`,
    );
  }, 240_000);
  afterAll(() => topo?.stop(), 30_000);

  test('every probe docker-compose.yml runs passes against the running services', async () => {
    const compose = loadCompose();
    let probed = 0;
    for (const p of topo!.processes) {
      const service = compose[p.name]!;
      const url = new URL(service.healthcheck!.test.at(-1)!);
      url.port = String(p.port);
      expect({ service: p.name, exit: await probe(url.toString()) }).toEqual({ service: p.name, exit: 0 });
      probed++;
    }
    expect(probed).toBe(8);
    // and a probe fails where nothing answers (the check is not always 0)
    expect(await probe('http://127.0.0.1:1/ready')).not.toBe(0);
  });

  test("a session started on gateway 1 streams a turn's hints, processed on coaching 1, to a subscriber on gateway 2", async () => {
    const [g1, g2] = topo!.gateways as [string, string];
    const key = topo!.apiKeys['Acme Realty']!;
    const { agents } = await gql<{ agents: { edges: { node: { id: string; name: string } }[] } }>(
      g1,
      key,
      '{ agents(first: 1) { edges { node { id name } } } }',
    );
    const agent = agents.edges[0]!.node;
    const { startAgentSession: session } = await gql<{ startAgentSession: { id: string } }>(
      g1,
      key,
      'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
      { input: { agentId: agent.id, contactId: 'topology-contact-1', channel: 'SMS' } },
    );
    const stream = new HintStream(g2, key, session.id);
    try {
      const addTurn = (text: string) =>
        gql(
          g1,
          key,
          'mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }',
          {
            input: { sessionId: session.id, speaker: 'LEAD', text, coach: true },
          },
        );
      const completed = (after: number) => () =>
        stream.events.slice(after).find((e) => e.type === 'COMPLETED' && e.hint);
      // the first hint may come live or as the `since` replay: either way the subscription is live after it
      await addTurn("Hi, we're relocating for work and need a three bedroom house near good schools.");
      await stream.until(completed(0), 'the first hint');
      const seen = stream.events.length;
      await addTurn('Our budget is around 600k, and we would like to see a few homes this weekend.');
      const hint = await stream.until(completed(seen), 'the second hint');
      // STARTED is only ever streamed live (a replay sends COMPLETED): this run crossed instances through Redis
      expect(stream.events.slice(seen).some((e) => e.type === 'STARTED' && e.runId === hint.runId)).toBe(
        true,
      );
      expect(hint.hint!.session).toEqual({ id: session.id, agent: { name: agent.name } });
      expect(hint.hint!.text.length).toBeGreaterThan(0);
      // and gateway 2 reads what gateway 1 wrote: both turns and the hints, from the shared database
      const { agentSession } = await gql<{
        agentSession: { turns: { text: string }[]; hints: { id: string }[] };
      }>(g2, key, 'query ($id: ID!) { agentSession(id: $id) { turns { text } hints { id } } }', {
        id: session.id,
      });
      expect(agentSession.turns.map((t) => t.text)).toHaveLength(2);
      expect(agentSession.hints.map((h) => h.id)).toContain(hint.hint!.id);
    } finally {
      await stream.close();
    }
  }, 60_000);
});
