/**
 * Reads the deployment files as the tools that run them would: docker-compose.yml (YAML with anchors and
 * merge keys, `${VAR:?…}` interpolation), the Dockerfile's instructions, .dockerignore's allowlist,
 * deploy/nginx.conf's listeners and upstreams — and, from the code, the environment variables the config
 * reads (core/config.ts's zod schema, through TypeScript's parser) and the health routes the servers serve.
 */
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '../../..');
export const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
export const exists = (file: string) => fs.existsSync(path.join(ROOT, file));

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | boolean>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
}

export function loadCompose(file = 'docker-compose.yml'): Record<string, ComposeService> {
  return (load(read(file)) as { services: Record<string, ComposeService> }).services;
}

/** Compose interpolation with sample values: `${NAME}`, `${NAME:?message}`, `${NAME:-default}`. */
export function interpolate(value: string, sample: (name: string) => string): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) =>
    op === '-' ? (arg ?? '') : sample(name),
  );
}

/** The variables a value interpolates. */
export function interpolated(value: string): string[] {
  return [...value.matchAll(/\$\{(\w+)/g)].map((m) => m[1]!);
}

export interface Dockerfile {
  from: string[];
  /** COPY sources taken from the build context (not `--from=` a stage). */
  contextCopies: string[];
  env: Record<string, string>;
  user?: string;
  healthcheck?: string[];
  entrypoint: string[];
  cmd: string[];
  /** Packages named by `npm rebuild …`. */
  rebuilt: string[];
}

/** Instructions with their continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  const joined = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

const jsonArray = (args: string) => JSON.parse(args.replace(/^CMD\s+/, '')) as string[];

export function parseDockerfile(file = 'Dockerfile'): Dockerfile {
  const d: Dockerfile = { from: [], contextCopies: [], env: {}, entrypoint: [], cmd: [], rebuilt: [] };
  for (const { op, args } of instructions(read(file))) {
    if (op === 'FROM') d.from.push(args.split(/\s+/)[0]!);
    if (op === 'COPY' && !args.includes('--from=')) {
      const parts = args.split(/\s+/).filter((p) => !p.startsWith('--'));
      d.contextCopies.push(...parts.slice(0, -1));
    }
    if (op === 'ENV') for (const m of args.matchAll(/(\w+)=(\S+)/g)) d.env[m[1]!] = m[2]!;
    if (op === 'USER') d.user = args;
    if (op === 'HEALTHCHECK') d.healthcheck = jsonArray(args.slice(args.indexOf('CMD')));
    if (op === 'ENTRYPOINT') d.entrypoint = jsonArray(args);
    if (op === 'CMD') d.cmd = jsonArray(args);
    const rebuild = /npm rebuild ([^&]+)/.exec(args);
    if (op === 'RUN' && rebuild) d.rebuilt.push(...rebuild[1]!.trim().split(/\s+/));
  }
  return d;
}

/** .dockerignore as an allowlist (`*` then `!path` lines): the paths the build context holds. */
export function dockerContextAllows(file: string, ignoreFile = '.dockerignore'): boolean {
  const lines = read(ignoreFile)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines[0] !== '*') throw new Error(`${ignoreFile} is expected to start with "*" (an allowlist)`);
  const allowed = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1).replace(/\/$/, ''));
  const excluded = lines.filter((l) => !l.startsWith('!') && l !== '*');
  const normal = file.replace(/^\.\//, '').replace(/\/$/, '');
  return (
    allowed.some((a) => normal === a || normal.startsWith(`${a}/`)) &&
    !excluded.some((x) => normal === x || normal.startsWith(`${x}/`))
  );
}

export interface Nginx {
  /** listen port → the upstream's servers ("host:port"). */
  listeners: Map<number, string[]>;
}

export function parseNginx(file = 'deploy/nginx.conf'): Nginx {
  const text = read(file).replace(/#.*$/gm, '');
  const upstreams = new Map<string, string[]>();
  for (const m of text.matchAll(/upstream\s+(\w+)\s*\{([^}]*)\}/g)) {
    upstreams.set(
      m[1]!,
      [...m[2]!.matchAll(/server\s+([\w.-]+:\d+)/g)].map((s) => s[1]!),
    );
  }
  const listeners = new Map<number, string[]>();
  for (const m of text.matchAll(/server\s*\{\s*listen\s+(\d+);[\s\S]*?proxy_pass\s+http:\/\/(\w+);/g)) {
    listeners.set(Number(m[1]), upstreams.get(m[2]!) ?? []);
  }
  return { listeners };
}

/**
 * The environment variables the config reads: the keys of `schema = z.object({...})` in core/config.ts and
 * in core/production-switches.ts (which loadConfig calls with the same environment).
 */
export function configVariables(
  files: readonly string[] = ['core/config.ts', 'core/production-switches.ts'],
): Set<string> {
  const names = new Set<string>();
  for (const file of files) schemaKeys(file, names);
  return names;
}

function schemaKeys(file: string, names: Set<string>): void {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022, true);
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      node.name.getText() === 'schema' &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      node.initializer.expression.getText() === 'z.object'
    ) {
      const shape = node.initializer.arguments[0];
      if (shape && ts.isObjectLiteralExpression(shape))
        for (const p of shape.properties) if (p.name) names.add(p.name.getText());
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** GET routes a server answers without auth, read from the code that serves them. */
export function healthRoutes(): { subgraph: Set<string>; gateway: Set<string> } {
  const subgraph = new Set(
    [
      ...read('core/server/subgraph-server.ts').matchAll(/req\.method === 'GET' && path === '(\/[\w-]+)'/g),
    ].map((m) => m[1]!),
  );
  const gateway = new Set(
    [
      ...read('gateway/gateway.ts').matchAll(/(?:healthCheckEndpoint|readinessCheckEndpoint): '(\/[\w-]+)'/g),
    ].map((m) => m[1]!),
  );
  return { subgraph, gateway };
}
