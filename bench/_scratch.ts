import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startBenchPlatform } from './platform';
import { demoAgents } from '../bin/demo-plan';
async function gql(url: string, headers: Record<string,string>, query: string, variables: Record<string, unknown>) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await r.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}
async function main() {
  const p = await startBenchPlatform();
  const H = { 'x-api-key': p.apiKey };
  const gw = p.rustGateway.url;
  const agent = demoAgents('acme')[0]!;
  const s = await gql(gw, H, `mutation ($input: StartAgentSessionInput!) { startAgentSession(input: $input) { id } }`, { input: { agentId: agent.id, contactId: 'bench-c1', channel: 'CHAT' } });
  console.log(JSON.stringify(s));
  const sid = (s.data!['startAgentSession'] as { id: string }).id;
  const t0 = performance.now();
  for (;;) {
    const r = await gql(gw, H, `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`, { input: { sessionId: sid, speaker: 'AGENT', text: 'Hi, thanks for reaching out!', coach: false } });
    if (!r.errors) break;
    console.log('not yet', JSON.stringify(r.errors));
    await new Promise((res) => setTimeout(res, 50));
  }
  console.log('session ready after', Math.round(performance.now() - t0));
  const wsUrl = gw.replace('http', 'ws');
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: H, lazy: false });
  const q = `subscription ($s: ID!) { coachingHints(sessionId: $s) { type runId index delta error hint { id category text cached model session { agent { name role } } } } }`;
  let sent = 0;
  client.subscribe({ query: q, variables: { s: sid } }, {
    next: (v) => console.log(Math.round(performance.now() - sent), JSON.stringify(v)),
    error: (e) => console.log('sub error', e),
    complete: () => console.log('complete'),
  });
  // direct subscriber
  const tok = await p.signContext(600);
  const dclient = createClient({ url: p.subgraphUrls.coaching.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { 'x-platform-context': tok }, lazy: false });
  dclient.subscribe({ query: `subscription ($s: ID!) { coachingHints(sessionId: $s) { type runId index hint { id session { id } } } }`, variables: { s: sid } }, {
    next: (v) => console.log('DIRECT', Math.round(performance.now() - sent), JSON.stringify(v).slice(0, 150)),
    error: (e) => console.log('dsub error', e),
    complete: () => console.log('dcomplete'),
  });
  await new Promise((res) => setTimeout(res, 500));
  sent = performance.now();
  const r = await gql(gw, H, `mutation ($input: AddConversationTurnInput!) { addConversationTurn(input: $input) { id } }`, { input: { sessionId: sid, speaker: 'LEAD', text: "We're pre-approved up to 450k but that list price feels high" } });
  console.log('mutation', Math.round(performance.now() - sent), JSON.stringify(r));
  await new Promise((res) => setTimeout(res, 1500));
  await client.dispose();
  await dclient.dispose();
  await p.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
