/**
 * Rejects text the databases cannot store, before any subgraph is called, as BAD_USER_INPUT with HTTP
 * 400 naming where it was:
 * - a NUL character (U+0000): PostgreSQL cannot store it in text at all, and SQLite (as MikroORM writes
 *   it) fails on it, so a NUL in a turn, a comment or a search answered INTERNAL_SERVER_ERROR — with the
 *   SQL in the log;
 * - an unpaired UTF-16 surrogate (`"\ud800"` in a JSON variable): no Unicode text, so it has no UTF-8
 *   form; PostgreSQL's jsonb refuses it (a partner app's name answered INTERNAL_SERVER_ERROR, found by
 *   tests/integration/gateway-fuzz.test.ts) and its text columns got U+FFFD instead of what was sent.
 * Checked in variables: of every HTTP request (onParams) and of subscriptions over WebSocket, which do not
 * pass through onParams (onSubscribe); and in string literals of the document (a validation rule) for NUL
 * (graphql-js's lexer already refuses unpaired surrogates in a document). Both answer HTTP 400 whatever the
 * client accepts: a literal's error opts out of GraphQL over HTTP's "validation error → 200 under
 * application/json" (`http.spec: false`; Yoga sets `spec: true` only where it is unset), so the same mistake
 * is not a 400 as a variable and a 200 as a literal (a partner tester read the 200 as accepted).
 * Variables nested deeper than MAX_VARIABLE_DEPTH are refused the same way (10,000 nested arrays in 20 KB
 * overflowed the recursive walk: a masked 500).
 */
import { GraphQLError, type ValidationRule } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

const NUL = '\u0000';
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Deeper variables than this are refused: no input of ours nests past a handful of levels. */
export const MAX_VARIABLE_DEPTH = 64;

type Flaw = 'nul' | 'surrogate' | 'depth';

const REASONS: Record<Flaw, string> = {
  nul: 'text must not contain a NUL character (U+0000)',
  surrogate: 'text must be valid Unicode (it holds an unpaired surrogate, U+D800 to U+DFFF)',
  depth: `variables must not nest deeper than ${MAX_VARIABLE_DEPTH} levels`,
};

function invalidText(where: string, flaw: Flaw): GraphQLError {
  return new GraphQLError(`${where}: ${REASONS[flaw]}`, {
    extensions: { code: 'BAD_USER_INPUT', field: where, http: { status: 400, spec: false } },
  });
}

function flawOf(text: string): Flaw | null {
  if (text.includes(NUL)) return 'nul';
  return UNPAIRED_SURROGATE.test(text) ? 'surrogate' : null;
}

/**
 * The path and flaw of the first string (or key) inside `value` that cannot be stored, or null. Walks with its
 * own stack, so 10,000 nested arrays are refused ('depth') instead of overflowing the call stack (a masked 500).
 */
export function findInvalidText(value: unknown, path: string): { path: string; flaw: Flaw } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (typeof at.value === 'string') {
      const flaw = flawOf(at.value);
      if (flaw) return { path: at.path, flaw };
      continue;
    }
    if (!at.value || typeof at.value !== 'object') continue;
    if (at.depth >= MAX_VARIABLE_DEPTH) return { path: at.path, flaw: 'depth' };
    const children: { value: unknown; path: string; depth: number }[] = [];
    if (Array.isArray(at.value)) {
      at.value.forEach((v, i) => children.push({ value: v, path: `${at.path}[${i}]`, depth: at.depth + 1 }));
    } else {
      for (const [key, v] of Object.entries(at.value)) {
        const flaw = flawOf(key);
        if (flaw)
          return { path: `${at.path}.${key.replaceAll(NUL, '\\0').replace(/[\ud800-\udfff]/g, '?')}`, flaw };
        children.push({ value: v, path: `${at.path}.${key}`, depth: at.depth + 1 });
      }
    }
    // reversed onto the stack, so the first flaw in document order is the one reported
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

const noNulLiterals: ValidationRule = (ctx) => ({
  StringValue(node) {
    if (node.value.includes(NUL)) ctx.reportError(invalidText('a string literal', 'nul'));
  },
});

export function useInvalidTextRejection(): GatewayPlugin {
  const check = (variables: unknown): GraphQLError | null => {
    const hit = findInvalidText(variables ?? {}, 'variables');
    return hit ? invalidText(hit.path, hit.flaw) : null;
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
