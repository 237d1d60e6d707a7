/**
 * For the widget's browser test: a CRM-like host page on another origin than the gateway (a tiny local
 * server) that embeds `<coaching-widget>` with one script tag, and a raw GET that sees the bytes on the wire.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';

/** A hint the widget shows complete (its stored id known). */
export const COMPLETE = 'li[data-phase="complete"][data-hint-id]';
export const LIVE = { state: 'live', message: '' };

/** Waits until the widget `sel` is live or has stopped, and says which (with its message). */
export async function settled(page: Page, sel: string) {
  await page
    .locator(`${sel} .state:is([data-state="live"], [data-state="error"])`)
    .waitFor({ timeout: 30_000 });
  return {
    state: await page.locator(`${sel} .state`).getAttribute('data-state'),
    message: await page.locator(`${sel} [role="alert"]`).textContent(),
  };
}

/** The ids of the hints the widget `#id` shows complete, top to bottom. */
export const widgetIds = (page: Page, id: string) =>
  page.locator(`#${id} ${COMPLETE}`).evaluateAll((els) => els.map((e) => e.getAttribute('data-hint-id')!));

export interface WidgetSpec {
  id: string;
  sessionId: string;
  token: string;
}

/** The host page: loads the widget from the gateway and shows one titled widget per spec. */
export function hostPage(gatewayUrl: string, widgets: WidgetSpec[]): string {
  const tags = widgets.map(
    (w) =>
      `<h2>${w.id}</h2><coaching-widget id="${w.id}" session-id="${w.sessionId}" token="${w.token}"></coaching-widget>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CRM</title>
<link rel="icon" href="data:,">
<script type="module" src="${new URL('/widget/coaching-widget.js', gatewayUrl).href}"></script></head>
<body><main><h1>Lead conversation</h1>${tags.join('\n')}</main></body></html>`;
}

export interface HostServer {
  /** Serves a new host page for `widgets`; returns its URL. */
  page(gatewayUrl: string, widgets: WidgetSpec[]): string;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    page(gatewayUrl, widgets) {
      const path = `/embed/${randomUUID()}`;
      pages.set(path, hostPage(gatewayUrl, widgets));
      return origin + path;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes received (as sent: still gzipped when the server gzipped them). */
  bytes: number;
}

export function rawGet(url: URL, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes }));
      })
      .on('error', reject);
  });
}
