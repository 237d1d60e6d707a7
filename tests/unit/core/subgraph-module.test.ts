/**
 * The subgraph module contract (core/server/subgraph-module.ts): each instance's runtime reaches every one
 * of its requests as `ctx.runtime` — never another instance's, even on the same database (a lookup keyed by
 * the ORM could not tell them apart) — and `start`/`stop` run the background steps in order and in reverse.
 */
import { randomUUID } from 'node:crypto';
import { Ctx, Query, Resolver } from 'type-graphql';
import { loadConfig } from '../../../core/config';
import { CONTEXT_HEADER, ContextTokenCodec } from '../../../core/context-token';
import { MemoryEventBus } from '../../../core/events/memory-event-bus';
import { createLogger } from '../../../core/logger';
import { outboxEntities } from '../../../core/outbox';
import type { RequestContext } from '../../../core/request-context';
import { buildFederatedSchema } from '../../../core/server/federated-schema';
import { lifecycle } from '../../../core/server/subgraph-lifecycle';
import type { SubgraphDeps, SubgraphModule } from '../../../core/server/subgraph-module';
import { serveInstance, type RunningSubgraph } from '../../../core/server/subgraph-server';
import { createTestDb, type TestDb } from '../../helpers/db';
import { principal } from '../../helpers/principals';
import { TEST_CONTEXT_SECRET, TEST_JWT_SECRET } from '../../helpers/subgraph-harness';

interface ProbeRuntime {
  id: string;
}

@Resolver()
class ProbeResolver {
  @Query(() => String, { description: "The id of the runtime this request's context carries." })
  async runtimeId(@Ctx() ctx: RequestContext<ProbeRuntime>): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve)); // let the other instance's requests interleave
    return ctx.runtime.id;
  }
}

const probeModule: SubgraphModule<ProbeRuntime> = {
  name: 'analytics',
  entities: outboxEntities,
  migrations: [],
  async create() {
    return {
      runtime: { id: randomUUID() },
      schema: await buildFederatedSchema({ resolvers: [ProbeResolver] }),
      routes: [],
      ...lifecycle([]),
    };
  },
};

describe('subgraph module contract: ctx.runtime', () => {
  let db: TestDb;
  const servers: RunningSubgraph[] = [];
  const logger = createLogger({ level: 'silent', name: 'probe' });
  const codec = new ContextTokenCodec(TEST_CONTEXT_SECRET);

  beforeAll(async () => {
    db = await createTestDb('sqlite', 'probe', probeModule.entities, probeModule.migrations);
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await db.close();
  });

  it('two instances of one module on one database each answer with their own runtime, 100 requests in flight', async () => {
    const deps: SubgraphDeps = {
      config: loadConfig({
        JWT_SECRET: TEST_JWT_SECRET,
        CONTEXT_SECRET: TEST_CONTEXT_SECRET,
        NODE_ENV: 'test',
      }),
      orm: db.orm,
      events: new MemoryEventBus(logger),
      logger,
      codec,
    };
    const instances = [await probeModule.create(deps), await probeModule.create(deps)];
    expect(instances[0]!.runtime.id).not.toBe(instances[1]!.runtime.id);
    for (const instance of instances)
      servers.push(await serveInstance(instance, { name: 'probe', orm: db.orm, codec, logger }));
    const token = await codec.sign(principal({ tenantId: randomUUID() }));
    const ask = async (i: number): Promise<[number, string]> => {
      const res = await fetch(servers[i]!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CONTEXT_HEADER]: token },
        body: JSON.stringify({ query: '{ runtimeId }' }),
      });
      const body = (await res.json()) as { data?: { runtimeId: string } };
      return [i, body.data?.runtimeId ?? 'no answer'];
    };
    const answers = await Promise.all(Array.from({ length: 100 }, (_, n) => ask(n % 2)));
    for (const [i, id] of answers) expect(id).toBe(instances[i]!.runtime.id);
  });

  it('answers a malformed body 400 and an oversize one 413, before any resolver runs', async () => {
    const instance = await probeModule.create({
      config: loadConfig({
        JWT_SECRET: TEST_JWT_SECRET,
        CONTEXT_SECRET: TEST_CONTEXT_SECRET,
        NODE_ENV: 'test',
      }),
      orm: db.orm,
      events: new MemoryEventBus(logger),
      logger,
      codec,
    });
    const server = await serveInstance(instance, {
      name: 'probe',
      orm: db.orm,
      codec,
      logger,
      maxBodyBytes: 64,
    });
    servers.push(server);
    const post = async (body: string) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
      return [res.status, json.errors[0]!.extensions.code];
    };
    expect(await post('{"query": ')).toEqual([400, 'BAD_REQUEST']);
    expect(await post(JSON.stringify({ query: `{ runtimeId ${' '.repeat(100)}}` }))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
  });
});

describe('subgraph module contract: lifecycle', () => {
  function recorder() {
    const log: string[] = [];
    const step = (name: string) => async () => {
      log.push(`start ${name}`);
      return async () => {
        log.push(`stop ${name}`);
      };
    };
    return { log, step, close: async () => void log.push('close') };
  }

  it('starts the steps in order, stops them in reverse, then closes what create made — once', async () => {
    const r = recorder();
    const life = lifecycle([r.step('consumers'), r.step('relay')], r.close);
    await life.start();
    await Promise.all([life.stop(), life.stop()]);
    await life.stop();
    expect(r.log).toEqual(['start consumers', 'start relay', 'stop relay', 'stop consumers', 'close']);
  });

  it('stop without start only closes (schema generation), and a stopped instance does not start again', async () => {
    const r = recorder();
    const life = lifecycle([r.step('consumers')], r.close);
    await life.stop();
    await expect(life.start()).rejects.toThrow(/stopped/);
    expect(r.log).toEqual(['close']);
  });
});
