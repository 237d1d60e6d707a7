/**
 * Input validation: every failure is a BAD_USER_INPUT naming the field. Ids, texts and counts are checked by
 * core/validation.ts; this is the coaching subgraph's own check.
 */
import { BadUserInputError } from '../../../core/errors';

export function validateEnum<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new BadUserInputError(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}
