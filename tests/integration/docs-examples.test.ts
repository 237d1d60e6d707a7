/**
 * Documentation that does not run fails CI (issue 9 §1). Against a live platform this runs, as a reader
 * would and in the order written:
 * - README.md: every ```bash block with `curl` or `export` (each in `bash -c`, from a folder whose `data/`
 *   is the platform's data dir, so `data/demo-credentials.json` is the real one), the ```js graphql-ws
 *   subscriber (node, resolving `ws` and `graphql-ws` from the repo's node_modules), and the block that
 *   makes the GoHighLevel key pair (before the platform starts, which then trusts its public key);
 * - every example of the developer portal (gateway/web/portal/examples.ts), the same way.
 * Blocks hand values on by `export NAME=…` or a `# sets NAME from .path` comment (tests/helpers/doc-runner.ts).
 * Each GraphQL answer must carry no error and the data the text promises (EXPECT, by root field: a new root
 * field in the docs needs its expectation here); the subscriber must print a completed hint; the signed
 * webhook must answer 202 and its message must reach the session as a GHL turn with new hints.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { portalExamples } from '../../gateway/web/portal/examples';
import { DocShell, NodeScript, fencedBlocks, readPath, setsMarkers } from '../helpers/doc-runner';
import { eventually } from '../helpers/eventually';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

interface Step {
  label: string;
  lang: string;
  code: string;
}

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** What each documented root field must answer (beyond "no errors"). */
const EXPECT: Record<string, (v: unknown) => void> = {
  agents: (v) => {
    expect((v as Json)['totalCount']).toBeGreaterThan(0);
    expect(readPath(v, '.edges[0].node.location.name')).toEqual(expect.any(String));
  },
  startAgentSession: (v) => expect(v).toMatchObject({ id: expect.any(String), stage: 'INITIAL_CONTACT' }),
  addConversationTurn: (v) => expect(v).toMatchObject({ id: expect.any(String), speaker: 'LEAD' }),
  requestCoaching: (v) => expect(v).toMatchObject({ id: expect.any(String), status: 'RUNNING' }),
  agentSession: (v) => {
    expect(list((v as Json)['turns']).some((t) => t['speaker'] === 'LEAD')).toBe(true);
    expect(list((v as Json)['hints']).length).toBeGreaterThan(0);
  },
  rateHint: (v) => expect(v).toMatchObject({ status: 'ACCEPTED', ratedAt: expect.any(String) }),
  analytics: (v) => {
    expect(Array.isArray(v)).toBe(true);
    expect(list(v).reduce((n, p) => n + Number(p['hintsDelivered']), 0)).toBeGreaterThan(0);
  },
  invoices: (v) => expect(Array.isArray(v)).toBe(true),
  coachingVerticals: (v) => {
    expect(list(v).map((x) => x['code'])).toEqual(
      expect.arrayContaining(['RESIDENTIAL', 'MORTGAGE', 'COMMERCIAL']),
    );
    expect(readPath(v, '[0].qualificationSlots[0].key')).toEqual(expect.any(String));
  },
};

const isWebhook = (s: Step) => s.lang === 'bash' && /\/webhooks\/ghl/.test(s.code);
const isKeyPair = (s: Step) => s.lang === 'bash' && /openssl genpkey/.test(s.code);
const isSubscriber = (s: Step) => /^(js|javascript)$/.test(s.lang) && /createClient/.test(s.code);
const isRunnableBash = (s: Step) => s.lang === 'bash' && /(^|\s)(curl|export) /m.test(s.code);

/** One GraphQL call's block: no errors, the promised data, its `# sets` values. Queries are retried until
 * their data is there (hints and analytics follow a turn by a moment); mutations run once. */
