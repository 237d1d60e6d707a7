/** GraphQL operations the coaching tests send. */
export const ADD_TURN = `mutation($input: AddConversationTurnInput!) {
  addConversationTurn(input: $input) { id sessionId speaker text source at externalId }
}`;

export const HINTS_SUB = `subscription($s: ID!) {
  coachingHints(sessionId: $s) {
    type runId index delta error
    hint { id text category status model requestId sessionId confidence session { id } }
  }
}`;

export const SESSION_SUB = `subscription($s: ID!) {
  sessionUpdated(sessionId: $s) { sessionId stage qualification { score missing nextQuestion slots { budget bedrooms areas preApproved } } }
}`;

export const SESSION_FIELDS = `query($reps: [_Any!]!, $last: Int) {
  _entities(representations: $reps) {
    ... on AgentSession {
      id
      turns(last: $last) { id speaker text source externalId }
      hints { id status text requestId feedbackComment }
      qualification { score stage missing slots { budget bedrooms preApproved areas } }
    }
  }
}`;

export const RATE = `mutation($id: ID!, $v: HintVerdict!, $c: String) {
  rateHint(hintId: $id, verdict: $v, comment: $c) { id status feedbackComment }
}`;

export const REQUEST = `mutation($s: ID!, $q: String, $k: CoachingKind) {
  requestCoaching(sessionId: $s, question: $q, kind: $k) { id status sessionId }
}`;

export const HISTORY = `query($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) {
    ... on Agent { id coachingHistory(first: $first, after: $after) { edges { cursor node { id agentId } } pageInfo { hasNextPage endCursor } } }
  }
}`;

export const HINT_BY_ID = `query($id: ID!) { coachingHint(id: $id) { id text session { id } } }`;

export function sessionRep(id: string): { reps: { __typename: string; id: string }[] } {
  return { reps: [{ __typename: 'AgentSession', id }] };
}

export function agentRep(id: string): { reps: { __typename: string; id: string }[] } {
  return { reps: [{ __typename: 'Agent', id }] };
}

export interface HintEventView {
  type: 'STARTED' | 'DELTA' | 'COMPLETED' | 'FAILED';
  runId: string;
  index: number;
  delta: string | null;
  error: string | null;
  hint: {
    id: string;
    text: string;
    category: string;
    status: string;
    model: string;
    requestId: string;
    sessionId: string;
    confidence: number;
    session: { id: string };
  } | null;
}

export interface SessionFieldsView {
  _entities: {
    id: string;
    turns: { id: string; speaker: string; text: string; source: string; externalId: string | null }[];
    hints: { id: string; status: string; text: string; requestId: string; feedbackComment: string | null }[];
    qualification: {
      score: number;
      stage: string;
      missing: string[];
      slots: {
        budget: number | null;
        bedrooms: number | null;
        preApproved: boolean | null;
        areas: string[] | null;
      };
    } | null;
  }[];
}

export interface RebuiltHint {
  /** What a client shows for the index: "" at STARTED, + DELTAs, `hint.text` at COMPLETED. */
  text: string;
  /** The COMPLETED hint, null while streaming. */
  hint: HintEventView['hint'];
}

/**
 * Rebuilds one run's hints the way HintEvent.type documents it: STARTED clears (a repeated STARTED
 * replaces the hint, completed or not), DELTA appends, COMPLETED replaces with `hint.text`, FAILED removes.
 */
export function rebuildHints(events: readonly HintEventView[], runId: string): Map<number, RebuiltHint> {
  const hints = new Map<number, RebuiltHint>();
  for (const e of events) {
    if (e.runId !== runId) continue;
    if (e.type === 'STARTED') hints.set(e.index, { text: '', hint: null });
    else if (e.type === 'DELTA') {
      const h = hints.get(e.index);
      if (h) h.text += e.delta ?? '';
    } else if (e.type === 'COMPLETED') hints.set(e.index, { text: e.hint!.text, hint: e.hint });
    else hints.delete(e.index);
  }
  return hints;
}
