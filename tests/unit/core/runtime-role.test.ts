/**
 * The runtime role gets the password DATABASE_APP_URL logs in with (the official PostgreSQL image requires
 * passwords; the role used to be created without one, so the services could not log in), and keeps its
 * password when the URL carries none (the trust-auth CI flow).
 */
import { createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../../core/db/orm';
import { runtimePassword } from '../../../core/db/runtime-role';
import { PG_URL } from '../../helpers/db';
import { describeNeeding } from '../../helpers/variants';

describe('runtimePassword', () => {
  test('is the password DATABASE_APP_URL gives the runtime role, decoded', () => {
    expect(runtimePassword('postgres://coaching_app:p%40ss%27w@db:5432/x', 'coaching_app')).toBe("p@ss'w");
  });

  test('is undefined without a URL, without a password, or for another user', () => {
    expect(runtimePassword(undefined, 'coaching_app')).toBeUndefined();
    expect(runtimePassword('postgres://coaching_app@db/x', 'coaching_app')).toBeUndefined();
    expect(runtimePassword('postgres://someone:pw@db/x', 'coaching_app')).toBeUndefined();
  });
});

describeNeeding(['DATABASE_URL'], 'migrations give the runtime role its password', () => {
  const role = `t_role_${randomBytes(4).toString('hex')}`;
  const schema = `t_rr_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });

  const appUrl = (password?: string) => {
    const u = new URL(PG_URL!);
    u.username = role;
    u.password = password ? encodeURIComponent(password) : '';
    return u.toString();
  };
  const migrate = (password?: string) =>
    migrateDatabase({
      name: 'rr',
      schema,
      entities: [],
      migrations: [],
      database: {
        kind: 'postgres',
        sqliteDir: ':memory:',
        ownerUrl: PG_URL,
        appUrl: appUrl(password),
        appRole: role,
        poolMax: 1,
      },
    });
  const storedPassword = async () =>
    (
      await admin.query<{ p: string | null }>('select rolpassword as p from pg_authid where rolname = $1', [
        role,
      ])
    ).rows[0]?.p;
  /** Whether the stored SCRAM verifier is `password`'s (CI's trust auth would let any password in). */
  const verifies = async (password: string) => {
    const [iterations, salt, serverKey] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$[^:]+:(.+)$/
      .exec((await storedPassword()) ?? '')!
      .slice(1);
    const salted = pbkdf2Sync(password, Buffer.from(salt!, 'base64'), Number(iterations), 32, 'sha256');
    return createHmac('sha256', salted).update('Server Key').digest('base64') === serverKey;
  };

  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.query(`drop owned by ${role}`).catch(() => undefined);
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  test('a URL with a password creates the role with it; quotes in it are data, not SQL', async () => {
    const password = `it's "x"; drop role postgres; --`;
    await migrate(password);
    expect(await verifies(password)).toBe(true);
    expect(await verifies('something else')).toBe(false);
  });

  test('a changed password replaces the stored one; a URL without one leaves it alone', async () => {
    await migrate('rotated-password');
    expect(await verifies('rotated-password')).toBe(true);
    await migrate(undefined);
    expect(await verifies('rotated-password')).toBe(true);
  });
});