async function graphqlStep(shell: DocShell, step: Step, fields: Set<string>): Promise<void> {
  const once = async () => {
    const res = await shell.run(step.code);
    expect({ step: step.label, exitCode: res.exitCode, stderr: res.stderr }).toMatchObject({ exitCode: 0 });
    const body = JSON.parse(res.stdout.trim()) as Json;
    expect({ step: step.label, errors: body['errors'] }).toEqual({ step: step.label, errors: undefined });
    const data = body['data'] as Json;
    expect(data).toEqual(expect.any(Object));
    for (const [field, value] of Object.entries(data)) {
      expect({ step: step.label, documented: field in EXPECT }).toEqual({
        step: step.label,
        documented: true,
      });
      EXPECT[field]!(value);
      fields.add(field);
    }
    for (const m of setsMarkers(step.code)) {
      const v = readPath(body, m.path);
      expect({ step: step.label, [m.name]: typeof v }).toEqual({ step: step.label, [m.name]: 'string' });
      shell.vars[m.name] = v as string;
    }
  };
  if (/"mutation/.test(step.code)) await once();
  else await eventually(once, { timeoutMs: 20_000, intervalMs: 250, what: step.label });
}

async function webhookStep(t: TestPlatform, shell: DocShell, step: Step): Promise<void> {
  const session = async () =>
    (
      await t.gql<{ agentSession: { turns: { source: string; text: string }[]; hints: { id: string }[] } }>(
        'query ($id: ID!) { agentSession(id: $id) { turns(last: 100) { source text } hints(first: 100) { id } } }',
        { id: shell.env()['SESSION_ID'] },
        { 'x-api-key': shell.env()['API_KEY']! },
      )
    ).data!.agentSession;
  const hintsBefore = (await session()).hints.length;
  const res = await shell.run(step.code);
  expect({ step: step.label, exitCode: res.exitCode, stderr: res.stderr }).toMatchObject({ exitCode: 0 });
  const [body, status] = res.stdout.trim().split('\n');
  expect(status).toBe('HTTP 202');
  expect(JSON.parse(body!)).toMatchObject({ accepted: true, webhookId: expect.any(String) });
  const sent = /"body":"([^"]+)"/.exec(step.code)![1]!;
  await eventually(
    async () => {
      const s = await session();
      expect(s.turns).toContainEqual({ source: 'GHL', text: sent });
      expect(s.hints.length).toBeGreaterThan(hintsBefore);
    },
    { timeoutMs: 20_000, intervalMs: 250, what: 'the webhook turn and its hints' },
  );
}

/** Runs the steps in order; returns what ran, by kind, and the root fields the GraphQL steps answered. */
async function runSteps(t: TestPlatform, shell: DocShell, steps: Step[]) {
  const ran = { graphql: 0, webhook: 0, setup: 0, subscriber: 0, fields: new Set<string>() };
  let subscriber: NodeScript | undefined;
  try {
    for (const step of steps) {
      if (isSubscriber(step)) {
        subscriber = new NodeScript(step.code, {
          nodeModules: path.join(ROOT, 'node_modules'),
          env: shell.env(),
        });
        await subscriber.until((out) => /^connected$/m.test(out), `${step.label} connects`);
        ran.subscriber++;
      } else if (isWebhook(step)) {
        await webhookStep(t, shell, step);
        ran.webhook++;
      } else if (/(^|\s)curl /m.test(step.code)) {
        await graphqlStep(shell, step, ran.fields);
        ran.graphql++;
      } else if (isRunnableBash(step)) {
        const res = await shell.run(step.code);
        expect({ step: step.label, exitCode: res.exitCode, stderr: res.stderr }).toMatchObject({
          exitCode: 0,
        });
        ran.setup++;
      }
    }
    expect(subscriber).toBeDefined();
    // the turn, the question and the webhook each started a run: the subscriber saw a hint completed
    await subscriber!.until(
      (out) => /^COMPLETED \d+ \S/m.test(out),
      'the subscriber prints a completed hint',
    );
  } finally {
    await subscriber?.stop();
  }
  return ran;
}

