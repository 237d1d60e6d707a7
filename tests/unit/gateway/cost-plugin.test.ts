/**
 * The cost-limit plugin's hooks (gateway/plugins/use-cost-limit.ts) on their own: a subscription over the
 * estimate is refused at subscribe; a tenant's turn is given back however the execution ends — a result, a
 * thrown error, a stream run to its end or closed by its consumer — so a failing operation cannot leak a
 * turn and lock its tenant out.
 */
import { buildSchema, GraphQLError, parse } from 'graphql';
import { useCostLimit } from '../../../gateway/plugins/use-cost-limit';
import { TenantConcurrency } from '../../../gateway/tenant-concurrency';

const schema = buildSchema(`
  type Item { id: ID! tags("1 to 100" first: Int = 10): [Tag!]! }
  type Tag { name: String! }
  type Query { items("1 to 100" first: Int = 10): [Item!]! }
  type Subscription { itemsChanged("1 to 100" first: Int = 10): [Item!]! }
`);

type Hooks = {
  onExecute(payload: unknown): Promise<void>;
  onSubscribe(payload: unknown): void;
};

function setup(maxQueryCost = 10_000) {
  const fairness = new TenantConcurrency({ maxInflight: 1, maxInflightCost: 1e9, maxQueued: 10 });
  const hooks = useCostLimit({ maxQueryCost, fairness }) as unknown as Hooks;
  const ctx = { principal: { tenantId: 'A' } };
  /** Runs onExecute as envelop does and returns the execute function it leaves in place. */
  async function execute(query: string, executeFn: (args: unknown) => unknown) {
    let fn = executeFn;
    const args = { schema, document: parse(query), variableValues: {}, contextValue: ctx };
    await hooks.onExecute({ args, executeFn, setExecuteFn: (f: typeof fn) => (fn = f) });
    return () => fn(args) as Promise<unknown>;
  }
  return { fairness, hooks, execute };
}

describe('useCostLimit hooks', () => {
  test('a subscription over the estimate is refused at subscribe with the estimate', () => {
    const { hooks } = setup(200);
    const sub = (first: number) => () =>
      hooks.onSubscribe({
        args: {
          schema,
          document: parse(
            `subscription ($n: Int) { itemsChanged(first: $n) { id tags(first: 100) { name } } }`,
          ),
          variableValues: { n: first },
          contextValue: {},
        },
      });
    expect(sub(1)).not.toThrow(); // 1 + 1 × (id 1 + tags 1 + 100 × name 1) = 103
    let err: unknown;
    try {
      sub(50)();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: { estimated: 1 + 50 * 102, limit: 200 },
    });
  });

  test('a thrown execution gives the turn back: the next operation of the tenant runs', async () => {
    const { fairness, execute } = setup();
    const run = await execute('{ items { id } }', () => Promise.reject(new Error('executor failed')));
    expect(fairness.load('A').inflight).toBe(1);
    await expect(run()).rejects.toThrow('executor failed');
    expect(fairness.load('A').inflight).toBe(0);
    const next = await execute('{ items { id } }', () => Promise.resolve({ data: { items: [] } }));
    await expect(next()).resolves.toEqual({ data: { items: [] } });
    expect(fairness.load('A').inflight).toBe(0);
  });

  test('a streamed result holds the turn until it ends, or until its consumer closes it', async () => {
    const { fairness, execute } = setup();
    async function* stream() {
      yield { data: { items: [] } };
      yield { data: { items: [] }, hasNext: false };
    }
    const run = await execute('{ items { id } }', () => Promise.resolve(stream()));
    const it = (await run()) as AsyncIterableIterator<unknown>;
    await it.next();
    expect(fairness.load('A').inflight).toBe(1);
    await it.next();
    expect(fairness.load('A').inflight).toBe(1);
    expect((await it.next()).done).toBe(true);
    expect(fairness.load('A').inflight).toBe(0);

    const closed = await execute('{ items { id } }', () => Promise.resolve(stream()));
    const it2 = (await closed()) as AsyncIterableIterator<unknown>;
    await it2.next();
    await it2.return!();
    expect(fairness.load('A').inflight).toBe(0);
  });
});
