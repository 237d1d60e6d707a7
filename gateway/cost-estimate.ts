/**
 * A static estimate of how many values an operation's answer can hold, from the operation, its variables
 * and the supergraph alone — before any subgraph is called (gateway/plugins/use-cost-limit.ts rejects over
 * budget); it is the gateway's only cost model. GraphQL Armor's cost rule, which ran before it until stop 18,
 * counted a `first: $n` variable as 1 and an unpaginated list as one object, so a 4.3 kB query inside every
 * structural limit could still ask for tens of megabytes; this one multiplies by list sizes. Hive's own `demandControl` was not used: it sums
 * costs per subgraph request while executing (the first subgraph call is already out) and needs
 * `@cost`/`@listSize` in every subgraph's schema.
 *
 * The model: every field counts once per time it appears in the answer (`__typename` is free), so the
 * estimate reads as "about N values".
 * - A field with a `first`/`last` argument returns that many items: the literal, else the variable's
 *   value, else the variable's default, else the argument's schema default, else `maxPageSize` — capped
 *   by the bound its description states ("1 to 200", "1..200"), as the subgraphs refuse more anyway.
 * - On a list field that size multiplies the list's items; on an object field (a connection) it
 *   multiplies the lists directly below it (`edges`, `nodes`).
 * - A list without such an argument is assumed to hold `unpaginatedListSize` items (each extra list
 *   level multiplies again). A list of scalars counts as one value: its entries are leaves, small here
 *   (tags, scopes, ids).
 * - Fragments count at every spread; each fragment is walked once per page size (memoized), so a chain
 *   of fragments spreading the next twice costs linear time, not 2^n. A named spread also counts 1 itself,
 *   skipped or not: its answer may merge into one field (28 levels of spreads ending in `__typename` ask
 *   for one value), but the gateway plans every spread — that document, estimated 0, held it past 2 minutes
 *   once Armor's cost rule no longer refused it; counted, it is 2^28. Abstract types sum every inline
 *   fragment (an upper bound). `@skip`/`@include` with a known condition are honoured.
 * - Introspection (`__schema`, `__type`) counts 1: the portal's introspection query must always pass.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface CostModel {
  /** Items assumed for a `first`/`last` argument with no value and no default (default 100). */
  maxPageSize: number;
  /**
   * Items assumed for a list field without `first`/`last` (default 20): such lists here are small or
   * bounded by other means (verticals, a delivery's attempts, a tenant's organizations); the large ones
   * are paginated and counted exactly.
   */
  unpaginatedListSize: number;
}

export const DEFAULT_COST_MODEL: CostModel = { maxPageSize: 100, unpaginatedListSize: 20 };

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  model?: Partial<CostModel>;
}

/** Estimates beyond this are reported as this (JSON has no Infinity). */
export const COST_CEILING = Number.MAX_SAFE_INTEGER;

const PAGE_ARGS = ['first', 'last'];
const INTROSPECTION = new Set(['__schema', '__type']);

/** The estimated number of values in the answer of the selected operation (0 when there is none). */
export function estimateCost(input: CostInput): number {
  const op = selectOperation(input.document, input.operationName);
  if (!op) return 0;
  const root = input.schema.getRootType(op.operation);
  if (!root) return 0;
  const walker = new CostWalker(input, op);
  return Math.min(COST_CEILING, walker.selectionSet(op.selectionSet, root, null));
}

function selectOperation(doc: DocumentNode, name?: string | null): OperationDefinitionNode | undefined {
  const ops = doc.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (name) return ops.find((o) => o.name?.value === name);
  return ops.length === 1 ? ops[0] : undefined;
}

/** What an argument's description states, read once per argument of a schema. */
const stated = new WeakMap<GraphQLArgument, { max: number | null; default: number | undefined }>();

function statedOf(arg: GraphQLArgument): { max: number | null; default: number | undefined } {
  let known = stated.get(arg);
  if (!known) {
    known = { max: statedMaximum(arg), default: statedDefault(arg) };
    stated.set(arg, known);
  }
  return known;
}

/** The upper bound an argument's description states ("1 to 200", "0 to 100 items", "(1..200, default 50)"). */
export function statedMaximum(arg: GraphQLArgument): number | null {
  const m = /\b\d[\d,]*\s*(?:to|\.\.|–)\s*(\d[\d,]*)\b/.exec(arg.description ?? '');
  return m ? Number(m[1]!.replace(/,/g, '')) : null;
}

/** A default stated only in the description of a nullable argument ("(1..200, default 50)"). */
function statedDefault(arg: GraphQLArgument): number | undefined {
  const m = /\bdefault (\d+)\b/.exec(arg.description ?? '');
  return m ? Number(m[1]) : undefined;
}

class CostWalker {
  private readonly model: CostModel;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, number>();
  private readonly inProgress = new Set<string>();
  private readonly variables: Record<string, unknown>;

