/**
 * The demo data every fresh embedded start gets: two tenants ("Acme Realty" with a child org and two
 * locations, "Summit Homes" with one), agents of every role and experience, an admin key per tenant.
 * Ids are fixed so re-seeding is idempotent and subgraphs agree on them.
 */
import { AgentRole, Experience, MemberRole, Specialization } from '../core/vocabulary';

export const DEMO = {
  acme: {
    id: '0b0e6f3a-1c1d-4a8e-9a53-000000000001',
    name: 'Acme Realty',
    child: { id: '0b0e6f3a-1c1d-4a8e-9a53-000000000002', name: 'Acme Realty Luxury' },
    locations: [
      {
        id: '1a1e6f3a-1c1d-4a8e-9a53-000000000011',
        ghlLocationId: 'ghl-acme-austin',
        name: 'Austin Downtown',
        timezone: 'America/Chicago',
        child: false,
      },
      {
        id: '1a1e6f3a-1c1d-4a8e-9a53-000000000012',
        ghlLocationId: 'ghl-acme-lakeway',
        name: 'Lakeway Luxury',
        timezone: 'America/Chicago',
        child: true,
      },
    ],
  },
  summit: {
    id: '0b0e6f3a-1c1d-4a8e-9a53-000000000003',
    name: 'Summit Homes',
    locations: [
      {
        id: '1a1e6f3a-1c1d-4a8e-9a53-000000000013',
        ghlLocationId: 'ghl-summit-denver',
        name: 'Denver Tech Center',
        timezone: 'America/Denver',
        child: false,
      },
    ],
  },
} as const;

const roles = [AgentRole.BUYER_AGENT, AgentRole.LISTING_AGENT, AgentRole.TRANSACTION_COORDINATOR];
const levels = [Experience.NOVICE, Experience.EXPERIENCED, Experience.EXPERT];
const firstNames = ['Maya', 'Jordan', 'Priya', 'Luis', 'Hannah', 'Devon', 'Grace', 'Omar', 'Elena'];
const specs = [
  [Specialization.FIRST_TIME_BUYERS],
  [Specialization.LUXURY, Specialization.RELOCATION],
  [Specialization.INVESTMENT],
  [Specialization.NEW_CONSTRUCTION],
  [Specialization.COMMERCIAL, Specialization.INVESTMENT],
  [],
];

export interface DemoAgent {
  id: string;
  locationId: string | null;
  name: string;
  email: string;
  phone: string;
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  tags: string[];
}

/** Every role × experience for Acme (one in the shared pool), and one of each role for Summit. */
export function demoAgents(tenant: 'acme' | 'summit'): DemoAgent[] {
  const out: DemoAgent[] = [];
  const locs = DEMO[tenant].locations.map((l) => l.id);
  let n = 0;
  for (const role of roles) {
    for (const experience of tenant === 'acme' ? levels : [Experience.EXPERIENCED]) {
      const i = n++;
      const first = firstNames[i % firstNames.length]!;
      const last = tenant === 'acme' ? 'Acme' : 'Summit';
      out.push({
        id: `2a2e6f3a-1c1d-4a8e-9a53-${(tenant === 'acme' ? 100 : 200) + i}`.padEnd(36, '0'),
        locationId: tenant === 'acme' && i === 4 ? null : locs[i % locs.length]!,
        name: `${first} ${last}`,
        email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`,
        phone: `+1512555${String(1000 + i + (tenant === 'acme' ? 0 : 100)).slice(-4)}`,
        role,
        experience,
        specializations: specs[i % specs.length]!,
        tags: i % 2 === 0 ? ['spanish-speaking'] : [],
      });
    }
  }
  return out;
}

export function demoMembers(tenant: 'acme' | 'summit') {
  const t = DEMO[tenant];
  const agents = demoAgents(tenant);
  const suffix = tenant === 'acme' ? '1' : '2';
  return [
    {
      id: `3a3e6f3a-1c1d-4a8e-9a53-00000000${suffix}001`,
      userId: `user-${tenant}-owner`,
      email: `owner@${tenant}.example.com`,
      name: `${t.name} Owner`,
      role: MemberRole.OWNER,
      locationIds: [],
      agentId: undefined,
    },
    {
      id: `3a3e6f3a-1c1d-4a8e-9a53-00000000${suffix}002`,
      userId: `user-${tenant}-manager`,
      email: `manager@${tenant}.example.com`,
      name: `${t.name} Manager`,
      role: MemberRole.MANAGER,
      locationIds: [t.locations[0].id],
      agentId: undefined,
    },
    {
      id: `3a3e6f3a-1c1d-4a8e-9a53-00000000${suffix}003`,
      userId: `user-${tenant}-agent`,
      email: agents[0]!.email,
      name: agents[0]!.name,
      role: MemberRole.AGENT,
      locationIds: agents[0]!.locationId ? [agents[0]!.locationId] : [],
      agentId: agents[0]!.id,
    },
  ];
}
