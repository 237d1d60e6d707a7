/**
 * The subgraph deadline (gateway/plugins/use-subgraph-timeout.ts) under concurrency. It used to hand every
 * subgraph call a signal, which the HTTP executor combined with its own lifetime signal — one more listener
 * on that shared signal per call in flight, released only by garbage collection — so about a dozen requests
 * at once printed `MaxListenersExceededWarning` (the tester's finding). 100 requests from different callers
 * at once, in a real process: every answer is complete and the process emits no warning at all.
 * The deadline itself still aborts a hung call: tests/integration/subgraph-faults.test.ts.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { onAbort, waitingOn } from '../../gateway/abort-fanout';

const SCRIPT = path.resolve(__dirname, '../fixtures/subgraph-calls-in-flight.ts');

interface Report {
  answers: { status: number; items: number; ping?: string }[];
  warnings: string[];
}

function run(n: number): Promise<{ code: number | null; report?: Report; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', SCRIPT, String(n)], {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop();
      resolve({ code, stderr, report: line ? (JSON.parse(line) as Report) : undefined });
    });
  });
}

describe('subgraph deadline with many requests in flight', () => {
  test('100 concurrent requests: all answered in full, no MaxListenersExceededWarning', async () => {
    const { code, report, stderr } = await run(100);
    expect({ code, stderr: stderr.split('\n').filter((l) => /Warning/.test(l)) }).toEqual({
      code: 0,
      stderr: [],
    });
    expect(report!.answers).toHaveLength(100);
    for (const a of report!.answers) expect(a).toEqual({ status: 200, items: 3, ping: 'pong' });
    expect(report!.warnings).toEqual([]);
  }, 60_000);
});

describe('abort fan-out: one listener per shared signal', () => {
  test('many waiters share one listener; each is released when done; an abort reaches those still waiting', () => {
    const shared = new AbortController();
    let added = 0;
    const realAdd = shared.signal.addEventListener.bind(shared.signal);
    shared.signal.addEventListener = ((...args: Parameters<AbortSignal['addEventListener']>) => {
      added++;
      realAdd(...args);
    }) as AbortSignal['addEventListener'];
    const aborted: number[] = [];
    const leave = Array.from({ length: 50 }, (_, i) => onAbort(shared.signal, () => aborted.push(i)));
    expect([added, waitingOn(shared.signal)]).toEqual([1, 50]);
    leave.slice(0, 48).forEach((l) => l());
    expect(waitingOn(shared.signal)).toBe(2);
    shared.abort(new Error('gone'));
    expect(aborted).toEqual([48, 49]);
    expect(waitingOn(shared.signal)).toBe(0);
  });

  test('the last waiter to leave removes the listener; an already aborted signal calls back at once', () => {
    const shared = new AbortController();
    const leave = onAbort(shared.signal, () => {
      throw new Error('must not be called after leaving');
    });
    leave();
    leave(); // twice is harmless
    expect(waitingOn(shared.signal)).toBe(0);
    shared.abort();
    const reasons: unknown[] = [];
    onAbort(AbortSignal.abort('why'), (r) => reasons.push(r));
    expect(reasons).toEqual(['why']);
  });
});
