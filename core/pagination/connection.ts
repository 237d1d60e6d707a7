/**
 * The one Relay connection builder: a keyset page is fetched with `first + 1` rows, so `hasNextPage`
 * needs no extra query; each edge carries the cursor of its row.
 */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface ConnectionOptions<T> {
  /** Rows fetched with `limit: first + 1`, in page order. */
  rows: readonly T[];
  first: number;
  cursorOf: (row: T) => string;
}

/**
 * Cursors are written when read (a checksum each): a page whose query selects no `cursor` or `endCursor`
 * — most pages a partner renders — computes none. Each is written once and then kept.
 */
function lazyEdge<T>(node: T, cursorOf: (row: T) => string): Edge<T> {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      cursor ??= cursorOf(node);
      return cursor;
    },
  };
}

export function toConnection<T>(opts: ConnectionOptions<T>): Connection<T> {
  const edges = opts.rows.slice(0, opts.first).map((node) => lazyEdge(node, opts.cursorOf));
  const last = edges.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: opts.rows.length > opts.first,
      get endCursor() {
        return last?.cursor ?? null;
      },
    },
  };
}

export const emptyConnection = <T>(): Connection<T> => ({
  edges: [],
  pageInfo: { hasNextPage: false, endCursor: null },
});
