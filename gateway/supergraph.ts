/**
 * Loads a supergraph SDL file and, optionally, points its subgraphs at other URLs (ports overridden
 * by env in the embedded mode, or service URLs in the distributed mode).
 */
import fs from 'node:fs';

const JOIN_GRAPH = /(join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*")([^"]*)(")/g;

export function loadSupergraph(file: string, urls: Record<string, string | undefined> = {}): string {
  const sdl = fs.readFileSync(file, 'utf8');
  return rewriteSubgraphUrls(sdl, urls);
}

export function rewriteSubgraphUrls(sdl: string, urls: Record<string, string | undefined>): string {
  return sdl.replace(JOIN_GRAPH, (whole, head: string, name: string, _url: string, tail: string) => {
    const url = urls[name.toLowerCase()];
    return url ? `${head}${url}${tail}` : whole;
  });
}

export function subgraphUrls(sdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of sdl.matchAll(JOIN_GRAPH)) out[m[2]!.toLowerCase()] = m[3]!;
  return out;
}
