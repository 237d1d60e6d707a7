/**
 * Rejects oversize operations before any subgraph is called: token count (while parsing), depth and
 * alias count (as validation rules). Each rejection carries the code QUERY_TOO_COMPLEX and the limit.
 */
import {
  GraphQLError,
  Kind,
  parse,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface OperationLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
}

function tooComplex(message: string, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, http: { status: 400 } },
  });
}

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, sel.selectionSet ? 1 + depthOf(sel.selectionSet, fragments, seen) : 1);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const frag = fragments[name];
      if (!frag || seen.has(name)) continue;
      seen.add(name);
      max = Math.max(max, depthOf(frag.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return max;
}

export function depthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const doc = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            tooComplex(`operation depth ${depth} exceeds the limit of ${maxDepth}`, 'depth', maxDepth),
          );
        }
      },
    };
  };
}

export function aliasRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias) count++;
        if (count > maxAliases && !reported) {
          reported = true;
          context.reportError(
            tooComplex(`operation uses more than ${maxAliases} aliases`, 'aliases', maxAliases),
          );
        }
      },
    };
  };
}

export function useOperationLimits(limits: OperationLimits): GatewayPlugin {
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
      addValidationRule(depthRule(limits.maxDepth));
      addValidationRule(aliasRule(limits.maxAliases));
    },
  };
}
