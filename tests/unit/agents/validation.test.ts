import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '../../../core/errors';
import { agentCursors, sessionCursors } from '../../../subgraphs/agents/service/cursor';
import { containsPattern } from '../../../subgraphs/agents/service/dialect';
import * as check from '../../../core/validation';
import {
  parseContactId,
  parseContext,
  parseFirst,
  parseTags,
} from '../../../subgraphs/agents/service/validation';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof BadUserInputError) return err.field;
    throw err;
  }
  return undefined;
}

describe('agents input validation', () => {
  it.each([
    ['+15125550101', '+15125550101'],
    ['512-555-0101', '+15125550101'],
    ['(512) 555-0101', '+15125550101'],
    ['512.555.0101', '+15125550101'],
    ['1 512 555 0101', '+15125550101'],
    ['+1 (512) 555-0101', '+15125550101'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('normalizes phone %s to %s', (input, expected) => {
    expect(check.phone('phone', input)).toBe(expected);
  });

  it.each([
    '',
    '12345',
    '555-0101',
    '+0 123 456 789',
    '+1 012 555 0101',
    '512-555-0101 x12',
    '+1234567890123456',
    'call me',
    '5125550101+',
  ])('rejects phone %p naming the field', (input) => {
    expect(fieldOf(() => check.phone('phone', input))).toBe('phone');
  });

  it('normalizes and validates emails', () => {
    expect(check.email('email', '  Jane.Doe+work@Example.COM ')).toBe('jane.doe+work@example.com');
    for (const bad of [
      'jane',
      'jane@',
      '@example.com',
      'jane doe@example.com',
      'jane@example',
      `${'x'.repeat(250)}@example.com`,
    ]) {
      expect(fieldOf(() => check.email('email', bad))).toBe('email');
    }
  });

  it('trims, de-duplicates and bounds tags', () => {
    expect(parseTags([' a ', 'b', 'a'])).toEqual(['a', 'b']);
    expect(fieldOf(() => parseTags(['x'.repeat(41)]))).toBe('tags');
    expect(fieldOf(() => parseTags(Array.from({ length: 21 }, (_, i) => `t${i}`)))).toBe('tags');
    expect(parseTags(Array.from({ length: 25 }, (_, i) => `t${i % 20}`))).toHaveLength(20);
    expect(fieldOf(() => parseTags(['ok', '\u0007bell']))).toBe('tags');
  });

  it('checks ids, contact ids, page sizes and contexts', () => {
    const id = randomUUID();
    expect(check.uuid('id', id.toUpperCase())).toBe(id);
    expect(fieldOf(() => check.uuid('id', '123'))).toBe('id');
    expect(fieldOf(() => check.uuid('agentId', '123'))).toBe('agentId');
    expect(parseContactId(' abc_DEF-123 ')).toBe('abc_DEF-123');
    expect(fieldOf(() => parseContactId('a'.repeat(65)))).toBe('contactId');
    expect(parseFirst(undefined)).toBe(20);
    expect(parseFirst(null)).toBe(20);
    expect(fieldOf(() => parseFirst(101))).toBe('first');
    expect(parseContext({ a: 1 })).toEqual({ a: 1 });
    expect(fieldOf(() => parseContext([]))).toBe('context');
    expect(fieldOf(() => parseContext({ s: 'é'.repeat(8 * 1024) }))).toBe('context');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(containsPattern('100%')).toBe('%100!%%');
    expect(containsPattern('a_b')).toBe('%a!_b%');
    expect(containsPattern('wow!')).toBe('%wow!!%');
  });

  it('round-trips cursors and rejects foreign or tampered ones', () => {
    const id = randomUUID();
    const tenant = randomUUID();
    const c = agentCursors.encode(tenant, ['Maya "quoted" Lopez', id]);
    expect(agentCursors.decode(tenant, c)).toEqual(['Maya "quoted" Lopez', id]);
    expect(agentCursors.decode(tenant, null)).toBeNull();
    expect(fieldOf(() => sessionCursors.decode(tenant, c))).toBe('after');
    expect(fieldOf(() => agentCursors.decode(randomUUID(), c))).toBe('after');
    expect(fieldOf(() => agentCursors.decode(tenant, `${c}=`))).toBe('after');
    expect(
      fieldOf(() => agentCursors.decode(tenant, Buffer.from('["agent","x"]').toString('base64url'))),
    ).toBe('after');
    const at = new Date();
    expect(sessionCursors.decode(tenant, sessionCursors.encode(tenant, [at, id]))).toEqual([at, id]);
  });
});
