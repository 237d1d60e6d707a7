/**
 * The developer portal's runnable examples: the README's flows as copy-paste curl calls (GraphQL with
 * variables, `X-Api-Key: $API_KEY`), a Node graphql-ws subscriber, and a signed GoHighLevel webhook.
 * Placeholders ($GATEWAY, $API_KEY, $AGENT_ID, $SESSION_ID, $HINT_ID) are set by the reader; a line
 * `# sets NAME from .path` says which field of the answer the next examples read as $NAME.
 * tests/integration/docs-examples.test.ts runs every one of them against a live platform.
 */
export interface PortalExample {
  id: string;
  title: string;
  description: string;
  language: 'bash' | 'javascript' | 'json';
  code: string;
}

const ENV =
  "Set GATEWAY (this server, e.g. ORIGIN) and API_KEY (an API key, e.g. a demo tenant's from data/demo-credentials.json).";

const curl = (body: string): string =>
  [
    `curl -s "$GATEWAY/graphql" -H 'content-type: application/json' -H "X-Api-Key: $API_KEY" \\`,
    `  -d '${body}'`,
  ].join('\n');

function startExamples(env: string): PortalExample[] {
  return [
    {
      id: 'list-agents',
      title: 'List agents (query)',
      description: `${env} Lists agents with their location (joined from the tenants subgraph by the gateway). The filter finds the demo agent Maya Acme of Austin Downtown, whose GoHighLevel location the webhook example posts to; the first agent's id becomes $AGENT_ID.`,
      language: 'bash',
      code: [
        curl(
          '{"query":"query ($first: Int, $filter: AgentFilter) { agents(first: $first, filter: $filter) { totalCount edges { node { id name role experience location { name timezone } } } } }","variables":{"first":3,"filter":{"search":"Maya"}}}',
        ),
        '# sets AGENT_ID from .data.agents.edges[0].node.id',
      ].join('\n'),
    },
    {
      id: 'start-session',
      title: 'Start an agent session (mutation)',
      description: `${env} Also set AGENT_ID (from "List agents"). Opens a coaching session with a GoHighLevel contact; its id becomes $SESSION_ID.`,
      language: 'bash',
      code: [
        curl(
          '{"query":"mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id stage } }","variables":{"input":{"agentId":"\'"$AGENT_ID"\'","contactId":"ghl-contact-123","channel":"SMS"}}}',
        ),
        '# sets SESSION_ID from .data.startAgentSession.id',
      ].join('\n'),
    },
  ];
}

function coachingExamples(env: string): PortalExample[] {
  return [
    {
      id: 'add-turn',
      title: "Add the lead's message (mutation; starts coaching)",
      description: `${env} Also set SESSION_ID. Records the lead's turn; coaching starts in the background and its hints stream on coachingHints.`,
      language: 'bash',
      code: curl(
        '{"query":"mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id speaker text } }","variables":{"input":{"sessionId":"\'"$SESSION_ID"\'","speaker":"LEAD","text":"We are pre-approved up to 450k but that list price feels high"}}}',
      ),
    },
    {
      id: 'request-coaching',
      title: 'Ask the coach a question (mutation)',
      description: `${env} Also set SESSION_ID. Starts a coaching run for an explicit question; its hints stream on coachingHints.`,
      language: 'bash',
      code: curl(
        '{"query":"mutation ($sessionId: ID!, $question: String) { requestCoaching(sessionId: $sessionId, kind: DEEP, question: $question) { id status } }","variables":{"sessionId":"\'"$SESSION_ID"\'","question":"How do I answer the price objection?"}}',
      ),
    },
  ];
}

function readingExamples(env: string): PortalExample[] {
  return [
    {
      id: 'read-hints',
      title: "Read the session's turns and hints (query)",
      description: `${env} Also set SESSION_ID. Hints are stored as they complete (a moment after the turn); the first one's id becomes $HINT_ID.`,
      language: 'bash',
      code: [
        curl(
          '{"query":"query ($id: ID!) { agentSession(id: $id) { stage agent { name } turns { speaker text source } hints { id category text confidence } } }","variables":{"id":"\'"$SESSION_ID"\'"}}',
        ),
        '# sets HINT_ID from .data.agentSession.hints[0].id',
      ].join('\n'),
    },
    {
      id: 'rate-hint',
      title: 'Rate a hint (mutation)',
      description: `${env} Also set HINT_ID. Records the agent's verdict (ACCEPTED or DISMISSED); it feeds analytics.`,
      language: 'bash',
      code: curl(
        '{"query":"mutation ($hintId: ID!) { rateHint(hintId: $hintId, verdict: ACCEPTED, comment: \\"used it\\") { id status ratedAt } }","variables":{"hintId":"\'"$HINT_ID"\'"}}',
      ),
    },
    {
      id: 'analytics',
      title: 'Coaching analytics of the last 7 days (query)',
      description: `${env} Daily points for the visible locations (analytics:read); FROM/TO are computed by the snippet.`,
      language: 'bash',
      code: [
        "FROM=$(node -p 'new Date(Date.now() - 7 * 864e5).toISOString()')",
        "TO=$(node -p 'new Date(Date.now() + 864e5).toISOString()')",
        curl(
          '{"query":"query ($filter: AnalyticsFilter!) { analytics(filter: $filter, granularity: DAY) { start hintsDelivered acceptanceRate latencyP95Ms costMicros } }","variables":{"filter":{"from":"\'"$FROM"\'","to":"\'"$TO"\'"}}}',
        ),
      ].join('\n'),
    },
    {
      id: 'invoices',
      title: 'Invoices (query)',
      description: `${env} Invoices of the visible organizations, newest first (billing:read).`,
      language: 'bash',
      code: curl('{"query":"{ invoices { id planCode periodStart periodEnd totalCents hints } }"}'),
    },
    {
      id: 'coaching-verticals',
      title: 'Coaching verticals (query)',
      description: `${env} What each market vertical changes — qualification slots for a role, compliance rules (coaching:read). An organization's \`vertical\` picks one.`,
      language: 'bash',
      code: curl(
        '{"query":"{ coachingVerticals { code label qualificationSlots(role: BUYER_AGENT) { key weight } complianceRules { id summary } } }"}',
      ),
    },
  ];
}

