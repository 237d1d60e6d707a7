/**
 * What the field being resolved selects below it, so a resolver can leave out work nobody asked for (the
 * agents page's count, the columns nobody reads). Follows inline fragments and fragment spreads;
 * conservative: a field under `@skip`/`@include` counts as selected.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** Every field (by name, not alias) of these selection sets, fragments included, with its sub-selections. */
function fieldsOf(
  info: SelectionInfo,
  sets: readonly (SelectionSetNode | undefined)[],
): Map<string, SelectionSetNode[]> {
  const out = new Map<string, SelectionSetNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        const subs = out.get(s.name.value) ?? [];
        if (s.selectionSet) subs.push(s.selectionSet);
        out.set(s.name.value, subs);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return out;
}

export function selectsField(info: SelectionInfo, name: string): boolean {
  return selectedFields(info, []).has(name);
}

/**
 * The names of the fields selected at `path` below the field being resolved: `selectedFields(info,
 * ['edges', 'node'])` on a connection field gives what its nodes must carry (empty when nothing there is
 * selected).
 */
export function selectedFields(info: SelectionInfo, path: readonly string[]): Set<string> {
  let sets: (SelectionSetNode | undefined)[] = info.fieldNodes.map((node) => node.selectionSet);
  for (const step of path) sets = fieldsOf(info, sets).get(step) ?? [];
  return new Set(fieldsOf(info, sets).keys());
}
