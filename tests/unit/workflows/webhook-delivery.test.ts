/**
 * The pieces of a workflow webhook a receiver depends on: the signature (header format, raw bytes, replay
 * window), the retry schedule (exponential, capped, jittered) and the destination guard (private and
 * loopback addresses refused unless allowed; a refused destination is a permanent failure, not retried).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ts from 'typescript';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { retryDelayMs } from '../../../subgraphs/tenants/workflows/backoff';
import { isPublicAddress, parseWebhookUrl } from '../../../subgraphs/tenants/workflows/destination';
import { sendWebhook } from '../../../subgraphs/tenants/workflows/sender';
import {
  newWebhookSecret,
  signatureHeader,
  verifySignature,
} from '../../../subgraphs/tenants/workflows/signature';

describe('webhook signature', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ trigger: 'HINT_ACCEPTED', data: { hintId: 'h1', text: 'ünïcode' } });

  it('is t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">, verifiable by a receiver with the secret', () => {
    const at = new Date('2026-12-07T06:00:00Z');
    const header = signatureHeader(secret, body, at);
    const t = Math.floor(at.getTime() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${v1}`);
    expect(verifySignature(secret, Buffer.from(body), header, 300, at)).toBe(true);
  });

  it('fails for another secret, a changed byte, or a timestamp outside the window', () => {
    const at = new Date();
    const header = signatureHeader(secret, body, at);
    expect(verifySignature(newWebhookSecret(), body, header, 300, at)).toBe(false);
    expect(verifySignature(secret, body.replace('h1', 'h2'), header, 300, at)).toBe(false);
    expect(verifySignature(secret, body, header, 300, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifySignature(secret, body, 'garbage', 300, at)).toBe(false);
  });

  it('generates a distinct 32-byte secret per endpoint', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newWebhookSecret());
  });
});

describe('retry backoff', () => {
  const opts = { retryBaseMs: 1_000, retryMaxMs: 60_000 };

  it('doubles per attempt between half and all of base × 2^(n−1), capped', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, opts, () => 0))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, opts, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(20, opts, () => 1)).toBe(60_000);
  });

  it('spreads receivers that failed together (jitter)', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, opts)));
    expect(delays.size).toBeGreaterThan(25);
  });
});

describe('webhook destinations', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fd00::1', false],
    ['fe80::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['0:0:0:0:0:ffff:a00:1', false],
    ['::7f00:1', false],
    ['2002:7f00:1::1', false],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false],
    ['::ffff:5db8:d822', true],
    ['93.184.216.34', true],
    ['2606:4700::6810:85e5', true],
  ])('%s is public: %s', (addr, expected) => {
    expect(isPublicAddress(addr)).toBe(expected);
  });

  it('refuses loopback, private and non-https URLs when private destinations are not allowed', () => {
    for (const url of [
      'http://example.com/x',
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://[::1]/x',
      'https://[::ffff:7f00:1]/x',
      'https://[::ffff:169.254.169.254]/latest',
      'https://u:p@example.com/',
    ])
      expect(() => parseWebhookUrl(url, false)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(parseWebhookUrl('https://hooks.example.com/a?b=1', false).toString()).toBe(
      'https://hooks.example.com/a?b=1',
    );
    expect(parseWebhookUrl('http://127.0.0.1:9/x', true).hostname).toBe('127.0.0.1');
  });

  it('a send to a loopback receiver is refused (permanent, nothing sent) unless allowed', async () => {
    let received = 0;
    const server = http.createServer((req, res) => {
      received += 1;
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const input = { deliveryId: 'd1', event: 'HINT_ACCEPTED', url, body: '{}', secret: 's' };
    try {
      const refused = await sendWebhook(input, { timeoutMs: 2_000, allowPrivateDestinations: false });
      expect(refused).toMatchObject({ ok: false, permanent: true, statusCode: null });
      expect(received).toBe(0);
      const sent = await sendWebhook(input, { timeoutMs: 2_000, allowPrivateDestinations: true });
      expect(sent).toMatchObject({ ok: true, statusCode: 200, permanent: false });
      expect(received).toBe(1);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe("the README's receiver snippet", () => {
  it('verifies a delivery signed by the platform and refuses a tampered one', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Workflows and outbound webhooks'));
    const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code).toContain('function verify(');
    const js = ts.transpileModule(`${code}\nmodule.exports = verify;`, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const mod = { exports: {} as unknown };
    new Function('require', 'module', 'exports', js)(require, mod, mod.exports);
    const verify = mod.exports as (secret: string, raw: Buffer, header: string) => boolean;
    const secret = newWebhookSecret();
    const raw = Buffer.from(JSON.stringify({ trigger: 'ALERT_RAISED', data: { value: 1.5 } }));
    expect(verify(secret, raw, signatureHeader(secret, raw.toString()))).toBe(true);
    expect(
      verify(
        secret,
        Buffer.from(raw.toString().replace('1.5', '2.5')),
        signatureHeader(secret, raw.toString()),
      ),
    ).toBe(false);
    expect(verify(newWebhookSecret(), raw, signatureHeader(secret, raw.toString()))).toBe(false);
  });
});