function subscriptionExample(origin: string): PortalExample {
  return {
    id: 'subscribe-hints',
    title: 'Subscribe to coaching hints (Node 20, graphql-ws)',
    description:
      'Save as subscribe.mjs next to `npm install ws graphql-ws`, then run `GATEWAY=' +
      origin +
      ' API_KEY=… SESSION_ID=… node subscribe.mjs`. Prints every coachingHints event; a COMPLETED event carries the stored hint. Leave it running, then add a turn or ask the coach.',
    language: 'javascript',
    code: [
      "import WebSocket from 'ws';",
      "import { createClient } from 'graphql-ws';",
      '',
      `const gateway = process.env.GATEWAY ?? '${origin}';`,
      'const client = createClient({',
      "  url: gateway.replace(/^http/, 'ws') + '/graphql',",
      '  webSocketImpl: WebSocket,',
      "  connectionParams: { 'x-api-key': process.env.API_KEY }, // or { authorization: 'Bearer <JWT>' }",
      "  on: { connected: () => console.log('connected') },",
      '});',
      '',
      'const query = `subscription ($sessionId: ID!) {',
      '  coachingHints(sessionId: $sessionId) { type runId index delta error hint { id category text } }',
      '}`;',
      'for await (const result of client.iterate({ query, variables: { sessionId: process.env.SESSION_ID } })) {',
      '  if (result.errors) throw new Error(JSON.stringify(result.errors));',
      '  const e = result.data.coachingHints;',
      "  console.log(e.type, e.index, e.type === 'COMPLETED' ? e.hint.text : (e.delta ?? e.error ?? ''));",
      '}',
    ].join('\n'),
  };
}

const GHL_PAYLOAD = {
  type: 'InboundMessage',
  webhookId: 'wh-0001',
  timestamp: '2026-01-15T16:04:05Z',
  locationId: 'ghl-acme-austin',
  contactId: 'ghl-contact-123',
  messageId: 'msg-0001',
  body: 'Can we see the house on Saturday? What would you offer?',
};

function webhookExamples(): PortalExample[] {
  return [
    {
      id: 'ghl-keys',
      title: 'GoHighLevel webhooks: a key pair to sign test deliveries',
      description:
        "GoHighLevel signs each delivery with its private key; the platform verifies with the public keys in GHL_ED25519_PUBLIC_KEY (Ed25519, header x-ghl-signature) or GHL_RSA_PUBLIC_KEY (RSA-SHA256, header x-wh-signature). In production set GoHighLevel's published key. To send your own test deliveries, make a key pair (OpenSSL 3) and start the platform with its public key.",
      language: 'bash',
      code: [
        'openssl genpkey -algorithm ed25519 -out ghl-private.pem',
        'openssl pkey -in ghl-private.pem -pubout -out ghl-public.pem',
        '# then start the platform with: GHL_ED25519_PUBLIC_KEY="$(cat ghl-public.pem)" npm start',
      ].join('\n'),
    },
    {
      id: 'ghl-payload',
      title: 'GoHighLevel InboundMessage payload',
      description:
        'What GoHighLevel posts to /webhooks/ghl when a lead writes. locationId must be a connected location (the demo ones are); without userId the message goes to the contact\'s open session at that location. timestamp must be within 300 s of the server\'s clock; webhookId is the dedupe key (a repeat answers 200 {"duplicate": true}).',
      language: 'json',
      code: JSON.stringify(GHL_PAYLOAD, null, 2),
    },
    {
      id: 'ghl-webhook',
      title: 'Send a signed GoHighLevel delivery',
      description:
        'Set GATEWAY; run from the folder holding ghl-private.pem (see the key pair example). Start a session for contact ghl-contact-123 first (Start an agent session). The Ed25519 signature covers the exact body bytes, base64-encoded in x-ghl-signature; send the same file with --data-binary. The platform answers 202 {"accepted": true}; the lead\'s turn and its hints follow.',
      language: 'bash',
      code: [
        'cat > delivery.json <<EOF',
        '{"type":"InboundMessage","webhookId":"wh-$(date +%s)-$RANDOM","timestamp":"$(date -u +%Y-%m-%dT%H:%M:%SZ)","locationId":"ghl-acme-austin","contactId":"ghl-contact-123","messageId":"msg-$RANDOM","body":"Can we see the house on Saturday? What would you offer?"}',
        'EOF',
        "SIGNATURE=$(openssl pkeyutl -sign -inkey ghl-private.pem -rawin -in delivery.json | base64 | tr -d '\\n')",
        "curl -s -w '\\nHTTP %{http_code}\\n' \"$GATEWAY/webhooks/ghl\" -H 'content-type: application/json' \\",
        '  -H "x-ghl-signature: $SIGNATURE" --data-binary @delivery.json',
      ].join('\n'),
    },
  ];
}

/** Every example, in the README's order; `origin` is this gateway's public origin (e.g. http://localhost:4000). */
export function portalExamples(opts: { origin: string }): PortalExample[] {
  const env = ENV.replace('ORIGIN', opts.origin);
  return [
    ...startExamples(env),
    subscriptionExample(opts.origin),
    ...coachingExamples(env),
    ...readingExamples(env),
    ...webhookExamples(),
  ];
}
