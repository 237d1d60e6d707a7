/**
 * One validation vocabulary (core/validation.ts): a table of tricky emails, fed to core's check, to the
 * agents subgraph (createAgent) and to the tenants subgraph (addMember). All three accept the same
 * addresses, store the same normalized value, and refuse the same ones with BAD_USER_INPUT naming the
 * field — and every accepted address serializes through the EmailAddress scalar both subgraphs return
 * it as. (Before, tenants had its own regex: it took `jürgen@example.com`, which Member.email then could
 * not serialize; agents and tenants disagreed on the 3 rows below with a non-ASCII local part.)
 */
import { EmailAddressResolver } from 'graphql-scalars';
import { BadUserInputError } from '../../../core/errors';
import * as check from '../../../core/validation';
import { agentsSubgraph } from '../../../subgraphs/agents';
import { tenantsSubgraph } from '../../../subgraphs/tenants';
import { describeEachDb } from '../../helpers/variants';
import { startHarness, type SubgraphHarness } from '../../helpers/subgraph-harness';
import { announceWorld, CREATE_AGENT, agentInput, makeWorld } from '../agents/fixtures';
import { A, ownerA, seed } from '../tenants/fixtures';
import { MemberRole } from '../../../core/vocabulary';

/** [input, the normalized address, or null when every subgraph must refuse it] */
const EMAILS: [string, string | null][] = [
  ['  Jane.Doe+work@Example.COM ', 'jane.doe+work@example.com'],
  ["o'brien@example.ie", "o'brien@example.ie"],
  ['a@b.co', 'a@b.co'],
  ['x@sub-domain.example.com', 'x@sub-domain.example.com'],
  ['jane@example', null], // no dotted domain
  ['jürgen@example.com', null], // EmailAddress is ASCII: accepted here, it could not be returned
  ['jane@exämple.com', null],
  ['jane\u200b@example.com', null], // a zero-width space is not whitespace to a regex
  ['😀@example.com', null],
  ['jane doe@example.com', null],
  ['"jane"@example.com', null],
  ['jane@@example.com', null],
  ['jane@-example.com', null],
  ['jane@example-.com', null],
  ['jane@example..com', null],
  ['<jane@example.com>', null],
  ['jane@example.com\n', 'jane@example.com'], // trimmed like every other field
  ['jane@exa mple.com', null],
  ['', null],
  ['@example.com', null],
  [`${'x'.repeat(64)}@${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(58)}.com`, null], // 255 characters
];

function coreVerdict(input: string): string | null {
  try {
    return check.email('email', input);
  } catch (err) {
    if (err instanceof BadUserInputError && err.field === 'email') return null;
    throw err;
  }
}

type Answer = {
  data?: Record<string, { email: string }> | null;
  errors?: { extensions?: Record<string, unknown> }[];
};

/** The stored address, or null for a BAD_USER_INPUT naming an email field. */
function verdict(res: Answer, field: string): string | null | string[] {
  if (res.data?.[field]) return res.data[field]!.email;
  const e = res.errors?.[0]?.extensions;
  return e?.['code'] === 'BAD_USER_INPUT' && String(e['field']).endsWith('email')
    ? null
    : [String(e?.['code']), String(e?.['field'])];
}

describe('core email check', () => {
  test.each(EMAILS)('%p → %p', (input, expected) => {
    expect(coreVerdict(input)).toBe(expected);
    if (expected) expect(EmailAddressResolver.serialize(expected)).toBe(expected);
  });
});

describeEachDb('every subgraph agrees on emails (%s)', (kind) => {
  let agents: SubgraphHarness;
  let tenants: SubgraphHarness;
  const world = makeWorld();

  beforeAll(async () => {
    [agents, tenants] = await Promise.all([
      startHarness(agentsSubgraph, kind),
      startHarness(tenantsSubgraph, kind),
    ]);
    await Promise.all([announceWorld(agents, world), seed(tenants)]);
  });
  afterAll(async () => {
    await Promise.all([agents?.close(), tenants?.close()]);
  });

  test('agents (createAgent) and tenants (addMember) give the same verdict as core on every row, at once', async () => {
    const rows = await Promise.all(
      EMAILS.map(async ([input], i) => {
        const [agent, member] = await Promise.all([
          agents.exec(world.owner, `${CREATE_AGENT}`, { input: agentInput({ email: input }) }),
          tenants.exec(
            ownerA(),
            'mutation ($input: AddMemberInput!) { addMember(input: $input) { email } }',
            {
              input: {
                userId: `email-table-${i}`,
                email: input,
                name: 'Email Table',
                role: MemberRole.AGENT,
                locationIds: [A.loc1],
              },
            },
          ),
        ]);
        return {
          input,
          core: coreVerdict(input),
          agents: verdict(agent as Answer, 'createAgent'),
          tenants: verdict(member as Answer, 'addMember'),
        };
      }),
    );
    expect(rows).toEqual(
      EMAILS.map(([input, expected]) => ({ input, core: expected, agents: expected, tenants: expected })),
    );
  });
});
