/**
 * Prints each subgraph's SDL (from code) and composes the supergraph with
 * @theguild/federation-composition. Used by `npm run schema` and the drift test.
 */
import { parse } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { loadConfig, SUBGRAPH_NAMES, type SubgraphName } from '../core/config';
import { createOrm } from '../core/db/orm';
import { ContextTokenCodec } from '../core/context-token';
import { createLogger } from '../core/logger';
import { MemoryEventBus } from '../core/events/memory-event-bus';
import { MODULES } from './platform';

export interface ComposedSchemas {
  subgraphs: Record<SubgraphName, string>;
  supergraph: string;
}

/** Default URLs baked into the committed supergraph; the gateway rewrites them at start. */
export function defaultUrl(name: SubgraphName): string {
  const port = 4001 + SUBGRAPH_NAMES.indexOf(name);
  return `http://127.0.0.1:${port}/graphql`;
}

export async function composeFromCode(): Promise<ComposedSchemas> {
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(32), CONTEXT_SECRET: 'x'.repeat(32), NODE_ENV: 'test' });
  const logger = createLogger({ level: 'silent', name: 'schema' });
  const subgraphs = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const m = MODULES[name];
    const orm = await createOrm({
      name,
      entities: m.entities,
      migrations: m.migrations,
      database: config.database,
      memory: true,
    });
    const instance = await m.create({
      config,
      orm,
      events: new MemoryEventBus(),
      logger,
      codec: new ContextTokenCodec('x'.repeat(32)),
    });
    try {
      subgraphs[name] = printSubgraphSchema(instance.schema).trim() + '\n';
    } finally {
      await instance.stop();
      await orm.close(true);
    }
  }
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: parse(subgraphs[name]), url: defaultUrl(name) })),
  );
  if (result.errors && result.errors.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return { subgraphs, supergraph: (result as { supergraphSdl: string }).supergraphSdl.trim() + '\n' };
}
