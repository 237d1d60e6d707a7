/**
 * One syntactically valid call per mutation field of a schema, with dummy values for the required
 * arguments only (generated from their types): so a test can walk every mutation the schema serves,
 * including ones added later, without knowing any of them.
 */
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

export interface DummyCall {
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** A valid literal for each scalar the platform serves; an unknown one fails loudly (extend the map). */
const SCALARS: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => 'dummy',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  DateTime: () => new Date().toISOString(),
  EmailAddress: () => 'dummy@example.com',
  SafeInt: () => 1,
  JSON: () => ({}),
  JSONObject: () => ({}),
};

function required(a: GraphQLArgument | GraphQLInputField): boolean {
  return isNonNullType(a.type) && a.defaultValue === undefined;
}

/** A dummy value of `type`: required input fields filled, optional ones left out, one list element. */
export function dummyValue(type: GraphQLInputType, path: string): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [dummyValue(inner.ofType, `${path}[0]`)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      if (required(f)) out[f.name] = dummyValue(f.type, `${path}.${f.name}`);
    }
    return out;
  }
  if (isScalarType(inner)) {
    const make = SCALARS[inner.name];
    if (!make) throw new Error(`no dummy value for scalar ${inner.name} (at ${path}): add it to SCALARS`);
    return make();
  }
  throw new Error(`unexpected input type at ${path}`);
}

function call(field: GraphQLField<unknown, unknown>): DummyCall {
  const args = field.args.filter(required);
  const variables: Record<string, unknown> = {};
  for (const a of args) variables[a.name] = dummyValue(a.type, `${field.name}.${a.name}`);
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const uses = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const leaf = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type));
  return {
    field: field.name,
    query:
      `mutation ${defs ? `(${defs}) ` : ''}{ ${field.name}${uses ? `(${uses})` : ''}` +
      `${leaf ? '' : ' { __typename }'} }`,
    variables,
  };
}

/** Every mutation field of `schema`, each as one call. */
export function dummyMutationCalls(schema: GraphQLSchema): DummyCall[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map(call);
}
