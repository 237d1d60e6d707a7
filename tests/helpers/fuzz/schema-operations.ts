/**
 * One operation per root field of the gateway's public schema, every argument a variable, and an
 * arbitrary of variables for it: values of the declared types (weird strings, out-of-range numbers,
 * valid and invalid enum values, input objects with their required fields) mixed with any JSON. Well-typed
 * values pass validation and reach the resolvers, where a client mistake must still be a client error.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { anyJson, weirdFloat, weirdInt, weirdString } from './values';

export interface FuzzOperation {
  kind: 'query' | 'mutation' | 'subscription';
  field: string;
  document: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

const MAX_INPUT_DEPTH = 3;

function valueOf(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  if (depth > MAX_INPUT_DEPTH) return fc.constant(null);
  if (isListType(type)) return fc.array(valueOf(type.ofType, depth + 1), { maxLength: 3 });
  if (isEnumType(type))
    return fc.constantFrom(...type.getValues().map((v) => v.name), 'NOT_A_VALUE', 'lowercase');
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, depth + 1)]));
    const requiredKeys = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(model, { requiredKeys });
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return weirdInt;
    case 'Float':
      return weirdFloat;
    case 'Boolean':
      return fc.boolean();
    default:
      return weirdString;
  }
}

/** Mostly values of the declared type; sometimes null or any JSON in their place. */
function variableOf(type: GraphQLInputType): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: valueOf(type, 0) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: anyJson },
  );
}

/** `{ __typename a b … }`: the type's argument-free scalars, and one level of argument-free objects. */
function selection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) || depth > 1) return '{ __typename }';
  const parts = ['__typename'];
  for (const f of Object.values(named.getFields())) {
    if (f.args.some((a) => isNonNullType(a.type)) || parts.length > 6) continue;
    if (isLeafType(getNamedType(f.type))) parts.push(f.name);
    else if (depth === 0) parts.push(`${f.name} ${selection(f.type, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function operationFor(kind: FuzzOperation['kind'], field: GraphQLField<unknown, unknown>): FuzzOperation {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const document =
    `${kind} Fuzz${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} ` +
    `${selection(field.type)} }`;
  const model = Object.fromEntries(field.args.map((a) => [a.name, variableOf(a.type)]));
  return { kind, field: field.name, document, variables: fc.record(model, { requiredKeys: [] }) };
}

/** Every root field's operation, except those named in `exclude` (with the reason kept by the caller). */
export function schemaOperations(schema: GraphQLSchema, exclude: ReadonlySet<string>): FuzzOperation[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {})
      .filter((f) => !exclude.has(f.name))
      .map((f) => operationFor(kind, f)),
  );
}
