import type { LimitOptions } from '../../core/config';

/** What every page route of the gateway is built from (gateway/web/index.ts passes one object to each). */
export interface WebRoutesOptions {
  /** The served supergraph SDL (with join__ directives: which subgraph owns each type). */
  supergraph: string;
  /** The folder of built bundles (web/dist). */
  assetsDir: string;
  /** The GraphQL path on this gateway (HTTP and graphql-ws). */
  graphqlPath: string;
  /** The limits this gateway enforces (body, depth, aliases, directives, cost, rate): the portal shows them. */
  limits: LimitOptions;
}
