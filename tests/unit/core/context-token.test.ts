/**
 * The subgraphs' context-token check remembers tokens it verified (the gateway forwards one token per
 * principal for most of its lifetime); what it remembers must never be more lenient than a full check.
 */
import { ContextTokenCodec } from '../../../core/context-token';
import { UnauthenticatedError } from '../../../core/errors';
import type { Principal } from '../../../core/principal';
import { MemberRole } from '../../../core/vocabulary';

const SECRET = 'context-token-test-secret-0123456789abcdef';

const admin: Principal = {
  tenantId: 't1',
  organizationId: 't1',
  organizationIds: ['t1'],
  locationIds: ['l1'],
  role: MemberRole.ADMIN,
  scopes: ['agents:read'],
  subject: 'user-1',
};

describe('ContextTokenCodec.verify', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses a token it accepted before once the token has expired', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    const codec = new ContextTokenCodec(SECRET, 5);
    const token = await codec.sign(admin);
    await expect(codec.verify(token)).resolves.toMatchObject({ tenantId: 't1' });
    jest.setSystemTime(new Date('2026-12-07T12:00:04Z'));
    await expect(codec.verify(token)).resolves.toMatchObject({ tenantId: 't1' });
    jest.setSystemTime(new Date('2026-12-07T12:00:06Z'));
    await expect(codec.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses an altered copy of a token it accepted', async () => {
    const codec = new ContextTokenCodec(SECRET);
    const token = await codec.sign(admin);
    await codec.verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    await expect(codec.verify(`${header}.${payload}.${flipped}`)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    const other = { ...admin, tenantId: 't2' };
    const forged = Buffer.from(JSON.stringify({ p: other })).toString('base64url');
    await expect(codec.verify(`${header}.${forged}.${signature}`)).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it('gives every request its own principal: one request changing it does not reach the next', async () => {
    const codec = new ContextTokenCodec(SECRET);
    const token = await codec.sign(admin);
    const first = await codec.verify(token);
    first.locationIds!.push('l2');
    first.scopes.push('agents:write');
    const second = await codec.verify(token);
    expect(second.locationIds).toEqual(['l1']);
    expect(second.scopes).toEqual(['agents:read']);
  });

  it('refuses a token signed with another secret even when the same text was never seen', async () => {
    const token = await new ContextTokenCodec(`${SECRET}-other`).sign(admin);
    await expect(new ContextTokenCodec(SECRET).verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
