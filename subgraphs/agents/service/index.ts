export type { AgentsContext } from './context';
export type { Connection, Edge, PageInfo } from './pagination';
export type { CreateAgentInput, UpdateAgentInput } from './agent-input';
export { listAgents, type AgentFilterInput, type AgentListArgs } from './agent-query';
export {
  agentLoader,
  createAgent,
  deactivateAgent,
  getAgent,
  resolveAgentReference,
  updateAgent,
} from './agent-service';
export { listSessions, type SessionFilterInput, type SessionListArgs } from './session-query';
export {
  endSession,
  getSession,
  resolveSessionReference,
  sessionLoader,
  startSession,
  updateSession,
  type StartSessionInput,
  type UpdateSessionInput,
} from './session-service';
export { locationAgents, type LocationAgentFilterInput, type LocationAgentsArgs } from './location-service';
