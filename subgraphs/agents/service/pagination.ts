/**
 * Relay-style connections over keyset pages: a page is fetched with `first + 1` rows so that
 * `hasNextPage` needs no extra query.
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
  totalCount: number;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface ConnectionOptions<T> {
  /** Rows fetched with `limit: first + 1`, in order. */
  rows: T[];
  first: number;
  totalCount: number;
  cursorOf: (row: T) => string;
}

export function toConnection<T>(opts: ConnectionOptions<T>): Connection<T> {
  const page = opts.rows.slice(0, opts.first);
  const edges = page.map((node) => ({ cursor: opts.cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: opts.rows.length > opts.first,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: opts.totalCount,
  };
}
