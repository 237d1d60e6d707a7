/**
 * The static cost estimate (gateway/cost-estimate.ts) over the real supergraph: list sizes from `first`/`last`
 * (literal, variable, variable default, schema default, capped by the stated maximum), connections passing
 * their page size to `edges`, nested lists multiplying, fragments counted per spread in linear time, and
 * every operation the web apps and the README send under the default limit while the partner tester's
 * 35.8 MB query is far over it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, getIntrospectionQuery, parse, validate, type GraphQLSchema } from 'graphql';
import { estimateCost, COST_CEILING } from '../../../gateway/cost-estimate';
import { DEFAULT_COST_LIMITS } from '../../../gateway/plugins/use-cost-limit';
import * as dashboard from '../../../web/dashboard/queries';
import * as widget from '../../../web/coaching-widget/api';

const ROOT = path.join(__dirname, '../../..');
const schema: GraphQLSchema = buildASTSchema(
  parse(fs.readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8')),
  { assumeValidSDL: true },
);

function cost(query: string, variables?: Record<string, unknown>, operationName?: string): number {
  const document = parse(query);
  expect(validate(schema, document)).toEqual([]);
  return estimateCost({ schema, document, variables, operationName });
}

describe('estimateCost', () => {
  test('a page of a connection: its size multiplies the edges, not the connection', () => {
    // agents 1 + edges 1 + 5 × (node 1 + id 1 + name 1); __typename is free
    expect(cost('{ agents(first: 5) { __typename edges { node { id name } } } }')).toBe(17);
    expect(cost('{ agents(first: 5) { totalCount pageInfo { hasNextPage } } }')).toBe(4);
  });

  test('the size comes from the literal, the variable, its default, or the schema default', () => {
    const q = 'query ($n: Int) { agents(first: $n) { edges { node { id } } } }';
    expect(cost(q, { n: 50 })).toBe(2 + 50 * 2);
    expect(cost(q, {})).toBe(2 + 20 * 2); // `first: Int = 20` in the schema
    expect(cost('query ($n: Int = 7) { agents(first: $n) { edges { node { id } } } }')).toBe(2 + 7 * 2);
    expect(cost('{ agents { edges { node { id } } } }')).toBe(2 + 20 * 2);
  });

  test('a size above the stated maximum counts as the maximum (the subgraph refuses more anyway)', () => {
    // "Page size: 0 to 100 items" / "1 to 200" in the argument descriptions
    expect(cost('{ agents(first: 5000) { edges { node { id } } } }')).toBe(2 + 100 * 2);
    expect(cost('query ($id: ID!) { agentSession(id: $id) { turns(last: 9999) { text } } }')).toBe(2 + 200);
    // a nullable `first` whose default is only in the description: "(1..200, default 50)"
    expect(cost('{ tasks { id } }')).toBe(1 + 50);
  });

  test('nested lists multiply; a list without first/last counts 20 items, a list of scalars one value', () => {
    const q = `{ agentSessions(first: 10) { edges { node { id turns(last: 30) { text source } } } } }`;
    expect(cost(q)).toBe(2 + 10 * (1 + 1 + (1 + 30 * 2)));
    expect(cost('{ organizations { id children { id } } }')).toBe(1 + 20 * (1 + 1 + 20));
    expect(cost('query ($id: ID!) { agent(id: $id) { tags specializations } }')).toBe(3);
  });

  test('aliases and fragment spreads count every time; @skip/@include with known conditions are honoured', () => {
    const one = cost('{ agents(first: 100) { edges { node { id name } } } }');
    expect(
      cost(
        '{ a: agents(first: 100) { edges { node { id name } } } b: agents(first: 100) { edges { node { id name } } } }',
      ),
    ).toBe(2 * one);
    expect(
      cost('{ ...F ...F ...F } fragment F on Query { agents(first: 100) { edges { node { id name } } } }'),
    ).toBe(3 * one + 3); // + 1 per spread
    const q =
      'query ($all: Boolean!) { agents(first: 100) @include(if: $all) { edges { node { id name } } } viewer { subject } }';
    expect(cost(q, { all: true })).toBe(one + 2);
    expect(cost(q, { all: false })).toBe(2);
    expect(cost('{ agents(first: 100) @skip(if: true) { totalCount } viewer { subject } }')).toBe(2);
  });

  test('fragments spreading the next twice, 60 levels: 2^59 spreads counted without walking them', () => {
    const levels = 60;
    const frags = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment S${i} on Query { viewer { subject } }`
        : `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`,
    );
    // 2^59 × 2 values, past what a double holds exactly: reported at the ceiling
    expect(cost(`{ ...S0 } ${frags.join(' ')}`)).toBe(COST_CEILING);
  });

  test('a chain of spreads ending in __typename (one value in the answer) counts every spread, skipped or not', () => {
    // Armor's cost rule refused this; estimated 0 it went on to the planner, which held the gateway > 2 min
    const bomb = (levels: number, leaf: string) =>
      `{ ...S0 } ${Array.from({ length: levels }, (_, i) =>
        i === levels - 1
          ? `fragment S${i} on Query { ${leaf} }`
          : `fragment S${i} on Query { ...S${i + 1} ...S${i + 1} }`,
      ).join(' ')}`;
    expect(cost(bomb(28, '__typename'))).toBe(2 ** 28 - 1);
    expect(cost(bomb(28, '...T @skip(if: true)') + ' fragment T on Query { __typename }')).toBe(
      2 ** 28 - 1 + 2 ** 27,
    );
    expect(cost(bomb(28, '__typename'))).toBeGreaterThan(DEFAULT_COST_LIMITS.maxQueryCost);
    expect(cost('{ ...T } fragment T on Query { __typename }')).toBe(1);
  });

  test('the operation named in the request is the one estimated; introspection counts one', () => {
    const doc =
      'query Small { viewer { subject } } query Big { agents(first: 100) { edges { node { id } } } }';
    expect(cost(doc, {}, 'Small')).toBe(2);
    expect(cost(doc, {}, 'Big')).toBe(202);
    expect(cost(getIntrospectionQuery())).toBe(1);
  });

  test('the partner tester’s heavy query is far over the default limit', () => {
    // 30 aliases (the alias limit) of 100 sessions with their last 200 turns: ~35.8 MB answered before
    const aliases = Array.from(
      { length: 30 },
      (_, i) =>
        `s${i}: agentSessions(first: 100) { edges { node { id turns(last: 200) { speaker text source } } } }`,
    );
    const estimated = cost(`{ ${aliases.join(' ')} }`);
    expect(estimated).toBe(30 * (2 + 100 * (1 + 1 + 1 + 200 * 3)));
    expect(estimated).toBeGreaterThan(30 * DEFAULT_COST_LIMITS.maxQueryCost);
  });
});

describe('what the web apps and the README send passes the default limit', () => {
  const limit = DEFAULT_COST_LIMITS.maxQueryCost;

  test('dashboard and widget operations, at the dashboard’s largest page', () => {
    const ops = { ...dashboard, ...widget } as Record<string, unknown>;
    const costs = Object.entries(ops)
      .filter(
        (e): e is [string, string] =>
          typeof e[1] === 'string' && /^(query|mutation|subscription)\b/.test(e[1]),
      )
      .map(([name, q]) => [name, cost(q, { first: 100 })] as const);
    expect(costs.length).toBeGreaterThanOrEqual(10);
    expect(costs.filter(([, c]) => c > limit)).toEqual([]);
    // the largest, for the record: the agents page with its figures
    expect(Math.max(...costs.map(([, c]) => c))).toBe(cost(dashboard.AGENTS, { first: 100 }));
  });

  test('every valid query in the README’s curl examples', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    // an example of an invalid document (e.g. the status of a validation error) never reaches the estimate
    const queries = [...readme.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)]
      .map((m) => JSON.parse(`"${m[1]}"`) as string)
      .filter((q) => validate(schema, parse(q)).length === 0);
    expect(queries.length).toBeGreaterThanOrEqual(5);
    const over = queries.map((q) => ({ q, c: cost(q) })).filter((x) => x.c > limit);
    expect(over).toEqual([]);
  });
});
