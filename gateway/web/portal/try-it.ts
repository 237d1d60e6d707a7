/**
 * "Try it" operations for the reference's root fields: a named operation calling the field with a variable for
 * each required argument and a small selection (scalar and enum fields without required arguments; a Relay
 * connection's `totalCount`, `pageInfo` and `edges { node { … } }`; `__typename` for a union), and a
 * variables skeleton. The portal links each to /portal/explorer?query=…&variables=….
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isRequiredArgument,
  isScalarType,
  isUnionType,
  parse,
  print,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

type RootKind = 'query' | 'mutation' | 'subscription';

const RELAY = new Set(['edges', 'node', 'pageInfo']);

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) return '{ __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some(isRequiredArgument)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth < 3 && RELAY.has(field.name)) {
      const inner = selection(field.type, depth + 1);
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

/** A placeholder value of the right shape for a variable the reader fills in. */
function placeholder(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0]?.value ?? null;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return Object.fromEntries(fields.map((f) => [f.name, placeholder(f.type)]));
  }
  if (isScalarType(inner)) {
    if (inner.name === 'Int' || inner.name === 'Float' || inner.name === 'SafeInt') return 0;
    if (inner.name === 'Boolean') return false;
    if (inner.name === 'JSON' || inner.name === 'JSONObject') return {};
  }
  return '';
}

export interface TryIt {
  query: string;
  variables: Record<string, unknown>;
}

function operationName(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

export function tryItOperation(kind: RootKind, field: GraphQLField<unknown, unknown>): TryIt {
  const required = field.args.filter(isRequiredArgument);
  const defs = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `${kind} ${operationName(field.name)}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field.type, 0)} }`;
  const variables = Object.fromEntries(required.map((a) => [a.name, placeholder(a.type)]));
  return { query: print(parse(query)), variables };
}

/** `Query.agents` → the explorer URL that opens a call to it; null for a type that is not a root. */
export function tryItHref(schema: GraphQLSchema, typeName: string, fieldName: string): string | null {
  const roots: [RootKind, ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  const root = roots.find(([, t]) => t?.name === typeName);
  const field = root?.[1]?.getFields()[fieldName];
  if (!root || !field) return null;
  const { query, variables } = tryItOperation(root[0], field);
  const params = new URLSearchParams({ query });
  if (Object.keys(variables).length) params.set('variables', JSON.stringify(variables, null, 2));
  return `/portal/explorer?${params.toString()}`;
}
