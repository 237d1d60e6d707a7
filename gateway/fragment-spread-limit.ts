/**
 * How many fragment spreads an operation holds once every named fragment is inlined — the work the query
 * planner does, which walks each spread. The cost estimate counts a spread 1 (gateway/cost-estimate.ts), so
 * a chain under MAX_QUERY_COST still got planned: 15 fragments each spreading the next twice, ending in a
 * scalar (32,767 spreads, estimate ~49,000 of 50,000), cost the planner ~1 s of CPU per distinct document.
 * Refused by use-cost-limit.ts right after the estimate, before planning (MAX_FRAGMENT_SPREADS).
 * Counted in linear time (each fragment once, memoized; a cycle counts nothing here, graphql-js's
 * NoFragmentCyclesRule refuses it) and capped just past the limit, so no number grows without bound.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Spreads in `set` with every named fragment inlined, counted up to `cap`. */
function expandedSpreads(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  cap: number,
): number {
  let n = 0;
  for (const sel of set.selections) {
    if (n >= cap) return cap;
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.name.value;
      let inner = memo.get(name);
      if (inner === undefined) {
        memo.set(name, 0); // a cycle back here counts nothing
        const def = fragments.get(name);
        inner = def ? expandedSpreads(def.selectionSet, fragments, memo, cap) : 0;
        memo.set(name, inner);
      }
      n += 1 + inner;
    } else if (sel.selectionSet) {
      n += expandedSpreads(sel.selectionSet, fragments, memo, cap);
    }
  }
  return Math.min(n, cap);
}

/** The most spreads any operation of `document` holds once its fragments are inlined (capped at `cap`). */
export function maxExpandedSpreads(document: DocumentNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, number>();
  let most = 0;
  for (const def of document.definitions)
    if (def.kind === Kind.OPERATION_DEFINITION)
      most = Math.max(most, expandedSpreads(def.selectionSet, fragments, memo, cap));
  return most;
}
