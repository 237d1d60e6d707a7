/**
 * Server CPU per coaching turn (offline coach), end to end, with the whole platform in this process:
 *
 *   node -r @swc-node/register bench/coaching-cpu.ts [--turns 200] [--sessions 8] [--rate 200] [--seconds 3]
 *
 * The embedded platform (SQLite files in a temp dir, in-process events and pub/sub, offline coach) starts
 * here; sessions are opened for several Acme agents, each with a widget subscribed to `coachingHints` on
 * the gateway (graphql-ws). Then, per path, `--turns` LEAD turns are sent one at a time, each waiting for
 * its first COMPLETED hint event:
 *   - mutation: `addConversationTurn` through the gateway (API key);
 *   - webhook: a signed GoHighLevel `InboundMessage` (ed25519, key generated here) posted to the gateway.
 * CPU per turn = process.cpuUsage() (user + system) over the phase, including 300 ms after the last hint
 * so that event consumers (analytics, billing) finish, divided by the turns. The baseline in the same run
 * is the offline coach alone (`offlineCoach`: slots, classification, rendering) on the same conversations.
 * Last, an open-loop phase posts signed webhooks at `--rate` per second for `--seconds` and reports
 * webhook → first hint event and → first COMPLETED percentiles.
 *
 * The load generator runs in this process too, so its cost (HTTP client, WebSocket frames) is included;
 * webhook bodies are signed and mutation bodies serialized before each measured window.
 */
import 'reflect-metadata';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { AgentRole, ConversationStage, Speaker, type Experience } from '../core/vocabulary';
import { composeFromCode } from '../bin/compose';
import { DEMO, demoAgents } from '../bin/demo-plan';
import { runPlatform, type RunningPlatform } from '../bin/run-platform';
import { offlineCoach, type Turn } from '../subgraphs/coaching/coach/offline-coach';
import { gqlPost, keepAliveAgent, post, type PostTarget } from './http-client';
import { BENCH_CONTEXT_SECRET, BENCH_CREDENTIAL_SERVICE_SECRET, BENCH_JWT_SECRET } from './platform';
import { percentile, SessionHints, type TurnTiming } from './coaching-cpu-hints';

const LEADS = [
  'Honestly the list price feels way too high, we are pre-approved for 450k max',
  'We are just looking for now, maybe next spring. Any 3 bedroom condos in Round Rock?',
  'Is your commission negotiable? Another agent offered 1%.',
  'Can we see the one on Maple this Saturday around 10?',
  'The appraisal came in low, what happens now?',
  'We need to sell our current home first before we can buy.',
  'What are the HOA fees and property taxes on that one?',
  'My husband and I want a good school district, 4 beds, under 600k.',
  'Rates are crazy right now, maybe we should wait a year.',
  'Thanks, that was helpful! Could you send me a few more listings?',
];

interface Args {
  turns: number;
  sessions: number;
  rate: number;
  seconds: number;
}

function parseArgs(argv: string[]): Args {
  const num = (name: string, dflt: number): number => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? Number(argv[at + 1]) : dflt;
  };
  return {
    turns: num('turns', 200),
    sessions: num('sessions', 8),
    rate: num('rate', 200),
    seconds: num('seconds', 3),
  };
}

interface BenchSession {
  id: string;
  agentId: string;
  role: AgentRole;
  experience: Experience;
  ghlUserId: string;
  contactId: string;
  hints: SessionHints;
  /** The conversation as the coach sees it (for the coach-alone baseline). */
  turns: Turn[];
}

interface PhaseResult {
  name: string;
  turns: number;
  cpuMsPerTurn: number;
  timings: TurnTiming[];
  wallMs: number;
}

const LOG_LEVEL = process.env['BENCH_LOG_LEVEL'] ?? 'silent';
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function startPlatform(dataDir: string, pem: string): Promise<RunningPlatform> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: LOG_LEVEL,
    DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    TENANTS_PORT: '0',
    AGENTS_PORT: '0',
    COACHING_PORT: '0',
    ANALYTICS_PORT: '0',
    BILLING_PORT: '0',
    JWT_SECRET: BENCH_JWT_SECRET,
    CONTEXT_SECRET: BENCH_CONTEXT_SECRET,
    CREDENTIAL_SERVICE_SECRET: BENCH_CREDENTIAL_SERVICE_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000000',
    QUERY_PLANNER: 'rust',
    GHL_ED25519_PUBLIC_KEY: pem,
  });
  const { supergraph } = await composeFromCode();
  return runPlatform(config, createLogger({ level: LOG_LEVEL, name: 'bench' }), { supergraph });
}

