/**
 * `GET /assets/<file>`: the browser bundles built into web/dist (tools/web/build.ts), read once and kept in
 * memory with their gzip form, an ETag and a content type. Not built yet → 503 with the command that builds
 * them, never a crash. Names are looked up in the built set only, so no path reaches the file system.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../../core/server/http-util';
import type { GatewayRoute } from '../http-handler';

export interface StaticAssetsOptions {
  /** The build output folder (web/dist). */
  dir: string;
  /** URL prefix, default `/assets/`. */
  prefix?: string;
}

export interface Asset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
  type: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Loads every built file once; an empty map when the folder is missing (served as 503). */
export function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  if (!existsSync(dir)) return assets;
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = readFileSync(path.join(dir, name));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    assets.set(name, { body, gzip: gzipSync(body), etag, type });
  }
  return assets;
}

/** The build's stamp (web/dist/manifest.json `builtAt`), or undefined when there is no build. */
function builtAt(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { builtAt?: string })
      .builtAt;
  } catch {
    return undefined;
  }
}

export function staticAssets(opts: StaticAssetsOptions): GatewayRoute {
  const prefix = opts.prefix ?? '/assets/';
  let assets: Map<string, Asset> | undefined;
  let loadedBuild: string | undefined;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (!pathname.startsWith(prefix)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { error: 'method not allowed' });
      return true;
    }
    let name: string;
    try {
      name = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      sendJson(res, 400, { error: 'malformed asset name' });
      return true;
    }
    // A rebuild (npm run build:web while the gateway runs) is picked up: a miss reloads when the build changed.
    if (!assets || assets.size === 0 || (!assets.has(name) && builtAt(opts.dir) !== loadedBuild)) {
      loadedBuild = builtAt(opts.dir);
      assets = loadAssets(opts.dir);
    }
    if (assets.size === 0) {
      sendJson(res, 503, { error: 'web assets are not built: run `npm run build:web`' });
      return true;
    }
    const asset = assets.get(name);
    if (!asset) {
      sendJson(res, 404, { error: 'not found' });
      return true;
    }
    sendAsset(req, res, asset);
    return true;
  };
}

/** Sends a built file (304 on its ETag, gzip when accepted); `extraHeaders` e.g. CORS for embedding. */
export function sendAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: Asset,
  extraHeaders: Record<string, string> = {},
): void {
  const headers: Record<string, string> = {
    ...extraHeaders,
    'content-type': asset.type,
    etag: asset.etag,
    'cache-control': 'no-cache',
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzip : asset.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
