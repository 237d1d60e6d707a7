/**
 * An agent's coaching history for many agents in ONE statement: the newest `n + 1` hints per agent
 * (row_number() over a partition by agent, SQLite ≥ 3.25 and PostgreSQL), with the caller's location
 * visibility and the page cursor applied in SQL. Rows are hydrated into the request's EntityManager.
 */
import type { EntityManager } from '@mikro-orm/core';
import { sqlEm } from '../../../core/outbox/sql-em';
import type { Principal } from '../../../core/principal';
import { CoachingHint } from '../entities';

export interface HistoryCursor {
  createdAt: Date;
  id: string;
}

export async function batchHistoryRows(
  em: EntityManager,
  principal: Principal,
  agentIds: readonly string[],
  n: number,
  cursor: HistoryCursor | null,
): Promise<Map<string, CoachingHint[]>> {
  const sql = sqlEm(em);
  const meta = sql.getMetadata().find(CoachingHint.name)!;
  const col = (prop: keyof CoachingHint & string) => meta.properties[prop]!.fieldNames[0]!;
  const schema = sql.config.get('schema');
  const table = schema ? `${schema}.${meta.tableName}` : meta.tableName;
  const platform = sql.getPlatform();
  const knex = sql.getKnex();
  const inner = knex(table)
    .select('*')
    .select(
      knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as rn', [
        col('agentId'),
        col('createdAt'),
        col('id'),
      ]),
    )
    .where(col('tenantId'), principal.tenantId)
    .whereIn(col('agentId'), [...agentIds]);
  if (principal.locationIds !== null) {
    const locs = principal.locationIds;
    inner.where((q) => {
      q.whereNull(col('locationId'));
      if (locs.length) q.orWhereIn(col('locationId'), locs);
    });
  }
  if (cursor) {
    const at = platform.processDateProperty(cursor.createdAt);
    inner.where((q) => {
      q.where(col('createdAt'), '<', at).orWhere((q2) =>
        q2.where(col('createdAt'), at).andWhere(col('id'), '<', cursor.id),
      );
    });
  }
  const query = knex
    .select('*')
    .from(inner.as('ranked'))
    .where('rn', '<=', n + 1)
    .orderBy([
      { column: col('agentId') },
      { column: col('createdAt'), order: 'desc' },
      { column: col('id'), order: 'desc' },
    ]);
  const { sql: text, bindings } = query.toSQL();
  const rows = await sql
    .getConnection()
    .execute<Record<string, unknown>[]>(text, [...bindings], 'all', sql.getTransactionContext());
  const byAgent = new Map<string, CoachingHint[]>(agentIds.map((id) => [id, []]));
  for (const row of rows) {
    delete row['rn'];
    const hint = sql.map(CoachingHint, row);
    byAgent.get(hint.agentId)?.push(hint);
  }
  return byAgent;
}
