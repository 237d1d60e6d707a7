/**
 * A trusted documents manifest (TRUSTED_DOCUMENTS_FILE) is checked when the gateway starts, not at a
 * partner's first request: `serve gateway` run as an operator runs it, with a manifest that is not JSON,
 * missing, or holds a document the supergraph does not accept (an unknown field parses fine and used to
 * fail only when the partner sent it). Each exits at once, non-zero, with one line naming the variable,
 * the file and the problem — no stack trace. A valid manifest starts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runToExit, spawnTs } from './process';

const GATEWAY_ENV = { GATEWAY_PORT: '0', LOG_LEVEL: 'info' };

describe('serve gateway with a trusted documents manifest', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trusted-start-'));
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cases: [string, () => string, RegExp][] = [
    [
      'a document with an unknown field',
      () => file('unknown-field.json', JSON.stringify({ apiKeys: { k1: { who: '{ viewer { nope } }' } } })),
      /apiKeys\.k1\.who is not valid against the supergraph: Cannot query field "nope" on type "Viewer"/,
    ],
    [
      'a document that does not parse',
      () => file('unparsable.json', JSON.stringify({ apiKeys: { k1: { who: '{ viewer { ' } } })),
      /apiKeys\.k1\.who does not parse/,
    ],
    ['a file that is not JSON', () => file('broken.json', '{"apiKeys": '), /: not valid JSON/],
    [
      'a file that is not there',
      () => path.join(dir, 'missing.json'),
      /missing\.json: cannot be read: ENOENT/,
    ],
  ];

  test.each(cases)(
    '%s: exits at once with one line naming file and problem',
    async (_, make, problem) => {
      const manifest = make();
      const r = await runToExit('bin/serve.ts', ['gateway'], {
        ...GATEWAY_ENV,
        TRUSTED_DOCUMENTS_FILE: manifest,
      });
      expect(r.code).not.toBe(0);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`configuration error: TRUSTED_DOCUMENTS_FILE: ${manifest}`);
      expect(lines[0]).toMatch(problem);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).not.toMatch(/gateway listening/);
    },
    30_000,
  );

  test('a valid manifest: the gateway starts', async () => {
    const manifest = file('ok.json', JSON.stringify({ apiKeys: { k1: { who: '{ viewer { tenantId } }' } } }));
    const p = spawnTs('bin/serve.ts', ['gateway'], { ...GATEWAY_ENV, TRUSTED_DOCUMENTS_FILE: manifest });
    try {
      expect((await p.waitFor(/gateway listening/, 30_000))[0]).toBe('gateway listening');
    } finally {
      await p.kill();
    }
  }, 40_000);
});
