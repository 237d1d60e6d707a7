/**
 * The committed event catalogue (schema/events.json, schema/events.md) must equal what the code says, and
 * every event must keep the rules: published only by its owner (the subgraph its name starts with), by at
 * least one producer, its payload a type of core/vocabulary.ts, and consumed — or published for a
 * documented outside purpose. Fix a drift with `npm run events` and commit the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EVENT_REGISTRY } from '../../../core/events/registry';
import { buildCatalogue, problems } from '../../../tools/events/catalogue';
import { expectedCatalogue } from '../../../tools/events/generate';
import { scanEvents, type ScanResult } from '../../../tools/events/scan';

const root = path.resolve(__dirname, '../../..');
let scan: ScanResult;

beforeAll(() => {
  scan = scanEvents(root);
}, 120_000);

test('committed schema/events.* equal the catalogue generated from the code', () => {
  const { files } = expectedCatalogue(root, scan);
  for (const [file, text] of Object.entries(files)) {
    const committed = fs.existsSync(path.join(root, file))
      ? fs.readFileSync(path.join(root, file), 'utf8')
      : null;
    expect({ file, text: committed }).toEqual({ file, text });
  }
}, 120_000);

test('every event keeps the rules (owner publishes it, someone consumes it or it has an outside purpose)', () => {
  expect(problems(scan, buildCatalogue(scan))).toEqual([]);
});

test('the scan finds what the code does: producers and consumer groups of known events', () => {
  const byName = new Map(buildCatalogue(scan).map((e) => [e.name, e]));
  expect(byName.get('coaching.hint.delivered')).toMatchObject({
    owner: 'coaching',
    producers: ['coaching'],
    consumers: expect.arrayContaining(['analytics:analytics', 'billing:billing']),
  });
  expect(byName.get('coaching.ghl_conversation.started')).toMatchObject({
    producers: ['coaching'],
    consumers: ['agents:agents'],
  });
  expect(byName.get('tenants.api_key.revoked')?.consumers).toEqual(['gateway:gateway-*']);
  expect(Object.keys(EVENT_REGISTRY).sort()).toEqual([...scan.eventTypes].sort());
});

test('the rules catch an event no one consumes, a foreign producer and a missing payload type', () => {
  const fake: ScanResult = {
    ...scan,
    producers: new Map([
      ...scan.producers,
      ['agents.agent.upserted', [{ component: 'coaching', file: 'x.ts' }]],
    ]),
    consumers: new Map([...scan.consumers].filter(([name]) => name !== 'billing.invoice.issued')),
    vocabularyInterfaces: new Set([...scan.vocabularyInterfaces].filter((i) => i !== 'HintFeedbackPayload')),
  };
  expect(problems(fake, buildCatalogue(fake))).toEqual(
    expect.arrayContaining([
      'agents.agent.upserted: published by coaching, but it states a fact agents owns',
      'billing.invoice.issued: no consumer and no documented outside purpose (consume it or remove it)',
      'coaching.hint.feedback: payload HintFeedbackPayload is not an exported interface of core/event-vocabulary.ts',
    ]),
  );
});
