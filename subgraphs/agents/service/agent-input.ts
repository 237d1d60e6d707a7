/**
 * Agent profile inputs and their validation (shared by the mutations and the seed).
 */
import { BadUserInputError } from '../../../core/errors';
import { parseEnum, parseEnumList, parseName, parseOptionalGhlUserId, parseTags } from './validation';
import * as check from '../../../core/validation';
import { AgentRole, Experience, Specialization } from '../../../core/vocabulary';

export interface CreateAgentInput {
  name: string;
  email: string;
  phone?: string | null;
  role: AgentRole | string;
  experience: Experience | string;
  specializations?: readonly (Specialization | string)[] | null;
  tags?: readonly string[] | null;
  /** Null or absent: the tenant's shared pool. */
  locationId?: string | null;
  /** GoHighLevel user id; null, blank or absent: none. */
  ghlUserId?: string | null;
}

export interface UpdateAgentInput {
  name?: string | null;
  email?: string | null;
  /** Null or empty clears the phone. */
  phone?: string | null;
  role?: AgentRole | string | null;
  experience?: Experience | string | null;
  specializations?: readonly (Specialization | string)[] | null;
  tags?: readonly string[] | null;
  /** Null moves the agent to the shared pool; absent leaves it where it is. */
  locationId?: string | null;
  /** Null or blank clears it; absent leaves it. */
  ghlUserId?: string | null;
  active?: boolean | null;
}

export interface AgentData {
  name: string;
  email: string;
  phone: string | null;
  role: AgentRole;
  experience: Experience;
  specializations: Specialization[];
  tags: string[];
  locationId: string | null;
  ghlUserId: string | null;
}

export type AgentPatch = Partial<AgentData> & { active?: boolean };

export function parseCreateAgent(input: CreateAgentInput): AgentData {
  return {
    name: parseName(input.name),
    email: check.email('email', input.email),
    phone: check.optionalPhone('phone', input.phone) ?? null,
    role: parseEnum(AgentRole, input.role, 'role'),
    experience: parseEnum(Experience, input.experience, 'experience'),
    specializations: parseEnumList(Specialization, input.specializations ?? [], 'specializations'),
    tags: parseTags(input.tags ?? []),
    locationId: check.optionalUuid('locationId', input.locationId) ?? null,
    ghlUserId: parseOptionalGhlUserId(input.ghlUserId) ?? null,
  };
}

function notNull<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw new BadUserInputError(field, 'must not be null');
  return value;
}

export function parseUpdateAgent(input: UpdateAgentInput): AgentPatch {
  const patch: AgentPatch = {};
  const name = notNull(input.name, 'name');
  if (name !== undefined) patch.name = parseName(name);
  const email = notNull(input.email, 'email');
  if (email !== undefined) patch.email = check.email('email', email);
  if (input.phone !== undefined) patch.phone = check.optionalPhone('phone', input.phone) ?? null;
  const role = notNull(input.role, 'role');
  if (role !== undefined) patch.role = parseEnum(AgentRole, role, 'role');
  const experience = notNull(input.experience, 'experience');
  if (experience !== undefined) patch.experience = parseEnum(Experience, experience, 'experience');
  const specializations = notNull(input.specializations, 'specializations');
  if (specializations !== undefined) {
    patch.specializations = parseEnumList(Specialization, specializations, 'specializations');
  }
  const tags = notNull(input.tags, 'tags');
  if (tags !== undefined) patch.tags = parseTags(tags);
  if (input.locationId !== undefined)
    patch.locationId = check.optionalUuid('locationId', input.locationId) ?? null;
  if (input.ghlUserId !== undefined) patch.ghlUserId = parseOptionalGhlUserId(input.ghlUserId) ?? null;
  const active = notNull(input.active, 'active');
  if (active !== undefined) patch.active = active;
  return patch;
}
