/**
 * Workflows through the gateway, with a real HTTP receiver on loopback: a tenant's workflow fires on a
 * qualification score, a stage, an accepted hint or an alert; its webhook is signed (the receiver verifies
 * the HMAC over the raw body with the secret shown once), retried with exponential backoff after 500s until
 * it succeeds, and the delivery log shows every attempt. A TASK workflow creates a follow-up task listed by
 * `tasks`. Two tenants' workflows with many sessions in flight together never fire for each other. A
 * platform stopped between two retries delivers after it starts again (nothing accepted is lost).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { demoAgents, demoMembers } from '../../bin/demo-plan';
import { verifySignature } from '../../subgraphs/tenants/workflows/signature';
import { eventually } from '../helpers/eventually';
import { describeEachDb } from '../helpers/variants';
import { createDatabase, startTestPlatform, type TestPlatform } from '../helpers/platform';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import type { DbKind } from '../helpers/db';

type Tenant = 'acme' | 'summit';
type Answer = Awaited<ReturnType<TestPlatform['gql']>>;

const RETRY_BASE_MS = 200;
const ENV = {
  WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
  WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
  WEBHOOK_MAX_ATTEMPTS: '5',
  WEBHOOK_POLL_MS: '50',
  WEBHOOK_TIMEOUT_MS: '3000',
};

const CREATE = `mutation ($input: CreateWorkflowInput!) {
  createWorkflow(input: $input) { webhookSecret workflow { id name trigger action url minScore stage enabled } }
}`;
const DELIVERIES = `query ($workflowId: ID) { webhookDeliveries(workflowId: $workflowId, first: 200) {
  id workflowId trigger url body status attempts lastStatusCode lastError nextAttemptAt completedAt redeliveryOf
  attemptLog { attempt statusCode error durationMs at }
} }`;
const TASKS = `query { tasks(first: 200) { id workflowId trigger title detail agentId sessionId locationId status } }`;
const START = `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`;
const UPDATE_SESSION = `mutation ($id: ID!, $input: UpdateAgentSessionInput!) { updateAgentSession(id: $id, input: $input) { id stage } }`;
const ADD_TURN = `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;
const HINTS = `query ($id: ID!) { agentSession(id: $id) { hints(first: 5) { id } qualification { score } } }`;
const RATE = `mutation ($id: ID!) { rateHint(hintId: $id, verdict: ACCEPTED) { id status } }`;
const ISSUE_TOKEN = `mutation ($id: ID!) { issueAccessToken(memberId: $id, ttlSeconds: 600) { token } }`;
const ROTATE = `mutation ($id: ID!) { rotateWorkflowSecret(id: $id) { webhookSecret workflow { id } } }`;
const REDELIVER = `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id status redeliveryOf } }`;

interface Delivery {
  id: string;
  workflowId: string;
  trigger: string;
  body: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  nextAttemptAt: string | null;
  redeliveryOf: string | null;
  attemptLog: { attempt: number; statusCode: number | null; error: string | null; at: string }[];
}

function api(t: () => TestPlatform) {
  const gql = (tenant: Tenant, q: string, v: Record<string, unknown> = {}): Promise<Answer> =>
    t().gql(q, v, { 'x-api-key': t().apiKeys[tenant] });
  const data = async <T>(p: Promise<Answer>, field: string): Promise<T> => {
    const a = await p;
    if (a.errors) throw new Error(JSON.stringify(a.errors));
    return (a.data as Record<string, T>)[field]!;
  };
  return {
    gql,
    data,
    create: (tenant: Tenant, input: Record<string, unknown>) =>
      data<{ webhookSecret: string | null; workflow: { id: string } }>(
        gql(tenant, CREATE, { input }),
        'createWorkflow',
      ),
    deliveries: (tenant: Tenant, workflowId?: string) =>
      data<Delivery[]>(gql(tenant, DELIVERIES, { workflowId }), 'webhookDeliveries'),
    startSession: async (tenant: Tenant, agentIndex = 0) =>
      (
        await data<{ id: string }>(
          gql(tenant, START, {
            input: {
              agentId: demoAgents(tenant)[agentIndex]!.id,
              contactId: `wf-${randomUUID().slice(0, 8)}`,
              channel: 'SMS',
            },
          }),
          'startAgentSession',
        )
      ).id,
    toStage: (tenant: Tenant, id: string, stage: string) =>
      data(gql(tenant, UPDATE_SESSION, { id, input: { stage } }), 'updateAgentSession'),
    leadSays: (tenant: Tenant, sessionId: string, text: string) =>
      data(gql(tenant, ADD_TURN, { input: { sessionId, speaker: 'LEAD', text } }), 'addConversationTurn'),
  };
}

const QUALIFYING =
  "We're pre-approved, our budget is $450,000, we want Austin or Round Rock and need to move within 3 months.";

describeEachDb('workflows through the gateway (%s)', (kind) => {
  let t: TestPlatform;
  let rx: WebhookReceiver;
  const a = api(() => t);

  beforeAll(async () => {
    rx = await startWebhookReceiver();
    t = await startTestPlatform(kind, ENV);
  });
  afterAll(async () => {
    await t?.close();
    await rx?.close();
  });

  it('a signed webhook is retried with backoff after 500s until it succeeds; the delivery log shows each attempt', async () => {
    const hook = `/qual-${kind}`;
    rx.script(hook, [500, 500]);
    const { webhookSecret, workflow } = await a.create('acme', {
      name: 'Hot lead',
      trigger: 'QUALIFICATION_SCORE',
      action: 'WEBHOOK',
      minScore: 1,
      url: rx.url(hook),
    });
    expect(webhookSecret).toMatch(/^whsec_/);
    const sessionId = await a.startSession('acme');
    await a.leadSays('acme', sessionId, QUALIFYING);

    const got = await rx.waitFor(hook, 3);
    expect(got.map((r) => r.answered)).toEqual([500, 500, 200]);
    // every attempt is the same delivery, signed over the exact bytes received
    expect(new Set(got.map((r) => r.headers['x-webhook-id'])).size).toBe(1);
    for (const r of got) {
      expect(verifySignature(webhookSecret!, r.raw, String(r.headers['x-webhook-signature']))).toBe(true);
      expect(verifySignature('whsec_wrong', r.raw, String(r.headers['x-webhook-signature']))).toBe(false);
      expect(r.headers['x-webhook-event']).toBe('QUALIFICATION_SCORE');
    }
    expect(got[0]!.json).toMatchObject({
      trigger: 'QUALIFICATION_SCORE',
      workflowId: workflow.id,
      data: { sessionId, score: expect.any(Number) },
    });
    // exponential backoff with jitter: the n-th retry waits at least half of base × 2^(n−1)
    const gaps = [got[1]!.at - got[0]!.at, got[2]!.at - got[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS / 2);
    expect(gaps[1]).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    console.log(
      `[workflows ${kind}] retry gaps after 500s: ${gaps.join(' ms, ')} ms (base ${RETRY_BASE_MS} ms)`,
    );

    const [d] = await eventually(async () => {
      const list = await a.deliveries('acme', workflow.id);
      expect(list).toHaveLength(1);
      expect(list[0]!.status).toBe('SUCCEEDED');
      return list;
    });
    expect(d).toMatchObject({ attempts: 3, lastStatusCode: 200, nextAttemptAt: null, redeliveryOf: null });
    expect(d!.attemptLog.map((x) => x.statusCode)).toEqual([500, 500, 200]);
    expect(d!.attemptLog.map((x) => x.attempt)).toEqual([1, 2, 3]);
    expect(d!.body).toBe(got[2]!.raw.toString('utf8'));
    expect(got[2]!.headers['x-webhook-id']).toBe(d!.id);

    // the session's later score changes fire nothing again (once per session)
    await a.leadSays(
      'acme',
      sessionId,
      'We also want 4 bedrooms and a big yard, budget is up to $500,000 now.',
    );
    const second = await a.startSession('acme');
    await a.leadSays('acme', second, QUALIFYING);
    await rx.waitFor(hook, 4);
    const deliveries = await a.deliveries('acme', workflow.id);
    expect(deliveries.map((x) => JSON.parse(x.body).data.sessionId).sort()).toEqual(
      [sessionId, second].sort(),
    );

    // a rotated secret signs every attempt from then on; the old one no longer verifies
    const rotated = await a.data<{ webhookSecret: string }>(
      a.gql('acme', ROTATE, { id: workflow.id }),
      'rotateWorkflowSecret',
    );
    expect(rotated.webhookSecret).toMatch(/^whsec_/);
    expect(rotated.webhookSecret).not.toBe(webhookSecret);

    // redelivery: a new delivery of the same body, sent at once
    const again = await a.data<{ id: string; redeliveryOf: string }>(
      a.gql('acme', REDELIVER, { id: d!.id }),
      'redeliverWebhook',
    );
    expect(again.redeliveryOf).toBe(d!.id);
    const re = await eventually(
      () => rx.received(hook).find((r) => r.headers['x-webhook-id'] === again.id) ?? false,
    );
    expect(re.raw.toString('utf8')).toBe(d!.body);
    const signature = String(re.headers['x-webhook-signature']);
    expect(verifySignature(rotated.webhookSecret, re.raw, signature)).toBe(true);
    expect(verifySignature(webhookSecret!, re.raw, signature)).toBe(false);
  });

  it('an accepted hint fires its webhook; a stage workflow creates a follow-up task', async () => {
    const hook = `/hint-${kind}`;
    const { workflow: hintFlow } = await a.create('acme', {
      name: 'Hint used',
      trigger: 'HINT_ACCEPTED',
      action: 'WEBHOOK',
      url: rx.url(hook),
    });
    const { workflow: taskFlow, webhookSecret } = await a.create('acme', {
      name: 'Under contract',
      trigger: 'STAGE_REACHED',
      action: 'TASK',
      taskTitle: 'Send the closing checklist',
    });
    expect(webhookSecret).toBeNull();
    const sessionId = await a.startSession('acme');
    await a.leadSays('acme', sessionId, QUALIFYING);
    const hintId = await eventually(async () => {
      const s = await a.data<{ hints: { id: string }[] }>(
        a.gql('acme', HINTS, { id: sessionId }),
        'agentSession',
      );
      return s.hints[0]?.id ?? false;
    });
    await a.data(a.gql('acme', RATE, { id: hintId }), 'rateHint');
    const [hit] = await rx.waitFor(hook, 1);
    expect(hit!.json).toMatchObject({
      trigger: 'HINT_ACCEPTED',
      workflowId: hintFlow.id,
      data: { hintId, sessionId, verdict: 'ACCEPTED' },
    });

    await a.toStage('acme', sessionId, 'NEGOTIATION');
    await a.toStage('acme', sessionId, 'UNDER_CONTRACT');
    const task = await eventually(async () => {
      const tasks = await a.data<{ workflowId: string; sessionId: string }[]>(a.gql('acme', TASKS), 'tasks');
      return tasks.find((x) => x.workflowId === taskFlow.id) ?? false;
    });
    expect(task).toMatchObject({
      title: 'Send the closing checklist',
      trigger: 'STAGE_REACHED',
      sessionId,
      agentId: demoAgents('acme')[0]!.id,
      status: 'OPEN',
      detail: 'Session reached stage UNDER_CONTRACT',
    });
    // Summit sees none of Acme's tasks or workflows
    const summitTasks = await a.data<{ workflowId: string }[]>(a.gql('summit', TASKS), 'tasks');
    expect(summitTasks.filter((x) => x.workflowId === taskFlow.id)).toEqual([]);
    expect(await a.deliveries('summit', hintFlow.id)).toEqual([]);
  });

  it("two tenants' workflows with sessions in flight together never fire for each other", async () => {
    const N = 12;
    const hooks: Record<Tenant, string> = { acme: `/stage-acme-${kind}`, summit: `/stage-summit-${kind}` };
    const secrets = {} as Record<Tenant, string>;
    for (const tenant of ['acme', 'summit'] as const) {
      const made = await a.create(tenant, {
        name: 'Contract',
        trigger: 'STAGE_REACHED',
        action: 'WEBHOOK',
        url: rx.url(hooks[tenant]),
      });
      secrets[tenant] = made.webhookSecret!;
    }
    const sessions: Record<Tenant, string[]> = { acme: [], summit: [] };
    await Promise.all(
      (['acme', 'summit'] as const).flatMap((tenant) =>
        Array.from({ length: N }, async () => {
          const id = await a.startSession(tenant);
          sessions[tenant].push(id);
          await a.toStage(tenant, id, 'UNDER_CONTRACT');
        }),
      ),
    );
    for (const tenant of ['acme', 'summit'] as const) {
      const got = await rx.waitFor(hooks[tenant], N);
      const tenantId = got[0]!.json['tenantId'];
      expect(got.every((r) => r.json['tenantId'] === tenantId)).toBe(true);
      expect(got.map((r) => (r.json['data'] as { sessionId: string }).sessionId).sort()).toEqual(
        [...sessions[tenant]].sort(),
      );
      // signed with that tenant's endpoint secret, not the other's
      const other = tenant === 'acme' ? 'summit' : 'acme';
      expect(
        got.every((r) => verifySignature(secrets[tenant], r.raw, String(r.headers['x-webhook-signature']))),
      ).toBe(true);
      expect(
        got.some((r) => verifySignature(secrets[other], r.raw, String(r.headers['x-webhook-signature']))),
      ).toBe(false);
    }
    expect(rx.received(hooks.acme)).toHaveLength(N);
    expect(rx.received(hooks.summit)).toHaveLength(N);
  });

  it("a contact's erasure scrubs the contact from the delivery log", async () => {
    const hook = `/erase-${kind}`;
    const { workflow } = await a.create('acme', {
      name: 'Contract',
      trigger: 'STAGE_REACHED',
      action: 'WEBHOOK',
      url: rx.url(hook),
    });
    const contactId = `wf-erase-${randomUUID().slice(0, 8)}`;
    const session = await a.data<{ id: string }>(
      a.gql('acme', START, { input: { agentId: demoAgents('acme')[0]!.id, contactId, channel: 'SMS' } }),
      'startAgentSession',
    );
    await a.toStage('acme', session.id, 'UNDER_CONTRACT');
    const [sent] = await rx.waitFor(hook, 1);
    expect(sent!.raw.toString()).toContain(contactId);
    await a.data(
      a.gql('acme', `mutation ($c: ID!) { eraseContact(contactId: $c) { id } }`, { c: contactId }),
      'eraseContact',
    );
    const [d] = await a.deliveries('acme', workflow.id);
    expect(d!.body).not.toContain(contactId);
    expect(JSON.parse(d!.body)).toMatchObject({
      data: { sessionId: session.id, contactId: '[erased]' },
    });
  });

  it('refuses a MANAGER (tenants:admin and OWNER/ADMIN needed) and checks the fields', async () => {
    const issued = await a.data<{ token: string }>(
      a.gql('acme', ISSUE_TOKEN, { id: demoMembers('acme')[1]!.id }),
      'issueAccessToken',
    );
    const asManager = await t.gql(
      CREATE,
      { input: { name: 'x', trigger: 'HINT_ACCEPTED', action: 'TASK' } },
      { authorization: `Bearer ${issued.token}` },
    );
    expect(asManager.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const listed = await t.gql(DELIVERIES, {}, { authorization: `Bearer ${issued.token}` });
    expect(listed.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const missingUrl = await a.gql('acme', CREATE, {
      input: { name: 'x', trigger: 'HINT_ACCEPTED', action: 'WEBHOOK' },
    });
    expect(missingUrl.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const missingScore = await a.gql('acme', CREATE, {
      input: { name: 'x', trigger: 'QUALIFICATION_SCORE', action: 'TASK' },
    });
    expect(missingScore.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

/** A platform on a data directory (and database) that outlives it: the restart keeps what was accepted. */
async function startOn(
  kind: DbKind,
  dataDir: string,
  dbUrl: string | undefined,
  prefix: string,
): Promise<TestPlatform> {
  return startTestPlatform(kind, {
    ...ENV,
    WEBHOOK_RETRY_BASE_MS: '400',
    DATA_DIR: dataDir,
    ...(dbUrl ? { DATABASE_URL: dbUrl, REDIS_PREFIX: prefix } : {}),
  });
}

