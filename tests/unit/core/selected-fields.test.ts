import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { selectedFields, selectsField } from '../../../core/server/selected-fields';

const schema = buildSchema(`
  type Location { id: ID! }
  type Agent { id: ID! name: String! email: String! location: Location }
  type Edge { cursor: String! node: Agent! }
  type Connection { edges: [Edge!]! totalCount: Int! }
  type Query { agents: Connection! }
`);

/** The resolve info the `agents` field gets for this document. */
function infoFor(document: string): GraphQLResolveInfo {
  let seen: GraphQLResolveInfo | undefined;
  execute({
    schema,
    document: parse(document),
    rootValue: {
      agents: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        seen = info;
        return { edges: [], totalCount: 0 };
      },
    },
  });
  if (!seen) throw new Error('agents was not resolved');
  return seen;
}

describe('selectedFields', () => {
  it('names the fields at a path, by name (not alias), through inline fragments and spreads', () => {
    const info = infoFor(`
      query { agents { edges { n: node { name ... on Agent { mail: email } ...L } } } }
      fragment L on Agent { location { id } }
    `);
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['email', 'location', 'name']);
    expect([...selectedFields(info, ['edges'])]).toEqual(['node']);
    expect(selectsField(info, 'totalCount')).toBe(false);
  });

  it('merges the same field selected twice, and is empty where nothing is selected', () => {
    const info = infoFor(`
      query { agents { totalCount a: edges { node { id } } b: edges { cursor node { __typename } } } }
    `);
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['__typename', 'id']);
    expect([...selectedFields(info, ['edges'])].sort()).toEqual(['cursor', 'node']);
    expect(selectsField(info, 'totalCount')).toBe(true);
    expect(selectedFields(info, ['pageInfo']).size).toBe(0);
  });
});
