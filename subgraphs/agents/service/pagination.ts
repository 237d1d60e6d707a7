/** The agents subgraph's lists are core connections (core/pagination) plus the count of every matching row. */
import {
  toConnection,
  type Connection as CoreConnection,
  type ConnectionOptions,
} from '../../../core/pagination/connection';

export type { Edge, PageArgs, PageInfo } from '../../../core/pagination/connection';
export { toConnection };

export interface Connection<T> extends CoreConnection<T> {
  totalCount: number;
}

export function toCountedConnection<T>(opts: ConnectionOptions<T> & { totalCount: number }): Connection<T> {
  return { ...toConnection(opts), totalCount: opts.totalCount };
}
