// Container health probe (Dockerfile HEALTHCHECK, docker-compose.yml): exits 0 when GET <url> answers 2xx
// within 4 s, else 1. Plain JavaScript: a probe every few seconds must not pay a TypeScript compile.
// Usage: node deploy/healthcheck.mjs http://127.0.0.1:4001/ready
/* global process, fetch, AbortSignal, console */
const url = process.argv[2];
if (!url) {
  console.error('usage: node deploy/healthcheck.mjs <url>');
  process.exit(2);
}
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
