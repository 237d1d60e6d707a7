/**
 * Generated graphql-ws sessions: a subprotocol (mostly graphql-transport-ws) and a few frames — a
 * connection_init with or without a working key, subscribe messages carrying real operations with fuzzed
 * variables or broken payloads, pings, completes for unknown ids, duplicate ids, random text and JSON,
 * binary bytes.
 */
import fc from 'fast-check';
import type { FuzzOperation } from './schema-operations';
import { anyJson, headerText, weirdString } from './values';

export interface WsSession {
  protocol: string;
  frames: (string | Uint8Array)[];
  /** Send the first frame (a connection_init), wait for connection_ack, then the rest, as the protocol asks. */
  awaitAck?: boolean;
}

function init(apiKeys: string[]): fc.Arbitrary<string> {
  const payload = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...apiKeys).map((k) => ({ 'x-api-key': k })) },
    { weight: 1, arbitrary: fc.constantFrom(...apiKeys).map((k) => ({ apiKey: k })) },
    { weight: 1, arbitrary: headerText.map((t) => ({ authorization: `Bearer ${t}` })) },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return payload.map((p) => JSON.stringify({ type: 'connection_init', payload: p }));
}

function subscribe(operations: FuzzOperation[]): fc.Arbitrary<string> {
  const id = fc.oneof(fc.constantFrom('1', '2', 'a'), weirdString);
  const real = fc
    .constantFrom(...operations)
    .chain((o) => fc.record({ query: fc.constant(o.document), variables: o.variables }));
  const broken = fc.oneof(
    fc.record({ query: weirdString, variables: anyJson }, { requiredKeys: [] }),
    anyJson,
  );
  const payload = fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: broken });
  return fc.tuple(id, payload).map(([i, p]) => JSON.stringify({ type: 'subscribe', id: i, payload: p }));
}

function noise(): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    fc.constantFrom(
      JSON.stringify({ type: 'ping' }),
      JSON.stringify({ type: 'pong' }),
      JSON.stringify({ type: 'complete', id: 'nobody' }),
      JSON.stringify({ type: 'next', id: '1', payload: {} }),
      '{',
      'null',
      '',
    ),
    anyJson.map((v) => JSON.stringify(v)),
    weirdString,
    fc.uint8Array({ maxLength: 64 }),
  );
}

export function wsSessions(ctx: { operations: FuzzOperation[]; apiKeys: string[] }): fc.Arbitrary<WsSession> {
  const frame = fc.oneof(
    { weight: 4, arbitrary: subscribe(ctx.operations) },
    { weight: 2, arbitrary: noise() },
    { weight: 1, arbitrary: init(ctx.apiKeys) },
  );
  const protocol = fc.oneof(
    { weight: 9, arbitrary: fc.constant('graphql-transport-ws') },
    { weight: 1, arbitrary: fc.constantFrom('graphql-ws', 'x-unknown') },
  );
  // chaotic: frames in any order, most sessions end in a 4400/4401/4409/4429 from the server
  const chaotic = fc
    .tuple(fc.option(init(ctx.apiKeys), { freq: 6 }), fc.array(frame, { minLength: 1, maxLength: 4 }))
    .map(([first, rest]) => (first ? [first, ...rest] : rest));
  // well-formed: a working key, then real operations with fuzzed variables under distinct ids, so the
  // gateway executes them (and keeps subscriptions open until the client leaves)
  const wellFormed = fc
    .tuple(
      fc.constantFrom(...ctx.apiKeys),
      fc.array(
        fc.constantFrom(...ctx.operations).chain((o) => fc.tuple(fc.constant(o), o.variables)),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
    )
    .map(([key, ops]) => [
      JSON.stringify({ type: 'connection_init', payload: { 'x-api-key': key } }),
      ...ops.map(([o, variables], i) =>
        JSON.stringify({ type: 'subscribe', id: String(i + 1), payload: { query: o.document, variables } }),
      ),
    ]);
  return fc.oneof(
    fc.record({ protocol, frames: chaotic }),
    fc.record({
      protocol: fc.constant('graphql-transport-ws'),
      frames: wellFormed,
      awaitAck: fc.constant(true),
    }),
  );
}
