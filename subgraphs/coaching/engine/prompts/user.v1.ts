/**
 * User-message templates, version 1: the volatile part of the prompt (context, memory, conversation, task).
 * Untrusted text is wrapped in tags the system prompt names as data.
 */
import type { CoachingKind } from '../types';

export const TASK_V1: Record<CoachingKind, string> = {
  QUICK:
    "Task: the agent needs the next best move right now. Coach their reply to the lead's latest message " +
    "(or answer the agent's question). Call emit_hints.",
  DEEP:
    'Task: review the whole conversation. Hint 1: the most important qualification gap and how to close it. ' +
    'Hint 2: the next step to propose, given the stage. Hint 3 (only if real): a risk — an unhandled ' +
    'objection, a compliance issue or a deadline. Call emit_hints.',
};

export const NO_TURNS_V1 = '(no messages yet — coach the opening)';
export const NO_MEMORY_V1 = '(no earlier sessions with this contact)';
