/** The cursors of the agents subgraph's lists, all through core's one codec (core/pagination/cursor.ts). */
import { cursorCodec } from '../../../core/pagination/cursor';

/** `agents` and `Location.agents`: by name, then id. */
export const agentCursors = cursorCodec('agents', ['string', 'uuid']);

/** `agentSessions`: newest first, by start time, then id. */
export const sessionCursors = cursorCodec('agentSessions', ['timestamp', 'uuid']);