/** A folder as a reader's checkout: `data/` is the platform's data dir; the GHL key pair lives here. */
function readerFolder(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('the documentation runs (sqlite)', () => {
  let t: TestPlatform;
  const readmeDir = readerFolder('docs-readme-');
  const portalDir = readerFolder('docs-portal-');
  const readmeSteps: Step[] = fencedBlocks(README).map((b) => ({
    label: `README.md:${b.line}`,
    lang: b.lang,
    code: b.code,
  }));
  let portalSteps: Step[] = [];

  beforeAll(async () => {
    // the key-pair blocks run first, as the docs say: the platform then starts trusting their public keys
    const keyBlocks: [string, Step | undefined][] = [
      [readmeDir, readmeSteps.find(isKeyPair)],
      [portalDir, portalExamples({ origin: 'http://localhost:4000' }).map(toStep).find(isKeyPair)],
    ];
    for (const [dir, step] of keyBlocks) {
      expect(step).toBeDefined();
      const res = await new DocShell(dir).run(step!.code);
      expect({ step: step!.label, exitCode: res.exitCode, stderr: res.stderr }).toMatchObject({
        exitCode: 0,
      });
    }
    const pems = keyBlocks.map(([dir]) => fs.readFileSync(path.join(dir, 'ghl-public.pem'), 'utf8'));
    t = await startTestPlatform('sqlite', { GHL_ED25519_PUBLIC_KEY: pems.join('') });
    for (const dir of [readmeDir, portalDir]) fs.symlinkSync(t.config.dataDir, path.join(dir, 'data'), 'dir');
    portalSteps = portalExamples({ origin: new URL(t.url).origin }).map(toStep);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    for (const dir of [readmeDir, portalDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  function toStep(e: { id: string; language: string; code: string }): Step {
    return { label: `portal example ${e.id}`, lang: e.language, code: e.code };
  }

  test('every curl in README.md is in a block that runs, and each answers what the README says', async () => {
    const curlLines = README.match(/^\s*curl /gm) ?? [];
    const running = readmeSteps.filter((s) => isRunnableBash(s) || isSubscriber(s));
    const curlLinesRun = running.flatMap((s) => s.code.match(/^\s*curl /gm) ?? []);
    expect(curlLinesRun.length).toBe(curlLines.length);
    expect(curlLines.length).toBeGreaterThanOrEqual(8);

    const ran = await runSteps(t, new DocShell(readmeDir), running);
    expect({ ...ran, fields: [...ran.fields].sort() }).toEqual({
      graphql: curlLines.length - 1,
      webhook: 1,
      setup: expect.any(Number),
      subscriber: 1,
      fields: Object.keys(EXPECT).sort(),
    });
    expect(ran.setup).toBeGreaterThan(0);
  }, 180_000);

  test('every developer-portal example runs and answers what its description says', async () => {
    const runnable = portalSteps.filter((s) => !isKeyPair(s));
    expect(runnable.length).toBeGreaterThanOrEqual(10);
    // the JSON payload example is the body the signed example sends, field for field
    const payload = JSON.parse(runnable.find((s) => s.lang === 'json')!.code) as Json;
    expect(Object.keys(payload).sort()).toEqual(
      ['body', 'contactId', 'locationId', 'messageId', 'timestamp', 'type', 'webhookId'].sort(),
    );
    const signed = runnable.find(isWebhook)!.code;
    for (const key of Object.keys(payload)) expect(signed).toContain(`"${key}":`);

    const shell = new DocShell(portalDir, { GATEWAY: new URL(t.url).origin, API_KEY: t.apiKeys.acme });
    const ran = await runSteps(t, shell, runnable);
    const curlExamples = runnable.filter((s) => /(^|\s)curl /m.test(s.code));
    expect({ ...ran, fields: [...ran.fields].sort() }).toEqual({
      graphql: curlExamples.length - 1,
      webhook: 1,
      setup: 0,
      subscriber: 1,
      fields: Object.keys(EXPECT).sort(),
    });
  }, 180_000);
});
