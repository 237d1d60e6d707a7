export { Agent } from './agent';
export { AgentSession, type SessionContext } from './agent-session';
export { Location, locationRef, type LocationRef } from './location';
export { KnownLocation } from './known-location';
