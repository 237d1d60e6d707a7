/**
 * The HTML shell every page of the gateway shares (portal, widget demo, dashboard): a language, a title, a
 * content security policy that allows only this origin (no CDN, no inline script), the page's bundle and
 * its server-rendered body. Text is escaped with `escapeHtml`; only `body` is trusted markup.
 */
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export interface PageOptions {
  title: string;
  /** Trusted HTML for <body> (already escaped where it holds data). */
  body: string;
  /** Bundles under /assets/ to load as modules, e.g. ['portal.js']. */
  scripts?: string[];
  /** Stylesheets under /assets/, e.g. ['explorer.css']. */
  styles?: string[];
  /** Extra <head> markup (trusted). */
  head?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export function renderPage(opts: PageOptions): string {
  const styles = (opts.styles ?? []).map((s) => `<link rel="stylesheet" href="/assets/${escapeHtml(s)}">`);
  const scripts = (opts.scripts ?? []).map(
    (s) => `<script type="module" src="/assets/${escapeHtml(s)}"></script>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(opts.title)}</title>`,
    ...styles,
    opts.head ?? '',
    ...scripts,
    '</head>',
    `<body>${opts.body}</body>`,
    '</html>',
  ].join('\n');
}

/** Gzipped pages by their HTML: pages are built once and sent many times (the portal's is ~300 KB). */
const gzipped = new Map<string, Buffer>();
const GZIP_CACHE_PAGES = 16;

function gzipOf(html: string): Buffer {
  let body = gzipped.get(html);
  if (!body) {
    body = gzipSync(html);
    if (gzipped.size >= GZIP_CACHE_PAGES) gzipped.delete(gzipped.keys().next().value!);
    gzipped.set(html, body);
  }
  return body;
}

/** Sends a page with its security headers, gzipped when the client accepts it. */
export function sendPage(res: ServerResponse, html: string, status = 200): void {
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
  };
  const gzip = html.length > 1024 && /\bgzip\b/.test(String(res.req?.headers['accept-encoding'] ?? ''));
  if (gzip) headers['content-encoding'] = 'gzip';
  const body = gzip ? gzipOf(html) : html;
  res.writeHead(status, headers);
  res.end(body);
}