async function setGhlUser(agent: http.Agent, gw: PostTarget, id: string, ghlUserId: string): Promise<void> {
  const upd = await gqlPost(
    agent,
    gw,
    'mutation ($id: ID!, $input: UpdateAgentInput!) { updateAgent(id: $id, input: $input) { id } }',
    { id, input: { ghlUserId } },
  );
  if (upd.errors) throw new Error(`updateAgent: ${upd.errors[0]!.message}`);
}

async function openSessions(p: RunningPlatform, gw: PostTarget, count: number): Promise<BenchSession[]> {
  const agent = keepAliveAgent(4);
  const austin = DEMO.acme.locations[0].id;
  const agents = demoAgents('acme').filter((a) => a.locationId === austin);
  const out: BenchSession[] = [];
  for (let i = 0; i < count; i++) {
    const a = agents[i % agents.length]!;
    const ghlUserId = `bench-ghl-${i % agents.length}`;
    if (i < agents.length) await setGhlUser(agent, gw, a.id, ghlUserId);
    const contactId = `bench-cpu-contact-${i + 1}-${randomUUID().slice(0, 8)}`;
    const r = await gqlPost<{ startAgentSession: { id: string } }>(
      agent,
      gw,
      'mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }',
      { input: { agentId: a.id, contactId, channel: 'SMS' } },
    );
    const id = r.data?.startAgentSession.id;
    if (!id) throw new Error(`startAgentSession: ${r.errors?.[0]?.message ?? r.status}`);
    const hints = SessionHints.connect(p.gateway.url, gw.headers['x-api-key']!, id);
    out.push({
      id,
      agentId: a.id,
      role: a.role,
      experience: a.experience,
      ghlUserId,
      contactId,
      hints,
      turns: [],
    });
  }
  agent.destroy();
  return out;
}

