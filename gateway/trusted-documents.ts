/**
 * Trusted documents (persisted operations) per API key, from one JSON manifest (TRUSTED_DOCUMENTS_FILE):
 *
 *   { "apiKeys": { "<apiKeyId>": { "<documentId>": "query Agents { agents(first: 10) { … } }", … } } }
 *
 * A key listed there runs only its own documents, sent by id (gateway/plugins/use-trusted-documents.ts);
 * a key not listed is unaffected. Each key's map is what GraphQL Codegen's client preset writes as
 * `persisted-documents.json` (sha256 hash → document), so a partner hands over that file and the operator
 * places it under the key's id. An id of 64 hex digits must be the SHA-256 of its document (what Apollo's
 * `extensions.persistedQuery.sha256Hash` sends); other ids are opaque names. Every document is parsed on
 * load and, given the supergraph, validated against it (an unknown field or a missing argument): a bad
 * manifest stops the gateway at start with one line naming the file, the key, the id and the problem,
 * instead of failing a partner's first request with GRAPHQL_VALIDATION_FAILED.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { buildASTSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { ConfigError } from '../core/config';

/** The registered documents of each restricted API key (by key id). */
export class TrustedDocuments {
  constructor(private readonly byKey: ReadonlyMap<string, ReadonlyMap<string, string>>) {}

  /** Is this API key restricted to its registered documents? */
  restricts(apiKeyId: string | undefined): boolean {
    return apiKeyId !== undefined && this.byKey.has(apiKeyId);
  }

  /** The document the key registered under this id; another key's documents are never looked at. */
  find(apiKeyId: string, documentId: string): string | undefined {
    return this.byKey.get(apiKeyId)?.get(documentId);
  }

  get keyCount(): number {
    return this.byKey.size;
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

function fail(message: string): never {
  throw new ConfigError('TRUSTED_DOCUMENTS_FILE', message);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The API the documents run against, from the supergraph SDL (its join__ directives are carried along). */
export function schemaOfSupergraph(supergraph: string): GraphQLSchema {
  return buildASTSchema(parse(supergraph), { assumeValidSDL: true });
}

function checkDocument(where: string, doc: string, schema: GraphQLSchema | undefined): void {
  let ast;
  try {
    ast = parse(doc);
  } catch (err) {
    fail(`${where} does not parse: ${(err as Error).message}`);
  }
  const problem = schema ? validate(schema, ast)[0] : undefined;
  if (problem) fail(`${where} is not valid against the supergraph: ${problem.message}`);
}

function keyDocuments(keyId: string, docs: unknown, schema?: GraphQLSchema): Map<string, string> {
  if (!isObject(docs)) fail(`apiKeys.${keyId} must be an object of documentId → document`);
  const out = new Map<string, string>();
  for (const [id, doc] of Object.entries(docs)) {
    const where = `apiKeys.${keyId}.${id}`;
    if (typeof doc !== 'string') fail(`${where} must be a GraphQL document string`);
    if (SHA256.test(id) && createHash('sha256').update(doc).digest('hex') !== id)
      fail(`${where} is not the SHA-256 of its document`);
    checkDocument(where, doc, schema);
    out.set(id, doc);
  }
  return out;
}

/**
 * The manifest's content (already JSON-parsed) as TrustedDocuments; a bad one is a ConfigError. With a
 * supergraph every document is validated against it too.
 */
export function trustedDocumentsFrom(manifest: unknown, supergraph?: string): TrustedDocuments {
  if (!isObject(manifest) || !isObject(manifest['apiKeys']))
    fail('must be a JSON object with "apiKeys": { "<apiKeyId>": { "<documentId>": "<document>" } }');
  const schema = supergraph ? schemaOfSupergraph(supergraph) : undefined;
  const byKey = new Map<string, ReadonlyMap<string, string>>();
  for (const [keyId, docs] of Object.entries(manifest['apiKeys']))
    byKey.set(keyId, keyDocuments(keyId, docs, schema));
  return new TrustedDocuments(byKey);
}

/**
 * Reads the manifest file once, at start (a change takes a restart, e.g. a rolling deploy). Every problem
 * is a ConfigError whose message names the file: `TRUSTED_DOCUMENTS_FILE: <file>: <problem>`.
 */
export function loadTrustedDocuments(file: string, supergraph?: string): TrustedDocuments {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    fail(`${file}: cannot be read: ${(err as Error).message}`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (err) {
    fail(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  try {
    return trustedDocumentsFrom(manifest, supergraph);
  } catch (err) {
    if (err instanceof ConfigError) fail(`${file}: ${err.message.replace(/^TRUSTED_DOCUMENTS_FILE: /, '')}`);
    throw err;
  }
}
