/**
 * Generated HTTP requests to the gateway, in the proportions a fuzz run needs: real operations with
 * fuzzed variables (the deepest path, to the resolvers), mutilated and random documents, GET and form
 * parameters with broken JSON, random bodies under any content type, odd methods and paths, odd header
 * values, and raw bytes that are hardly HTTP at all.
 */
import fc from 'fast-check';
import type { FuzzOperation } from './schema-operations';
import { anyJson, headerText, weirdString } from './values';

export interface HttpInput {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Bytes written straight to a socket instead of a request. */
  raw?: string;
}

export interface HttpInputContext {
  operations: FuzzOperation[];
  /** The API keys of the platform's tenants: most inputs carry one, so they get past authentication. */
  apiKeys: string[];
}

const GRAPHQL_TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '!',
  '@',
  '...',
  ',',
  '"',
  '"""',
  '#',
  '\\u0000',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'agents',
  'viewer',
  '__schema',
  '__typename',
  'first',
  'id',
  'true',
  'null',
  '1e999',
  '-0',
  '\n',
  ' ',
];
const PATHS = [
  '/graphql',
  '/graphql/',
  '/health',
  '/ready',
  '/',
  '/portal',
  '/portal/guide',
  '/widget',
  '/webhooks/ghl',
  '/metrics',
  '//graphql',
  '/graphql/../health',
  '/%2e%2e/',
  '/graphql;x',
  '/GRAPHQL',
];
const METHODS = [
  'GET',
  'POST',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
  'PATCH',
  'TRACE',
  'PROPFIND',
  'MKCOL',
  'LOCK',
  'PURGE',
  'M-SEARCH',
  'SEARCH',
  'BREW',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/graphql+json',
  'application/graphql',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/plain',
  'application/xml',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  '*/*',
  '',
];
const ACCEPTS = [
  'application/json',
  'application/graphql-response+json',
  'text/event-stream',
  '*/*',
  'multipart/mixed',
  'application/xml',
  'text/html',
  '',
];

function credentials(ctx: HttpInputContext): fc.Arbitrary<Record<string, string>> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ctx.apiKeys).map((k) => ({ 'x-api-key': k })) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: headerText.map((k) => ({ 'x-api-key': k })) },
    { weight: 1, arbitrary: headerText.map((t) => ({ authorization: `Bearer ${t}` })) },
    { weight: 1, arbitrary: headerText.map((t) => ({ authorization: t })) },
  );
}

/** A document with a few edits: a slice removed, a token inserted, a slice repeated. */
function mutilated(document: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.constantFrom(...GRAPHQL_TOKENS), fc.nat(2));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
    edits.reduce((doc, [at, len, token, how]) => {
      const i = at % (doc.length + 1);
      if (how === 0) return doc.slice(0, i) + doc.slice(i + len);
      if (how === 1) return doc.slice(0, i) + token + doc.slice(i);
      return doc.slice(0, i + len) + doc.slice(i, i + len) + doc.slice(i + len);
    }, document),
  );
}

function documents(ctx: HttpInputContext): fc.Arbitrary<string> {
  const ops = ctx.operations.filter((o) => o.kind !== 'subscription');
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ops).chain((o) => mutilated(o.document)) },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom(...GRAPHQL_TOKENS), { maxLength: 40 }).map((t) => t.join(' ')),
    },
    { weight: 1, arbitrary: weirdString },
    { weight: 1, arbitrary: fc.nat({ max: 400 }).map((n) => `{${'a{'.repeat(n)}${'}'.repeat(n)}}`) },
  );
}

/** A real operation (no subscriptions over HTTP: they would stream) with fuzzed variables. */
function operationRequest(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  const ops = ctx.operations.filter((o) => o.kind !== 'subscription');
  return fc
    .tuple(
      fc.constantFrom(...ops).chain((o) => fc.tuple(fc.constant(o), o.variables)),
      credentials(ctx),
      fc.nat(9),
    )
    .map(([[op, variables], creds, roll]) => {
      if (op.kind === 'query' && roll === 0) {
        const search = new URLSearchParams({ query: op.document, variables: JSON.stringify(variables) });
        return { kind: 'operation GET', method: 'GET', path: `/graphql?${search}`, headers: creds };
      }
      const headers = { ...creds, 'content-type': 'application/json' };
      const body = JSON.stringify({ query: op.document, variables });
      return { kind: `operation ${op.kind}`, method: 'POST', path: '/graphql', headers, body };
    });
}

