/**
 * Upstream connection ids for subscriptions that come without a client socket: GraphQL over SSE (distinct
 * connections: one stream per HTTP request) or incremental delivery. The upstream transport keys its
 * connections by their connection params, the context token and `x-gateway-connection` (gateway/gateway.ts);
 * a graphql-ws client's subscriptions carry their socket's id there, these carried none, so every stream of
 * one API key shared one upstream connection and the subgraph's per-connection limit (coaching: 500, so 499
 * open) refused the rest.
 * Here each stream takes a place in a lane of at most `perLane` streams of the same owner (one API key, or
 * one member), and the lane's id is its connection id: the streams stay multiplexed (600 streams, 6
 * connections; not one per stream), and no upstream connection holds more than `perLane` — the per-socket
 * limit, at or under the subgraphs' own. A lane emptied is forgotten; the upstream transport closes its
 * connection once the last subscription on it ended.
 */

export interface LanePlace {
  /** The connection id the stream's upstream subscriptions go out with. */
  id: string;
  /** Gives the place back; later calls do nothing. */
  release(): void;
}

export class SubscriptionLanes {
  /** Open streams by owner, then by lane. */
  private readonly byOwner = new Map<string, Map<number, number>>();

  constructor(private readonly perLane: number) {}

  /** A place for one stream of `owner`, in its first lane with room. */
  take(owner: string): LanePlace {
    let lanes = this.byOwner.get(owner);
    if (!lanes) this.byOwner.set(owner, (lanes = new Map()));
    let lane = 0;
    while ((lanes.get(lane) ?? 0) >= this.perLane) lane += 1;
    lanes.set(lane, (lanes.get(lane) ?? 0) + 1);
    let released = false;
    return {
      id: `stream-lane-${lane}`,
      release: () => {
        if (released) return;
        released = true;
        this.leave(owner, lane);
      },
    };
  }

  /** Streams of `owner` open, by lane (lanes with none left out). */
  openFor(owner: string): number[] {
    const lanes = this.byOwner.get(owner);
    if (!lanes) return [];
    return [...lanes.entries()].sort(([a], [b]) => a - b).map(([, open]) => open);
  }

  private leave(owner: string, lane: number): void {
    const lanes = this.byOwner.get(owner);
    const left = (lanes?.get(lane) ?? 1) - 1;
    if (!lanes) return;
    if (left > 0) lanes.set(lane, left);
    else lanes.delete(lane);
    if (lanes.size === 0) this.byOwner.delete(owner);
  }
}
