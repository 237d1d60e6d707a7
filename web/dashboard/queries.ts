/** The GraphQL operations the dashboard sends, and the shapes it reads back (see schema/supergraph.graphql). */

export const VIEWER = `query DashboardViewer {
  viewer { subject role scopes tenantId locationIds organization { name } }
}`;

export const LOCATIONS = `query DashboardLocations {
  locations { id name organizationId }
}`;

const AGENT_FIELDS = 'id name active sharedPool locationId location { name }';

export const AGENTS = `query DashboardAgents($first: Int!, $after: String, $filter: AgentFilter, $from: DateTime!, $to: DateTime!) {
  agents(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      ${AGENT_FIELDS}
      performance(from: $from, to: $to) {
        hintsDelivered acceptanceRate feedbackCount latencyP50Ms latencyP95Ms costMicros
        qualificationCompletion qualifiedSessions
      }
    } }
  }
}`;

/** The same list without the figures (analytics:read), for a credential that may see agents only. */
export const AGENTS_ONLY = `query DashboardAgentsOnly($first: Int!, $after: String, $filter: AgentFilter) {
  agents(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${AGENT_FIELDS} } }
  }
}`;

export const SERIES = `query DashboardSeries($filter: AnalyticsFilter!) {
  analytics(granularity: DAY, filter: $filter) {
    start hintsDelivered acceptanceRate feedbackCount latencyP50Ms latencyP95Ms costMicros
    qualificationCompletion
  }
}`;

export const ALERTS = `query DashboardAlerts($from: DateTime!, $to: DateTime!) {
  alerts(from: $from, to: $to) { id kind locationId windowStart windowEnd value threshold raisedAt }
}`;

export const QUOTA = `query DashboardQuota {
  viewer { organization { name billing {
    plan { name code hintLimit includedHints }
    subscription { status currentPeriodStart currentPeriodEnd seats }
    usage { hintsUsed included limit remaining resetsAt tokensUsed tokenAllowance costMicros }
  } } }
}`;

export const INVOICES = `query DashboardInvoices {
  invoices { id planCode periodStart periodEnd totalCents hints costMicros issuedAt }
}`;

export interface Viewer {
  subject: string;
  role: string;
  scopes: string[];
  tenantId: string;
  locationIds: string[] | null;
  organization: { name: string } | null;
}

export interface LocationRow {
  id: string;
  name: string;
  organizationId: string;
}

export interface Figures {
  hintsDelivered: number;
  acceptanceRate: number | null;
  feedbackCount: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  costMicros: number;
  qualificationCompletion: number | null;
}

export interface AgentRow {
  id: string;
  name: string;
  active: boolean;
  sharedPool: boolean;
  locationId: string | null;
  location: { name: string } | null;
  /** Absent when the figures were not asked (the credential lacks analytics:read). */
  performance?: (Figures & { qualifiedSessions: number }) | null;
}

export interface AgentsPage {
  agents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: AgentRow }[];
  };
}

export interface Point extends Figures {
  start: string;
}

export interface AlertRow {
  id: string;
  kind: 'P95_LATENCY' | 'DAILY_COST' | 'ACCEPTANCE_DROP';
  locationId: string | null;
  windowStart: string;
  windowEnd: string;
  value: number;
  threshold: number;
  raisedAt: string;
}

export interface Billing {
  plan: { name: string; code: string; hintLimit: number; includedHints: number };
  subscription: { status: string; currentPeriodStart: string; currentPeriodEnd: string; seats: number };
  usage: {
    hintsUsed: number;
    included: number;
    limit: number;
    remaining: number;
    resetsAt: string;
    tokensUsed: number;
    tokenAllowance: number;
    costMicros: number;
  };
}

export interface InvoiceRow {
  id: string;
  planCode: string;
  periodStart: string;
  periodEnd: string;
  totalCents: number;
  hints: number;
  costMicros: number;
  issuedAt: string;
}
