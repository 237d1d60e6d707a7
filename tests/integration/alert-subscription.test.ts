/**
 * Alerts reach managers as they fire: a MANAGER subscribed to `alertRaised` over graphql-ws on the gateway
 * receives an alert the moment analytics raises it (a latency alert on their location, thresholds set low),
 * and the tenant's ALERT_RAISED workflow posts the same alert to its webhook. Two tenants raise alerts at the
 * same time; each manager receives only their own tenant's. An AGENT may not subscribe.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { DEMO, demoAgents, demoMembers } from '../../bin/demo-plan';
import type { AnalyticsRuntime } from '../../subgraphs/analytics/runtime';
import { alertChannel } from '../../subgraphs/analytics/service/alert-feed';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

type Tenant = 'acme' | 'summit';
interface LiveAlert {
  id: string;
  kind: string;
  locationId: string | null;
  value: number;
  threshold: number;
  raisedAt: string;
}

const SUBSCRIBE = `subscription { alertRaised { id kind locationId value threshold raisedAt } }`;
const SETTINGS = `mutation { updateAnalyticsSettings(input: { p95LatencyThresholdMs: 0, minSamples: 1 }) { p95LatencyThresholdMs } }`;
const ISSUE_TOKEN = `mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }`;
const CREATE = `mutation ($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const ALERTS = `query ($from: DateTime!, $to: DateTime!) { alerts(from: $from, to: $to) { id kind locationId } }`;

describeEachDb('alertRaised reaches managers as alerts fire (%s)', (kind) => {
  let t: TestPlatform;
  let rx: WebhookReceiver;
  const clients: Client[] = [];

  const gql = async <T>(tenant: Tenant, q: string, v: Record<string, unknown> = {}): Promise<T> => {
    const a = await t.gql(q, v, { 'x-api-key': t.apiKeys[tenant] });
    if (a.errors) throw new Error(JSON.stringify(a.errors));
    return a.data as T;
  };
  const tokenOf = async (tenant: Tenant, memberIndex: number) =>
    (
      await gql<{ issueAccessToken: { token: string } }>(tenant, ISSUE_TOKEN, {
        id: demoMembers(tenant)[memberIndex]!.id,
      })
    ).issueAccessToken.token;
  const client = (token: string) => {
    const c = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    clients.push(c);
    return c;
  };
  /** Collects what the subscription sends; `first` resolves with the first alert (with its arrival time). */
  const listen = (c: Client) => {
    const got: { alert: LiveAlert; at: number }[] = [];
    const errors: unknown[] = [];
    let resolveFirst: (v: { alert: LiveAlert; at: number }) => void = () => undefined;
    const first = new Promise<{ alert: LiveAlert; at: number }>((r) => (resolveFirst = r));
    c.subscribe<{ alertRaised: LiveAlert }>(
      { query: SUBSCRIBE },
      {
        next: (msg) => {
          if (msg.errors) return void errors.push(msg.errors);
          const item = { alert: msg.data!.alertRaised, at: Date.now() };
          got.push(item);
          if (got.length === 1) resolveFirst(item);
        },
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    return { got, errors, first };
  };
  const analyticsPubSub = () =>
    (t.platform.services.analytics.instance.runtime as AnalyticsRuntime).pubsub as unknown as {
      subscriberCount(c: string): number;
    };
  const coachOnce = async (tenant: Tenant) => {
    const agentId = demoAgents(tenant)[0]!.id;
    const { startAgentSession } = await gql<{ startAgentSession: { id: string } }>(tenant, START, {
      input: { agentId, contactId: `al-${randomUUID().slice(0, 8)}`, channel: 'SMS' },
    });
    await gql(tenant, ADD_TURN, {
      input: {
        sessionId: startAgentSession.id,
        speaker: 'LEAD',
        text: 'Is the house on Elm Street still available?',
      },
    });
  };

  beforeAll(async () => {
    rx = await startWebhookReceiver();
    t = await startTestPlatform(kind, { WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true', WEBHOOK_POLL_MS: '50' });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await t?.close();
    await rx?.close();
  });

  it("each tenant's manager receives their own latency alert as it is raised, and the alert workflow posts it", async () => {
    for (const tenant of ['acme', 'summit'] as const) {
      await gql(tenant, SETTINGS);
      await gql(tenant, CREATE, {
        input: {
          name: 'Page the manager',
          trigger: 'ALERT_RAISED',
          action: 'WEBHOOK',
          url: rx.url(`/alert-${tenant}`),
        },
      });
    }
    const managers = {
      acme: listen(client(await tokenOf('acme', 1))),
      summit: listen(client(await tokenOf('summit', 1))),
    };
    const agentSub = listen(client(await tokenOf('acme', 2)));
    // both manager subscriptions are attached on analytics before anything is raised
    await eventually(() =>
      (['acme', 'summit'] as const).every(
        (x) => analyticsPubSub().subscriberCount(alertChannel(DEMO[x].id)) >= 1,
      ),
    );
    const started = Date.now();
    await Promise.all([coachOnce('acme'), coachOnce('summit')]);

    for (const tenant of ['acme', 'summit'] as const) {
      const { alert, at } = await managers[tenant].first;
      expect(alert).toMatchObject({
        kind: 'P95_LATENCY',
        locationId: demoAgents(tenant)[0]!.locationId,
        threshold: 0,
      });
      const lagMs = at - new Date(alert.raisedAt).getTime();
      console.log(
        `[alertRaised ${kind}] ${tenant}: ${lagMs} ms from raisedAt to the manager (${at - started} ms after the lead's turn)`,
      );
      // it is the tenant's own alert, as the alerts query lists it
      const { alerts } = await gql<{ alerts: { id: string }[] }>(tenant, ALERTS, {
        from: new Date(Date.now() - 86_400_000).toISOString(),
        to: new Date(Date.now() + 3_600_000).toISOString(),
      });
      expect(alerts.map((x) => x.id)).toContain(alert.id);
      expect(managers[tenant].got.every((g) => alerts.some((x) => x.id === g.alert.id))).toBe(true);
      const [hook] = await rx.waitFor(`/alert-${tenant}`, 1);
      expect(hook!.json).toMatchObject({
        trigger: 'ALERT_RAISED',
        data: { alertId: alert.id, kind: 'P95_LATENCY' },
      });
    }
    expect(managers.acme.errors).toEqual([]);
    await eventually(() => agentSub.errors.length > 0);
    expect(JSON.stringify(agentSub.errors)).toContain('FORBIDDEN');
  });
});
