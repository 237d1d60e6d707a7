/**
 * The data directory is the owner's only: created 0700; every SQLite file (and its -wal/-shm) and the
 * generated secrets 0600 — under a permissive umask, and also when an older version left them 0644.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOrm, type Orm } from '../../../core/db/orm';
import { loadConfig } from '../../../core/config';
import { ensureSecrets } from '../../../core/secrets';

const mode = (p: string): string => (fs.statSync(p).mode & 0o777).toString(8);

/** Opens (or reopens) `name`.sqlite in `dir` and writes a row, so the WAL and shared-memory files exist. */
async function openAndWrite(dir: string, name: string): Promise<Orm> {
  const orm = await createOrm({
    name,
    entities: [],
    migrations: [],
    database: { kind: 'sqlite', sqliteDir: dir, appRole: 'unused', poolMax: 1 },
  });
  const conn = orm.em.getConnection();
  await conn.execute('create table if not exists t (v integer)');
  await conn.execute('insert into t (v) values (1)');
  return orm;
}

describe('private data directory', () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    // the usual default: files 0644, directories 0755 unless the platform says otherwise
    umask = process.umask(0o022);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'private-files-'));
  });
  afterEach(() => {
    process.umask(umask);
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a fresh DATA_DIR: the directory 0700, every SQLite file and its -wal/-shm 0600', async () => {
    const dir = path.join(root, 'data', 'nested');
    const orms = await Promise.all(['tenants', 'agents', 'coaching'].map((n) => openAndWrite(dir, n)));
    try {
      const files = fs.readdirSync(dir).sort();
      expect(files).toEqual(
        ['agents', 'coaching', 'tenants'].flatMap((n) => [
          `${n}.sqlite`,
          `${n}.sqlite-shm`,
          `${n}.sqlite-wal`,
        ]),
      );
      expect(Object.fromEntries(files.map((f) => [f, mode(path.join(dir, f))]))).toEqual(
        Object.fromEntries(files.map((f) => [f, '600'])),
      );
      expect(mode(dir)).toBe('700');
      expect(mode(path.join(root, 'data'))).toBe('700');
    } finally {
      await Promise.all(orms.map((o) => o.close(true)));
    }
  });

  test('files an older version left world-readable are narrowed on the next start', async () => {
    const dir = path.join(root, 'data');
    await (await openAndWrite(dir, 'billing')).close(true);
    const db = path.join(dir, 'billing.sqlite');
    fs.chmodSync(db, 0o644);
    for (const suffix of ['-wal', '-shm']) fs.writeFileSync(db + suffix, '', { mode: 0o644 });
    const orm = await openAndWrite(dir, 'billing');
    try {
      expect([mode(db), mode(db + '-wal'), mode(db + '-shm')]).toEqual(['600', '600', '600']);
    } finally {
      await orm.close(true);
    }
  });

  test('generated secrets: the directory 0700, secrets.json 0600 (also when it existed 0644)', () => {
    const dir = path.join(root, 'data');
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir });
    ensureSecrets(config);
    const file = path.join(dir, 'secrets.json');
    expect([mode(dir), mode(file)]).toEqual(['700', '600']);
    fs.chmodSync(file, 0o644);
    ensureSecrets(config);
    expect(mode(file)).toBe('600');
  });
});
