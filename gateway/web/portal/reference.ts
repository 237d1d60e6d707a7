/**
 * The API reference, built at run time from the served supergraph: the public schema (no federation
 * internals: join__*, link__*, _Entity, _Any, _Service, _entities, _service, @inaccessible elements) with every
 * type, field, argument (with its default), enum value, description and deprecation, and which subgraph owns
 * each type and field (read from the supergraph's @join__type / @join__field / @join__graph directives).
 * Adding a field to a subgraph and composing again makes it appear here with no edit.
 */
import {
  astFromValue,
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  Kind,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';

export type RefKind = 'OBJECT' | 'INTERFACE' | 'UNION' | 'ENUM' | 'INPUT_OBJECT' | 'SCALAR';

export interface RefArgument {
  name: string;
  type: string;
  description: string | null;
  /** The default value as GraphQL source (e.g. `QUICK`, `20`), or null when there is none. */
  defaultValue: string | null;
  deprecationReason: string | null;
}

export interface RefField {
  name: string;
  type: string;
  description: string | null;
  args: RefArgument[];
  deprecationReason: string | null;
  /** Subgraphs that resolve this field (empty for input fields). */
  owners: string[];
}

export interface RefEnumValue {
  name: string;
  description: string | null;
  deprecationReason: string | null;
}

export interface RefType {
  name: string;
  kind: RefKind;
  description: string | null;
  /** Subgraphs that define this type (@join__type). */
  owners: string[];
  fields: RefField[];
  enumValues: RefEnumValue[];
  /** Interfaces an object or interface implements; members of a union. */
  interfaces: string[];
  members: string[];
  specifiedByURL: string | null;
}

export interface ApiReference {
  /** Query, Mutation and Subscription first (those present), then every other type by name; fields in SDL order. */
  types: RefType[];
  /** The public SDL (what /schema.graphql serves), sorted by name, with descriptions. */
  sdl: string;
  schema: GraphQLSchema;
}

/** Names that belong to federation, never to the public API. */
export const FEDERATION_INTERNALS = /^(join__|link__|_Entity$|_Any$|_Service$|_entities$|_service$)/;

interface Owners {
  types: Map<string, string[]>;
  fields: Map<string, string[]>;
}

function argValue(node: DirectiveNode, name: string): string | null {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const v = arg.value;
  return v.kind === Kind.ENUM || v.kind === Kind.STRING
    ? v.value
    : v.kind === Kind.BOOLEAN
      ? String(v.value)
      : null;
}

/** join__Graph enum value (e.g. AGENTS) → subgraph name (agents). */
function graphNames(doc: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      names.set(value.name.value, (graph && argValue(graph, 'name')) ?? value.name.value.toLowerCase());
    }
  }
  return names;
}

/** Which subgraphs own each type and field, from the supergraph's join directives. */
export function ownersFromSupergraph(doc: DocumentNode): Owners {
  const names = graphNames(doc);
  const owners: Owners = { types: new Map(), fields: new Map() };
  const graphsOf = (dirs: readonly DirectiveNode[] | undefined, directive: string) =>
    (dirs ?? [])
      .filter((d) => d.name.value === directive && argValue(d, 'external') !== 'true')
      .map((d) => argValue(d, 'graph'))
      .filter((g): g is string => g !== null)
      .map((g) => names.get(g) ?? g);
  for (const def of doc.definitions) {
    if (!('name' in def) || !def.name || !('directives' in def)) continue;
    const typeName = def.name.value;
    const typeOwners = [...new Set(graphsOf(def.directives, 'join__type'))].sort();
    owners.types.set(typeName, typeOwners);
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      const joined = field.directives?.filter((d) => d.name.value === 'join__field') ?? [];
      const fieldOwners = [...new Set(graphsOf(joined, 'join__field'))].sort();
      // no @join__field naming a graph: every subgraph that defines the type resolves it
      owners.fields.set(`${typeName}.${field.name.value}`, fieldOwners.length ? fieldOwners : typeOwners);
    }
  }
  return owners;
}

/** The public schema of a supergraph: what clients of the gateway see. */
export function publicSchema(supergraph: string): GraphQLSchema {
  const publicDoc = transformSupergraphToPublicSchema(parse(supergraph));
  const definitions = publicDoc.definitions.filter(
    (d) => !('name' in d && d.name && FEDERATION_INTERNALS.test(d.name.value)),
  );
  return buildASTSchema({ ...publicDoc, definitions }, { assumeValidSDL: true });
}

function defaultOf(arg: GraphQLArgument | GraphQLInputField): string | null {
  if (arg.defaultValue === undefined) return null;
  const ast = astFromValue(arg.defaultValue, arg.type);
  return ast ? print(ast) : null;
}

function argumentOf(arg: GraphQLArgument | GraphQLInputField): RefArgument {
  return {
    name: arg.name,
    type: String(arg.type),
    description: arg.description ?? null,
    defaultValue: defaultOf(arg),
    deprecationReason: arg.deprecationReason ?? null,
  };
}

function kindOf(type: GraphQLNamedType): RefKind {
  if (isObjectType(type)) return 'OBJECT';
  if (isInterfaceType(type)) return 'INTERFACE';
  if (isUnionType(type)) return 'UNION';
  if (isEnumType(type)) return 'ENUM';
  if (isInputObjectType(type)) return 'INPUT_OBJECT';
  return 'SCALAR';
}

function fieldsOf(type: GraphQLNamedType, owners: Owners): RefField[] {
  if (isObjectType(type) || isInterfaceType(type)) {
    return Object.values(type.getFields()).map((f) => ({
      name: f.name,
      type: String(f.type),
      description: f.description ?? null,
      args: f.args.map(argumentOf),
      deprecationReason: f.deprecationReason ?? null,
      owners: owners.fields.get(`${type.name}.${f.name}`) ?? owners.types.get(type.name) ?? [],
    }));
  }
  if (isInputObjectType(type)) {
    return Object.values(type.getFields()).map((f) => {
      const { defaultValue, ...arg } = argumentOf(f);
      return {
        ...arg,
        args: [],
        owners: [],
        type: defaultValue === null ? arg.type : `${arg.type} = ${defaultValue}`,
      };
    });
  }
  return [];
}

function refType(type: GraphQLNamedType, owners: Owners): RefType {
  return {
    name: type.name,
    kind: kindOf(type),
    description: type.description ?? null,
    owners: owners.types.get(type.name) ?? [],
    fields: fieldsOf(type, owners),
    enumValues: isEnumType(type)
      ? type.getValues().map((v) => ({
          name: v.name,
          description: v.description ?? null,
          deprecationReason: v.deprecationReason ?? null,
        }))
      : [],
    interfaces: isObjectType(type) || isInterfaceType(type) ? type.getInterfaces().map((i) => i.name) : [],
    members: isUnionType(type) ? type.getTypes().map((t) => t.name) : [],
    specifiedByURL: isScalarType(type) ? (type.specifiedByURL ?? null) : null,
  };
}

const ROOTS = ['Query', 'Mutation', 'Subscription'];

/** Builds the reference of a supergraph SDL (the one the gateway serves). */
export function buildReference(supergraph: string): ApiReference {
  const owners = ownersFromSupergraph(parse(supergraph));
  const schema = publicSchema(supergraph);
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(
    (t): t is NonNullable<typeof t> => Boolean(t),
  );
  const rest = Object.values(schema.getTypeMap())
    .filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t) && !ROOTS.includes(t.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  const types = [...roots, ...rest].map((t) => refType(t, owners));
  return { types, sdl: printSchema(lexicographicSortSchema(schema)), schema };
}
