/**
 * `/widget/demo`: paste an API key, start (or pick) a demo agent session, mount `<coaching-widget>` on it
 * and play the lead: each "Lead says…" is sent with `addConversationTurn`, so hints stream into the widget.
 * The widget itself is the `/widget/coaching-widget.js` bundle the page also loads.
 */

interface GqlError {
  message: string;
  extensions?: { code?: string };
}

const ENDPOINT = '/graphql';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

async function gql<T>(apiKey: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: GqlError[] };
  if (body.errors?.length) {
    const e = body.errors[0]!;
    throw new Error(`${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
  }
  if (!body.data) throw new Error(`HTTP ${res.status}`);
  return body.data;
}

const AGENTS = `query DemoAgents { agents(first: 20, filter: { active: true }) { edges { node { id name role } } } }`;
const START = `mutation DemoStart($input: StartAgentSessionInput!) {
  startAgentSession(input: $input) { id agent { name } }
}`;
const PICK = `query DemoPick($id: ID!) { agentSession(id: $id) { id agent { name } } }`;
const TURN = `mutation DemoTurn($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`;

interface Session {
  id: string;
  agent: { name: string } | null;
}

async function openSession(apiKey: string, existing: string): Promise<Session> {
  if (existing) return (await gql<{ agentSession: Session }>(apiKey, PICK, { id: existing })).agentSession;
  const agents = await gql<{ agents: { edges: { node: { id: string; role: string } }[] } }>(
    apiKey,
    AGENTS,
    {},
  );
  const agent = agents.agents.edges.find((e) => e.node.role === 'BUYER_AGENT') ?? agents.agents.edges[0];
  if (!agent) throw new Error('this key sees no active agent: create one first (createAgent)');
  const input = { agentId: agent.node.id, contactId: `demo-lead-${Date.now()}`, channel: 'CHAT' };
  return (await gql<{ startAgentSession: Session }>(apiKey, START, { input })).startAgentSession;
}

function mountWidget(sessionId: string, apiKey: string): void {
  const slot = byId('widget-slot');
  const widget = document.createElement('coaching-widget');
  widget.setAttribute('session-id', sessionId);
  widget.setAttribute('token', apiKey);
  slot.replaceChildren(widget);
  byId('snippet').textContent = [
    `<script type="module" src="${location.origin}/widget/coaching-widget.js"></script>`,
    `<coaching-widget session-id="${sessionId}" token="YOUR_API_KEY_OR_JWT"></coaching-widget>`,
  ].join('\n');
}

function main(): void {
  const setup = byId<HTMLFormElement>('setup');
  const lead = byId<HTMLFormElement>('lead');
  const status = byId('status');
  let current: { apiKey: string; sessionId: string } | null = null;

  setup.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const apiKey = byId<HTMLInputElement>('api-key').value.trim();
    const existing = byId<HTMLInputElement>('session-id').value.trim();
    status.textContent = 'Starting a session…';
    openSession(apiKey, existing).then(
      (session) => {
        current = { apiKey, sessionId: session.id };
        mountWidget(session.id, apiKey);
        byId('conversation').hidden = false;
        byId('session-label').textContent = `Session ${session.id} with ${session.agent?.name ?? 'an agent'}`;
        status.textContent = `Session ${session.id} is open.`;
        byId<HTMLTextAreaElement>('lead-text').focus();
      },
      (err: unknown) => {
        status.textContent = `Could not open a session: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  });

  lead.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const box = byId<HTMLTextAreaElement>('lead-text');
    const text = box.value.trim();
    if (!current || !text) return;
    const input = { sessionId: current.sessionId, speaker: 'LEAD', text };
    status.textContent = 'Sending the lead’s message…';
    gql(current.apiKey, TURN, { input }).then(
      () => {
        status.textContent = 'Sent: hints are on their way.';
        box.value = '';
      },
      (err: unknown) => {
        status.textContent = `Could not send: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  });
}

main();
