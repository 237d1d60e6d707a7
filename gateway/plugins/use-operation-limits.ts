/**
 * Rejects oversize operations before any subgraph is called. Tokens are counted while parsing by
 * graphql-js itself (`parse(…, { maxTokens })`); depth, aliases and directives are GraphQL Armor's
 * validation rules, which follow fragment spreads (each spread counts, each fragment is walked once).
 * Every rejection is QUERY_TOO_COMPLEX with the limit's name and value, HTTP 400 (GraphQL over HTTP).
 *
 * Cost is not here: one model only, the gateway's estimate (gateway/cost-estimate.ts, refused by
 * use-cost-limit.ts over MAX_QUERY_COST with `limit: 'estimatedCost'`). Armor's cost rule ran first with
 * another model (literal `first` only, a variable counted 1) and another limit (LIMIT_MAX_COST 20,000):
 * a partner saw `limit: "cost"` for some queries and `"estimatedCost"` for others, and two numbers to tune.
 *
 * Armor replaced our own depth and alias rules (measured with the same documents, bench/README.md):
 * ours walked a fragment again at every spread, so a 28-level chain of fragments spreading the next one
 * twice (a 1.1 kB document) held the event loop 104 s; Armor rejects it in 32 ms. Ours counted aliases
 * in the document, so 4 fragments of 7 aliases, each spread 4 times, ran 112 aliased fields under a
 * limit of 30; Armor counts 112. Armor adds the directive limit we did not have.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, parse, type ValidationContext, type ValidationRule } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface OperationLimits {
  maxTokens: number;
  /** Field nesting; fragments and inline fragments add no level. */
  maxDepth: number;
  /** Aliased fields, `__typename` included, counted through every fragment spread. */
  maxAliases: number;
  /** Directives in the operation, counted through every fragment spread. */
  maxDirectives: number;
}

type Limit = 'tokens' | 'depth' | 'aliases' | 'directives';

function tooComplex(message: string, limit: Limit, max: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, http: { status: 400 } },
  });
}

/** Armor's options that make a rule report our error instead of throwing its own. */
function reportAs(limit: Limit, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, err: GraphQLError) =>
        ctx?.reportError(tooComplex(err.message.replace(/^Syntax Error: /, ''), limit, max)),
    ],
  };
}

export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({
      ...reportAs('depth', limits.maxDepth),
      flattenFragments: true,
      ignoreIntrospection: true,
    }),
    maxAliasesRule({ ...reportAs('aliases', limits.maxAliases), allowList: [] }),
    maxDirectivesRule(reportAs('directives', limits.maxDirectives)),
  ] as ValidationRule[];
}

export function useOperationLimits(limits: OperationLimits): GatewayPlugin {
  const rules = operationLimitRules(limits);
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (err) {
          if (err instanceof GraphQLError && /tokens/i.test(err.message) && /more th/i.test(err.message)) {
            throw tooComplex(
              `operation has more than ${limits.maxTokens} tokens`,
              'tokens',
              limits.maxTokens,
            );
          }
          throw err;
        }
      });
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
