/**
 * Every table of the subgraphs that hold contact data is classified: erased with the contact (listed in the
 * subgraph's contact stores) or declared free of contact data with the reason. A new table fails here until
 * its author decides — so a GDPR erasure cannot silently miss it.
 */
import 'reflect-metadata';
import { MetadataStorage, type EntityClass } from '@mikro-orm/core';
import { agentsSubgraph } from '../../../subgraphs/agents';
import { coachingSubgraph } from '../../../subgraphs/coaching';
import {
  AGENTS_CONTACT_STORES,
  NO_CONTACT_DATA as AGENTS_NO_CONTACT_DATA,
} from '../../../subgraphs/agents/service/contact-data';
import {
  COACHING_CONTACT_STORES,
  NO_CONTACT_DATA as COACHING_NO_CONTACT_DATA,
} from '../../../subgraphs/coaching/service/contact-stores';

function tables(entities: readonly unknown[]): string[] {
  const all = Object.values(MetadataStorage.getMetadata());
  return entities
    .map((e) => all.find((m) => m.class === (e as EntityClass<unknown>))?.tableName)
    .filter((t): t is string => !!t)
    .sort();
}

describe('contact stores', () => {
  it('classifies every coaching table', () => {
    const listed = new Set([
      ...COACHING_CONTACT_STORES.map((s) => s.table),
      ...Object.keys(COACHING_NO_CONTACT_DATA),
    ]);
    expect(tables(coachingSubgraph.entities).filter((t) => !listed.has(t))).toEqual([]);
  });

  it('names each coaching store by an entity whose table it says', () => {
    const all = Object.values(MetadataStorage.getMetadata());
    for (const s of COACHING_CONTACT_STORES)
      expect(all.find((m) => m.className === s.entity)?.tableName).toBe(s.table);
  });

  it('classifies every agents table', () => {
    const listed = new Set([...Object.keys(AGENTS_CONTACT_STORES), ...Object.keys(AGENTS_NO_CONTACT_DATA)]);
    expect(tables(agentsSubgraph.entities).filter((t) => !listed.has(t))).toEqual([]);
  });
});