  constructor(
    private readonly input: CostInput,
    op: OperationDefinitionNode,
  ) {
    this.model = { ...DEFAULT_COST_MODEL, ...input.model };
    for (const d of input.document.definitions) {
      if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    }
    // variables not sent take the operation's defaults
    const vars: Record<string, unknown> = {};
    for (const v of op.variableDefinitions ?? []) {
      if (v.defaultValue) vars[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
    }
    this.variables = { ...vars, ...(input.variables ?? {}) };
  }

  /** Cost of one instance of `set` on `type`; `pageSize` is the enclosing connection's size, if any. */
  selectionSet(set: SelectionSetNode, type: GraphQLNamedType, pageSize: number | null): number {
    let total = 0;
    for (const sel of set.selections) {
      // a named spread is planned whether it is skipped or not: it counts 1 itself (see the header)
      if (sel.kind === Kind.FRAGMENT_SPREAD) total += 1;
      if (!this.included(sel)) continue;
      total += this.selection(sel, type, pageSize);
    }
    return total;
  }

  private selection(sel: SelectionNode, type: GraphQLNamedType, pageSize: number | null): number {
    switch (sel.kind) {
      case Kind.FIELD:
        return this.field(sel, type, pageSize);
      case Kind.INLINE_FRAGMENT: {
        const on = sel.typeCondition ? this.input.schema.getType(sel.typeCondition.name.value) : type;
        return on ? this.selectionSet(sel.selectionSet, on, pageSize) : 0;
      }
      case Kind.FRAGMENT_SPREAD:
        return this.fragment(sel.name.value, pageSize);
    }
  }

  private fragment(name: string, pageSize: number | null): number {
    const key = `${name}|${pageSize ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const def = this.fragments.get(name);
    // a cycle is invalid GraphQL (validation refuses it); count nothing rather than recurse forever
    if (!def || this.inProgress.has(key)) return 0;
    const on = this.input.schema.getType(def.typeCondition.name.value);
    this.inProgress.add(key);
    const cost = on ? this.selectionSet(def.selectionSet, on, pageSize) : 0;
    this.inProgress.delete(key);
    this.memo.set(key, cost);
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLNamedType, pageSize: number | null): number {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (INTROSPECTION.has(name)) return 1;
    if (!isCompositeType(parent) || !('getFields' in parent)) return 1;
    const def = parent.getFields()[name];
    if (!def) return 1; // unknown field: validation reports it
    const requested = this.pageArgument(node, def);
    const lists = listDepth(def.type);
    const named = getNamedType(def.type);
    if (!node.selectionSet || !isCompositeType(named)) return 1; // a scalar or a list of scalars
    let items = 1;
    for (let level = 0; level < lists; level++) {
      const size =
        level === 0
          ? (requested ?? pageSize ?? this.model.unpaginatedListSize)
          : this.model.unpaginatedListSize;
      items *= size;
    }
    // a paginated object (a connection): its size applies to the lists right below it
    const childPage = lists === 0 ? requested : null;
    return 1 + items * this.selectionSet(node.selectionSet, named, childPage);
  }

  /** The items a `first`/`last` argument asks for, capped by the stated maximum; null without one. */
  private pageArgument(node: FieldNode, def: GraphQLField<unknown, unknown>): number | null {
    let size: number | null = null;
    for (const argName of PAGE_ARGS) {
      const arg = def.args.find((a) => a.name === argName);
      if (!arg) continue;
      const given = node.arguments?.find((a) => a.name.value === argName);
      let n = given ? this.intValue(given.value) : undefined;
      if (n === undefined)
        n = typeof arg.defaultValue === 'number' ? arg.defaultValue : statedOf(arg).default;
      if (n === undefined) n = this.model.maxPageSize;
      const max = statedOf(arg).max;
      n = Math.max(0, max === null ? n : Math.min(n, max));
      size = size === null ? n : Math.max(size, n);
    }
    return size;
  }

  /** An Int literal or variable's value; undefined when absent, null or not an integer. */
  private intValue(value: ValueNode): number | undefined {
    const v = value.kind === Kind.VARIABLE ? this.variables[value.name.value] : valueFromASTUntyped(value);
    return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
  }

  /** False when `@skip(if: true)` or `@include(if: false)` (literal or variable) drops the selection. */
  private included(sel: SelectionNode): boolean {
    for (const d of sel.directives ?? []) {
      const arg = d.arguments?.find((a) => a.name.value === 'if');
      if (!arg) continue;
      const v =
        arg.value.kind === Kind.VARIABLE
          ? this.variables[arg.value.name.value]
          : valueFromASTUntyped(arg.value);
      if (typeof v !== 'boolean') continue;
      if (d.name.value === 'skip' && v) return false;
      if (d.name.value === 'include' && !v) return false;
    }
    return true;
  }
}

/** How many list wrappers a field's type has (`[[A!]!]` → 2). */
function listDepth(type: GraphQLOutputType): number {
  let depth = 0;
  let t: GraphQLOutputType = getNullableType(type);
  while (isListType(t)) {
    depth++;
    t = getNullableType(t.ofType);
  }
  return depth;
}