const ADD_TURN = `mutation BenchTurn($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;

function prepareMutation(gw: PostTarget, s: BenchSession, text: string): () => Promise<number> {
  const body = JSON.stringify({
    query: ADD_TURN,
    variables: { input: { sessionId: s.id, speaker: 'LEAD', text } },
  });
  const agent = sharedAgent;
  return async () => (await post(agent, gw, body)).status;
}

function prepareWebhook(
  url: URL,
  key: ReturnType<typeof generateKeyPairSync>['privateKey'],
  s: BenchSession,
  text: string,
) {
  const webhookId = randomUUID();
  const raw = JSON.stringify({
    type: 'InboundMessage',
    webhookId,
    timestamp: new Date().toISOString(),
    locationId: 'ghl-acme-austin',
    contactId: s.contactId,
    userId: s.ghlUserId,
    messageId: `msg-${webhookId}`,
    body: text,
  });
  const signature = sign(null, Buffer.from(raw), key).toString('base64');
  const target: PostTarget = { url, headers: { 'x-ghl-signature': signature } };
  return async () => {
    const r = await post(sharedAgent, target, raw);
    if (r.status >= 400 && process.env['BENCH_DEBUG']) console.error(`webhook ${r.status}: ${r.body}`);
    return r.status;
  };
}

const sharedAgent = keepAliveAgent(64);

function leadText(i: number): string {
  return `${LEADS[i % LEADS.length]!} (${i + 1})`;
}

/** Sends `plan` one at a time, each after the previous one's first COMPLETED; CPU over the whole window. */
async function sequential(
  name: string,
  plan: { s: BenchSession; text: string; send: () => Promise<number> }[],
): Promise<PhaseResult> {
  const timings: TurnTiming[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const { s, text, send } of plan) {
    const turn: TurnTiming = { sentAt: performance.now(), failed: 0 };
    const done = s.hints.expect(turn);
    const status = await send();
    turn.ackAt = performance.now();
    if (status !== 200 && status !== 202) throw new Error(`${name}: HTTP ${status}`);
    s.turns.push({ speaker: Speaker.LEAD, text });
    await done;
    timings.push(turn);
  }
  await pause(300);
  const cpu = process.cpuUsage(cpu0);
  return {
    name,
    turns: plan.length,
    cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / plan.length,
    timings,
    wallMs: performance.now() - t0,
  };
}

/** Open loop: one send every 1000/rate ms regardless of answers; waits for every first COMPLETED. */
async function openLoop(
  name: string,
  rate: number,
  plan: { s: BenchSession; text: string; send: () => Promise<number> }[],
): Promise<PhaseResult> {
  const timings: TurnTiming[] = [];
  const waits: Promise<void>[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < plan.length; i++) {
    const due = t0 + (i * 1000) / rate;
    const now = performance.now();
    if (due > now) await pause(due - now);
    const { s, text, send } = plan[i]!;
    const turn: TurnTiming = { sentAt: performance.now(), failed: 0 };
    waits.push(s.hints.expect(turn));
    s.turns.push({ speaker: Speaker.LEAD, text });
    timings.push(turn);
    void send().then(
      (status) => {
        turn.ackAt = performance.now();
        if (status !== 200 && status !== 202) {
          turn.refused = status;
          s.hints.cancel(turn);
        }
      },
      () => {
        turn.refused = 0;
        s.hints.cancel(turn);
      },
    );
  }
  await Promise.all(waits);
  await pause(300);
  const cpu = process.cpuUsage(cpu0);
  return {
    name,
    turns: plan.length,
    cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / plan.length,
    timings,
    wallMs: performance.now() - t0,
  };
}

/** The offline coach alone on the conversations the platform coached (each prefix once). */
function coachAlone(sessions: BenchSession[]): PhaseResult {
  const cases = sessions.flatMap((s) =>
    s.turns.map((_, k) => ({
      agent: { role: s.role, experience: s.experience, specializations: [] },
      turns: s.turns.slice(0, k + 1),
    })),
  );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const c of cases) offlineCoach({ ...c, stage: ConversationStage.QUALIFICATION });
  const cpu = process.cpuUsage(cpu0);
  return {
    name: 'offline coach alone (baseline)',
    turns: cases.length,
    cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / cases.length,
    timings: [],
    wallMs: performance.now() - t0,
  };
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

function row(r: PhaseResult): string {
  const first = r.timings.flatMap((t) => (t.firstEventAt !== undefined ? [t.firstEventAt - t.sentAt] : []));
  const done = r.timings.flatMap((t) =>
    t.firstCompletedAt !== undefined ? [t.firstCompletedAt - t.sentAt] : [],
  );
  const failed = r.timings.filter((t) => t.failed > 0 || t.refused !== undefined).length;
  const cells = [
    r.name,
    r.turns,
    r.cpuMsPerTurn.toFixed(2),
    ms(percentile(first, 50)),
    ms(percentile(first, 95)),
    ms(percentile(done, 50)),
    ms(percentile(done, 95)),
    ms(percentile(done, 99)),
    failed,
    ((r.turns * 1000) / r.wallMs).toFixed(0),
  ];
  return `| ${cells.join(' | ')} |`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const dataDir = fs.mkdtempSync(
    path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'coaching-cpu-'),
  );
  const p = await startPlatform(dataDir, pem);
  const key = p.credentials?.tenants.find((t) => t.name === 'Acme Realty')?.apiKey;
  if (!key) throw new Error('demo seed did not create the Acme API key');
  const gw: PostTarget = { url: new URL('/graphql', p.gateway.url), headers: { 'x-api-key': key } };
  const hookUrl = new URL('/webhooks/ghl', p.gateway.url);
  try {
    const sessions = await openSessions(p, gw, args.sessions);
    await pause(500); // graphql-ws has no subscribe acknowledgement; the warm-up below proves each is live
    const mk = (kind: 'mutation' | 'webhook', n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => {
        const s = sessions[i % sessions.length]!;
        const text = leadText(offset + i);
        const send =
          kind === 'mutation' ? prepareMutation(gw, s, text) : prepareWebhook(hookUrl, privateKey, s, text);
        return { s, text, send };
      });
    // warm-up (unmeasured): every session coached once on each path, JIT and caches warm
    await sequential('warm-up', [
      ...mk('mutation', sessions.length * 2, 1000),
      ...mk('webhook', sessions.length * 2, 2000),
    ]);
    const results: PhaseResult[] = [];
    results.push(await sequential('mutation via gateway, one at a time', mk('mutation', args.turns, 0)));
    results.push(
      await sequential('signed webhook via gateway, one at a time', mk('webhook', args.turns, 500)),
    );
    const n = Math.round(args.rate * args.seconds);
    results.push(
      await openLoop(`signed webhooks, open loop ${args.rate}/s`, args.rate, mk('webhook', n, 3000)),
    );
    results.push(coachAlone(sessions));
    const unmatched = sessions.reduce((a, s) => a + s.hints.unmatched, 0);
    let commit = 'unknown';
    try {
      commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      // not a git checkout
    }
    const lines = [
      `Coaching turn CPU (offline coach), ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${os.cpus().length} cores, node ${process.version}, ${args.sessions} sessions`,
      '',
      '| path | turns | CPU ms/turn | first event p50 | p95 | first COMPLETED p50 | p95 | p99 | failed or refused | turns/s |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(row),
      '',
      `Latencies in ms from sending the mutation/webhook. Runs not matched to a turn: ${unmatched} (a webhook the gateway answered 429 after its 10 s upstream timeout may still be coached; then later matches shift and the open-loop latencies are approximate).`,
    ];
    console.log(lines.join('\n'));
    await Promise.all(sessions.map((s) => s.hints.close()));
  } finally {
    sharedAgent.destroy();
    await p.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
