/**
 * Shutdown drains: closing the platform right after a burst of coaching turns (events still being
 * delivered between subgraphs) finishes every delivery against open databases and returns — it neither
 * hangs on a closed connection pool nor logs a failed event handler. Before the fix the databases were
 * closed first, and on PostgreSQL a delivery could wait for a connection forever.
 */
import { demoAgents } from '../../bin/demo-plan';
import { captureLogs } from '../fixtures/steering-answers';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const SESSIONS = 10;
const TURNS_PER_SESSION = 3;

describeEachDb('shutdown right after a burst of coaching drains and returns (%s)', (kind) => {
  let t: TestPlatform | undefined;
  const logs = captureLogs();

  afterAll(async () => {
    await t?.close(); // only when the test failed before closing
  });

  test(`${SESSIONS * TURNS_PER_SESSION} turns in flight, then close: every delivery finishes, none fails`, async () => {
    t = await startTestPlatform(kind, { RATE_LIMIT_PER_MINUTE: '100000' }, logs.logger);
    const platform = t;
    const agents = demoAgents('acme');
    const headers = { 'x-api-key': platform.apiKeys.acme };
    const sessions = await Promise.all(
      Array.from({ length: SESSIONS }, async (_, i) => {
        const r = await platform.gql<{ startAgentSession: { id: string } }>(
          START,
          { input: { agentId: agents[i % agents.length]!.id, contactId: `drain-${i}`, channel: 'SMS' } },
          headers,
        );
        expect(r.errors).toBeUndefined();
        return r.data!.startAgentSession.id;
      }),
    );
    const turns = await Promise.all(
      sessions.flatMap((sessionId) =>
        Array.from({ length: TURNS_PER_SESSION }, (_, k) =>
          platform.gql(
            ADD_TURN,
            { input: { sessionId, speaker: 'LEAD', text: `That price feels high, offer ${k}` } },
            headers,
          ),
        ),
      ),
    );
    expect(turns.filter((r) => r.errors)).toEqual([]);

    // close at once, while the turns' events and coaching runs are still being delivered
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      platform.close().then(() => 'closed'),
      new Promise<string>(
        (resolve) => (timer = setTimeout(() => resolve('still closing after 30 s'), 30_000)),
      ),
    ]);
    clearTimeout(timer);
    t = undefined;
    expect(outcome).toBe('closed');
    const failures = logs.lines.filter((l) => /event handler failed|outbox publish failed/.test(l));
    expect(failures).toEqual([]);
  }, 120_000);
});
