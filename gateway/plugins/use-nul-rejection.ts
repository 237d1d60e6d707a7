/**
 * Rejects text holding a NUL character (U+0000) before any subgraph is called, as BAD_USER_INPUT with
 * HTTP 400: PostgreSQL cannot store it in text at all, and SQLite (as MikroORM writes it) fails on it, so
 * a NUL in a turn, a comment or a search answered INTERNAL_SERVER_ERROR — with the SQL in the log. It is
 * checked in string literals of the document (a validation rule) and in variables: of every HTTP request
 * (onParams) and of subscriptions over WebSocket, which do not pass through onParams (onSubscribe).
 */
import { GraphQLError, type ValidationRule } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

const NUL = '\u0000';

function nulError(where: string): GraphQLError {
  return new GraphQLError(`${where}: text must not contain a NUL character (U+0000)`, {
    extensions: { code: 'BAD_USER_INPUT', field: where, http: { status: 400 } },
  });
}

/** The path of the first string holding a NUL inside `value`, or null. Depth-bounded by the JSON itself. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\0')}`;
      const hit = findNul(v, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return null;
}

const noNulLiterals: ValidationRule = (ctx) => ({
  StringValue(node) {
    if (node.value.includes(NUL)) ctx.reportError(nulError('a string literal'));
  },
});

export function useNulRejection(): GatewayPlugin {
  const check = (variables: unknown): GraphQLError | null => {
    const hit = findNul(variables ?? {}, 'variables');
    return hit ? nulError(hit) : null;
  };
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(noNulLiterals);
    },
    // HTTP: before parsing, so the answer is a request error with its 400
    onParams({ params }) {
      const err = check(params.variables);
      if (err) throw err;
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const err = check(args.variableValues);
      if (err) setResultAndStopExecution({ errors: [err] });
    },
  };
}
