/**
 * Builds an Apollo Federation 2 subgraph schema from type-graphql resolvers: type-graphql builds the
 * schema, we print it with directives, and @apollo/subgraph rebuilds it with the federation fields.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
// the public contract's enums, registered once for every subgraph's schema
import './vocabulary-enums';

/**
 * The resolver map `buildSubgraphSchema` accepts, read off its public signature: @apollo/subgraph's
 * entry point does not export the type, and its `dist/` internals are no contract.
 */
export type SubgraphResolverMap = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']
>;

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

/** The root types' descriptions (type-graphql has no option for them): the same in every subgraph. */
const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: 'Reads. Every field needs a credential (Bearer token or X-Api-Key); each says the scope it needs.',
  Mutation:
    'Writes. Every field needs a credential; each says the scope and role it needs and what it returns.',
  Subscription: 'Live updates over graphql-ws on /graphql; the credential goes in connectionParams.',
};

function describeRootTypes(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    ObjectTypeDefinition(node) {
      const text = ROOT_DESCRIPTIONS[node.name.value];
      if (!text || node.description) return undefined;
      return { ...node, description: { kind: Kind.STRING, value: text, block: true } };
    },
  });
}

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  /** `__resolveReference` and other resolvers type-graphql cannot express, merged in. */
  referenceResolvers?: SubgraphResolverMap;
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /**
   * type-graphql refuses to build `@Subscription`s without a pubSub even when each subscription brings
   * its own `subscribe`; pass one then (subgraphs with subscriptions iterate core/pubsub channels).
   */
  pubSub?: BuildSchemaOptions['pubSub'];
}

export async function buildFederatedSchema(opts: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    ...(opts.pubSub ? { pubSub: opts.pubSub } : {}),
    skipCheck: true,
    validate: false,
    emitSchemaFile: false,
  });
  const typeDefs = describeRootTypes(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`));
  const resolvers = createResolversMap(schema) as SubgraphResolverMap;
  for (const [typeName, fields] of Object.entries(opts.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) } as never;
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}