function documentRequest(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  const body = fc.record({
    query: documents(ctx),
    variables: fc.option(anyJson),
    operationName: fc.option(weirdString),
  });
  return fc.tuple(body, credentials(ctx)).map(([b, creds]) => ({
    kind: 'document',
    method: 'POST',
    path: '/graphql',
    headers: { ...creds, 'content-type': 'application/json' },
    body: JSON.stringify(b),
  }));
}

/** query/variables/extensions/operationName as text: broken JSON, wrong JSON types, NULs. */
function searchParams(ctx: HttpInputContext): fc.Arbitrary<string> {
  const jsonish = fc.oneof(
    anyJson.map((v) => JSON.stringify(v)),
    weirdString,
    fc.constantFrom('{', '{"a":', '[', 'nul'),
  );
  return fc
    .record(
      { query: documents(ctx), variables: jsonish, extensions: jsonish, operationName: weirdString },
      { requiredKeys: [] },
    )
    .map((p) => new URLSearchParams(p as Record<string, string>).toString());
}

function paramsRequest(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  return fc.tuple(searchParams(ctx), credentials(ctx), fc.boolean()).map(([search, creds, asForm]) =>
    asForm
      ? {
          kind: 'form',
          method: 'POST',
          path: '/graphql',
          headers: { ...creds, 'content-type': 'application/x-www-form-urlencoded' },
          body: search,
        }
      : { kind: 'GET params', method: 'GET', path: `/graphql?${search}`, headers: creds },
  );
}

function bodyRequest(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  const body = fc.oneof(
    weirdString,
    anyJson.map((v) => JSON.stringify(v)),
    fc.nat({ max: 120_000 }).map((n) => 'x'.repeat(n)),
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  );
  const type = fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText);
  return fc.tuple(body, type, credentials(ctx)).map(([b, contentType, creds]) => ({
    kind: 'body',
    method: 'POST',
    path: '/graphql',
    headers: { ...creds, ...(contentType ? { 'content-type': contentType } : {}) },
    body: b,
  }));
}

function methodRequest(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  const path = fc.oneof(
    fc.constantFrom(...PATHS),
    headerText.map((s) => `/${encodeURIComponent(s)}`),
  );
  return fc
    .tuple(fc.constantFrom(...METHODS), path, credentials(ctx), fc.option(weirdString))
    .map(([method, p, creds, body]) => ({
      kind: 'method/path',
      method,
      path: p,
      headers: creds,
      body: body ?? undefined,
    }));
}

function headerRequest(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  const headers = fc.record(
    {
      accept: fc.oneof(fc.constantFrom(...ACCEPTS), headerText),
      'content-type': fc.oneof(fc.constantFrom(...CONTENT_TYPES), headerText),
      origin: headerText,
      'x-request-id': headerText,
      'accept-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity;q=0', '*'),
    },
    { requiredKeys: [] },
  );
  return fc.tuple(headers, credentials(ctx)).map(([h, creds]) => ({
    kind: 'headers',
    method: 'POST',
    path: '/graphql',
    headers: { ...creds, ...h },
    body: JSON.stringify({ query: '{ __typename plans { name } }' }),
  }));
}

function rawRequest(): fc.Arbitrary<HttpInput> {
  const line = fc.oneof(
    fc.string({ unit: 'binary-ascii', maxLength: 200 }),
    fc
      .tuple(
        fc.constantFrom(...METHODS, 'G E T', ''),
        fc.constantFrom('/graphql', '*', 'http://x/', ' '),
        fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', ''),
        headerText,
      )
      .map(([m, p, v, h]) => `${m} ${p} ${v}\r\nHost: gw\r\nX: ${h}\r\nContent-Length: -1\r\n\r\n`),
  );
  return line.map((raw) => ({ kind: 'raw', method: '', path: '', headers: {}, raw }));
}

export function httpInputs(ctx: HttpInputContext): fc.Arbitrary<HttpInput> {
  return fc.oneof(
    { weight: 10, arbitrary: operationRequest(ctx) },
    { weight: 3, arbitrary: documentRequest(ctx) },
    { weight: 3, arbitrary: paramsRequest(ctx) },
    { weight: 2, arbitrary: bodyRequest(ctx) },
    { weight: 1, arbitrary: methodRequest(ctx) },
    { weight: 1, arbitrary: headerRequest(ctx) },
    { weight: 1, arbitrary: rawRequest() },
  );
}
