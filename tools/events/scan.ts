/**
 * Finds, in the code (TypeScript compiler API, no conventions to remember), who publishes and who
 * consumes each event type:
 *  - a producer is a call of `makeEvent(type, …)` or `stageEvent(em, type, …)` whose type argument names
 *    event types (`EventTypes.x`, a conditional of them, or a string literal);
 *  - a consumer is a call `<bus>.subscribe(group, types, handler)` whose `types` resolves — through an
 *    array literal, a constant, or `Object.keys` of an object keyed by event types — to event types.
 * Each is attributed to its component: `subgraphs/<name>` → name, `gateway/` → gateway (for a consumer,
 * where its list of types is declared). Tests are not scanned: a test's stand-in is not a producer.
 */
import path from 'node:path';
import ts from 'typescript';

export interface Site {
  component: string;
  file: string;
}
export interface ConsumerSite extends Site {
  group: string;
}
export interface ScanResult {
  /** Every value of `EventTypes` in core/event-vocabulary.ts. */
  eventTypes: string[];
  producers: Map<string, Site[]>;
  consumers: Map<string, ConsumerSite[]>;
  /** Exported interfaces of core/event-vocabulary.ts (payload types). */
  vocabularyInterfaces: Set<string>;
}

const SCANNED = ['core/', 'subgraphs/', 'gateway/', 'bin/', 'tools/'];
const PRODUCER_CALLS: Record<string, number> = { makeEvent: 0, stageEvent: 1 };

export function componentOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'subgraphs' && parts[1]) return parts[1];
  return parts[0] ?? file;
}

function createProgram(root: string): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  const files = parsed.fileNames.filter((f) => {
    const rel = path.relative(root, f).split(path.sep).join('/');
    return SCANNED.some((p) => rel.startsWith(p)) && !rel.endsWith('.d.ts');
  });
  return ts.createProgram({ rootNames: files, options: { ...parsed.options, noEmit: true } });
}

/** The string literal values of `node`'s type (a literal or a union of literals); [] otherwise. */
function literalValues(checker: ts.TypeChecker, node: ts.Node): string[] {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  const out: string[] = [];
  for (const t of parts) {
    if (!t.isStringLiteral()) return [];
    out.push(t.value);
  }
  return out;
}

/** True when `node` names event types itself (not a variable of type EventType passed through). */
function namesEventTypes(node: ts.Node): boolean {
  if (ts.isStringLiteral(node)) return true;
  if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'EventTypes') return true;
  return ts.forEachChild(node, (c) => (namesEventTypes(c) ? true : undefined)) ?? false;
}

function declarationOf(checker: ts.TypeChecker, id: ts.Identifier): ts.Declaration | undefined {
  let sym = checker.getSymbolAtLocation(id);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  return sym?.valueDeclaration ?? sym?.declarations?.[0];
}

/** The expressions naming the event types of a `subscribe` types argument, with where they are declared. */
function typeListOf(
  checker: ts.TypeChecker,
  expr: ts.Expression,
): { elements: ts.Node[]; file: ts.SourceFile } | null {
  let e: ts.Expression = expr;
  while (ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isArrayLiteralExpression(e)) return { elements: [...e.elements], file: e.getSourceFile() };
  if (ts.isIdentifier(e)) {
    const decl = declarationOf(checker, e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer)
      return typeListOf(checker, decl.initializer);
    return null;
  }
  // Object.keys(PROJECTIONS): the computed keys of the object literal PROJECTIONS is declared with
  if (ts.isCallExpression(e) && e.expression.getText() === 'Object.keys' && e.arguments[0]) {
    const arg = e.arguments[0];
    const decl = ts.isIdentifier(arg) ? declarationOf(checker, arg) : undefined;
    let init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
    while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
    if (!init || !ts.isObjectLiteralExpression(init)) return null;
    const keys = init.properties
      .map((p) => (p.name && ts.isComputedPropertyName(p.name) ? p.name.expression : p.name))
      .filter((n): n is ts.Expression => !!n);
    return { elements: keys, file: init.getSourceFile() };
  }
  return null;
}

function groupName(checker: ts.TypeChecker, arg: ts.Expression | undefined): string {
  if (!arg) return '?';
  const values = literalValues(checker, arg);
  if (values.length === 1) return values[0]!;
  if (ts.isTemplateExpression(arg))
    return arg.head.text + arg.templateSpans.map((s) => '*' + s.literal.text).join('');
  return arg.getText();
}

/** The values of `export const EventTypes = { … } as const` in core/event-vocabulary.ts. */
function eventTypeValues(program: ts.Program, root: string): string[] {
  const vocab = program.getSourceFile(path.join(root, 'core/event-vocabulary.ts'));
  if (!vocab) throw new Error('core/event-vocabulary.ts not found');
  for (const stmt of vocab.statements) {
    if (!ts.isVariableStatement(stmt)) continue;
    for (const d of stmt.declarationList.declarations) {
      if (d.name.getText() !== 'EventTypes' || !d.initializer) continue;
      let init: ts.Expression = d.initializer;
      while (ts.isAsExpression(init)) init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) break;
      return init.properties.flatMap((p) =>
        ts.isPropertyAssignment(p) && ts.isStringLiteral(p.initializer) ? [p.initializer.text] : [],
      );
    }
  }
  throw new Error('EventTypes not found in core/event-vocabulary.ts');
}

function vocabularyInterfaces(program: ts.Program, root: string): Set<string> {
  const vocab = program.getSourceFile(path.join(root, 'core/event-vocabulary.ts'))!;
  const out = new Set<string>();
  for (const s of vocab.statements)
    if (ts.isInterfaceDeclaration(s) && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      out.add(s.name.text);
  return out;
}

export function scanEvents(root: string): ScanResult {
  const program = createProgram(root);
  const checker = program.getTypeChecker();
  const eventTypes = eventTypeValues(program, root);
  const known = new Set(eventTypes);
  const producers = new Map<string, Site[]>();
  const consumers = new Map<string, ConsumerSite[]>();
  const add = <T extends Site>(map: Map<string, T[]>, type: string, site: T) => {
    const list = map.get(type) ?? [];
    if (!list.some((s) => JSON.stringify(s) === JSON.stringify(site))) list.push(site);
    map.set(type, list);
  };
  const rel = (sf: ts.SourceFile) => path.relative(root, sf.fileName).split(path.sep).join('/');

  for (const sf of program.getSourceFiles()) {
    const file = rel(sf);
    if (!SCANNED.some((p) => file.startsWith(p)) || sf.isDeclarationFile) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression;
        const name = ts.isIdentifier(callee) ? callee.text : undefined;
        const at = name !== undefined ? PRODUCER_CALLS[name] : undefined;
        const typeArg = at !== undefined ? n.arguments[at] : undefined;
        if (typeArg && namesEventTypes(typeArg)) {
          for (const v of literalValues(checker, typeArg))
            if (known.has(v)) add(producers, v, { component: componentOf(file), file });
        }
        if (
          ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'subscribe' &&
          n.arguments.length === 3
        ) {
          const list = typeListOf(checker, n.arguments[1]!);
          const group = groupName(checker, n.arguments[0]);
          for (const el of list?.elements ?? []) {
            const declaredIn = rel(list!.file);
            for (const v of literalValues(checker, el))
              if (known.has(v))
                add(consumers, v, { component: componentOf(declaredIn), group, file: declaredIn });
          }
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { eventTypes, producers, consumers, vocabularyInterfaces: vocabularyInterfaces(program, root) };
}