describeEachDb('workflow webhooks across a restart (%s)', (kind) => {
  it('a delivery stopped between two retries is delivered after the platform starts again', async () => {
    const rx = await startWebhookReceiver();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wf-restart-'));
    const db = kind === 'postgres' ? await createDatabase('wf') : undefined;
    const prefix = `wf-${randomBytes(4).toString('hex')}`;
    let t = await startOn(kind, dataDir, db?.url, prefix);
    try {
      const a = api(() => t);
      const hook = '/restart';
      rx.script(hook, [500, 500, 500, 500]);
      const { webhookSecret } = await a.create('acme', {
        name: 'Contract',
        trigger: 'STAGE_REACHED',
        action: 'WEBHOOK',
        url: rx.url(hook),
      });
      const sessionId = await a.startSession('acme');
      await a.toStage('acme', sessionId, 'UNDER_CONTRACT');
      const before = await rx.waitFor(hook, 2);
      await t.close(); // mid-retry: the delivery waits PENDING for its 3rd attempt
      const stoppedAt = rx.received(hook).length;
      rx.script(hook, []); // the receiver recovers while the platform is down
      t = await startOn(kind, dataDir, db?.url, prefix);
      const after = await rx.waitFor(hook, stoppedAt + 1, 20_000);
      const last = after.at(-1)!;
      expect(last.answered).toBe(200);
      expect(last.headers['x-webhook-id']).toBe(before[0]!.headers['x-webhook-id']);
      expect(verifySignature(webhookSecret!, last.raw, String(last.headers['x-webhook-signature']))).toBe(
        true,
      );
      const [d] = await eventually(async () => {
        const list = await a.deliveries('acme');
        expect(list[0]?.status).toBe('SUCCEEDED');
        return list;
      });
      expect(d!.attempts).toBe(stoppedAt + 1);
      expect(d!.attemptLog.map((x) => x.statusCode)).toEqual([...Array(stoppedAt).fill(500), 200]);
      console.log(
        `[workflows ${kind}] restart: ${stoppedAt} attempts before the stop, delivered on attempt ${d!.attempts} after it`,
      );
    } finally {
      await t.close();
      await db?.drop();
      await rx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
