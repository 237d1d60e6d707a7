/** Input validation: every failure is a BAD_USER_INPUT naming the field. */
import { BadUserInputError } from '../../../core/errors';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function validateId(field: string, value: string): string {
  const v = typeof value === 'string' ? value.trim() : '';
  if (!ID_PATTERN.test(v))
    throw new BadUserInputError(field, 'must be an id (1–64 letters, digits, _ . : -)');
  return v;
}

export function validateText(field: string, value: string, max: number): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BadUserInputError(field, 'must not be empty');
  if (value.length > max) throw new BadUserInputError(field, `must be at most ${max} characters`);
  return value.trim();
}

export function validateOptionalText(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  return validateText(field, value, max);
}

export function validateCount(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
}

export function validateEnum<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new BadUserInputError(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
}
