/**
 * A partner reads the API only through the developer portal generated from the public schema, so every
 * public type, field, argument, input field and enum value must carry a description. The public schema is
 * the supergraph composed from code with the federation internals removed — what the gateway serves.
 */
import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { composeFromCode } from '../../bin/compose';

/** Federation machinery that never reaches a partner even if a transform left it in place. */
const FEDERATION_TYPES = new Set(['_Entity', '_Any', '_Service', 'FieldSet']);
const FEDERATION_FIELDS = new Set(['_service', '_entities']);

interface Coordinate {
  coordinate: string;
  description: string | null | undefined;
}

function isPublicType(type: GraphQLNamedType): boolean {
  if (isIntrospectionType(type) || isSpecifiedScalarType(type)) return false;
  if (type.name.startsWith('join__') || type.name.startsWith('link__')) return false;
  return !FEDERATION_TYPES.has(type.name);
}

function argumentCoordinates(owner: string, args: readonly GraphQLArgument[]): Coordinate[] {
  return args.map((a) => ({ coordinate: `${owner}(${a.name})`, description: a.description }));
}

function typeCoordinates(type: GraphQLNamedType): Coordinate[] {
  const out: Coordinate[] = [{ coordinate: type.name, description: type.description }];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (FEDERATION_FIELDS.has(field.name)) continue;
      const coordinate = `${type.name}.${field.name}`;
      out.push({ coordinate, description: field.description });
      out.push(...argumentCoordinates(coordinate, field.args));
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      out.push({ coordinate: `${type.name}.${field.name}`, description: field.description });
    }
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) {
      out.push({ coordinate: `${type.name}.${value.name}`, description: value.description });
    }
  }
  return out;
}

/** Every describable coordinate of the public schema, in schema order. */
function publicCoordinates(schema: GraphQLSchema): Coordinate[] {
  return Object.values(schema.getTypeMap()).filter(isPublicType).flatMap(typeCoordinates);
}

async function publicSchema(): Promise<GraphQLSchema> {
  const { supergraph } = await composeFromCode();
  return buildASTSchema(transformSupergraphToPublicSchema(parse(supergraph)), { assumeValidSDL: true });
}

describe('public schema descriptions', () => {
  let coordinates: Coordinate[];

  beforeAll(async () => {
    coordinates = publicCoordinates(await publicSchema());
  });

  it('walks the whole public schema and none of the federation internals', () => {
    const names = coordinates.map((c) => c.coordinate);
    expect(names.length).toBeGreaterThan(300);
    expect(names).toEqual(
      expect.arrayContaining([
        'Query',
        'Mutation',
        'Mutation.startAgentSession',
        'Mutation.startAgentSession(input)',
      ]),
    );
    expect(
      names.filter((n) => /^(join__|link__|_Entity|_Any|_Service)|\._(service|entities)\b/.test(n)),
    ).toEqual([]);
  });

  it('describes every type, field, argument, input field and enum value', () => {
    const missing = coordinates
      .filter((c) => !c.description || !c.description.trim())
      .map((c) => c.coordinate);
    expect({ missing: missing.length, coordinates: missing }).toEqual({ missing: 0, coordinates: [] });
  });
});
