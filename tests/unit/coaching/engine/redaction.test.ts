/**
 * PII redaction: the patterns, the placeholder map, streaming restoration, and end to end — what the fake
 * Anthropic server received never contains the raw values, and echoed placeholders come back restored.
 */
import { Speaker } from '../../../../core/vocabulary';
import { luhnValid, Redactor } from '../../../../subgraphs/coaching/engine/redaction';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { collect, engineFor, makeRequest } from './helpers';

describe('Redactor', () => {
  it.each([
    ['jane.doe+home@example.co.uk', 'EMAIL'],
    ['(415) 555-0132', 'PHONE'],
    ['415-555-0132', 'PHONE'],
    ['415.555.0132', 'PHONE'],
    ['+1 415 555 0132', 'PHONE'],
    ['1-800-555-1234', 'PHONE'],
    ['4155550132', 'PHONE'],
    ['123-45-6789', 'SSN'],
    ['4111 1111 1111 1111', 'CARD'],
    ['4111-1111-1111-1111', 'CARD'],
    ['378282246310005', 'CARD'],
    ['1234 Oak Street', 'ADDRESS'],
    ['55 W. Elm Ave Apt 4', 'ADDRESS'],
    ['900 N Lake Shore Dr, Unit 12B', 'ADDRESS'],
    ['12 main st', 'ADDRESS'],
    ['PO Box 771', 'ADDRESS'],
  ])('redacts %s as %s', (value, kind) => {
    const r = new Redactor();
    const out = r.redact(`Reach me: ${value}. Thanks`);
    expect(out).toBe(`Reach me: [${kind}_1]. Thanks`);
    expect(r.restore(out)).toBe(`Reach me: ${value}. Thanks`);
  });

  it.each([
    'Our budget is $450,000, maybe $1,250,000 for the right place',
    'We need 3 bedrooms and 2 baths, built after 2015',
    'Moving in 2025 or 2026, about 45 minutes from downtown',
    'We have 3 kids and we drive a lot',
    'It is 2 blocks from the park',
    'The zip is 78701 and the MLS number is 12345678',
    'Card-like but not Luhn: 4111 1111 1111 1112',
    'Price went from 450000 to 425000',
  ])('leaves ordinary numbers alone: %s', (text) => {
    expect(new Redactor().redact(text)).toBe(text);
  });

  it('keeps one placeholder per value across texts and formats', () => {
    const r = new Redactor();
    const a = r.redact('Call 415-555-0132 or mail JANE@example.com');
    const b = r.redact('Again: (415) 555-0132, jane@example.com, or 212 555 0199');
    expect(a).toBe('Call [PHONE_1] or mail [EMAIL_1]');
    expect(b).toBe('Again: [PHONE_1], [EMAIL_1], or [PHONE_2]');
    expect(r.counts()).toMatchObject({ PHONE: 2, EMAIL: 1 });
  });

  it('finds an address that starts inside a rejected candidate', () => {
    expect(new Redactor().redact('3 kids 12 Oak Street')).toBe('3 kids [ADDRESS_1]');
  });

  it('leaves placeholders it did not create (the model invented one) untouched', () => {
    const r = new Redactor();
    r.redact('a@b.co');
    expect(r.restore('[EMAIL_1] and [EMAIL_7]')).toBe('a@b.co and [EMAIL_7]');
  });

  it('restores placeholders split across streamed chunks', () => {
    const r = new Redactor();
    r.redact('jane@example.com, 415-555-0132');
    const s = r.streamRestorer();
    const out = [
      s.push('Email [EM'),
      s.push('AIL_1] or call [PHONE'),
      s.push('_1]'),
      s.push(' today ['),
      s.flush(),
    ];
    expect(out.join('')).toBe('Email jane@example.com or call 415-555-0132 today [');
    expect(out[0]).toBe('Email ');
  });

  it('checks card numbers with Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('411111111111')).toBe(false);
  });
});

describe('redaction end to end (fake Anthropic server)', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await start();
  });
  afterEach(async () => {
    await fake.close();
  });

  const PII = {
    email: 'maria.lopez@example.com',
    phone: '(512) 555-0187',
    ssn: '123-45-6789',
    card: '4111 1111 1111 1111',
    address: '1234 Oak Street',
    address2: '55 W. Elm Ave Apt 4',
  };

  it('never sends raw PII to the model and restores echoed placeholders in hints and deltas', async () => {
    fake.script({
      hints: [
        {
          category: 'NEXT_STEP',
          text: 'Say: "I\'ll email the comps for [ADDRESS_1] to [EMAIL_1] tonight." Why: a concrete promise builds trust.',
          rationale: 'Follow up at [PHONE_1] tomorrow.',
          confidence: 0.8,
        },
        {
          category: 'COMPLIANCE_WARNING',
          text: 'Ask them not to share [SSN_1] or card numbers in chat; use the secure portal.',
          rationale: 'Privacy.',
          confidence: 0.9,
        },
      ],
      chunkSize: 5,
    });
    const { engine } = engineFor(fake);
    const c = collect();
    const result = await engine.run(
      makeRequest({
        turns: [
          { speaker: Speaker.LEAD, text: `I'm at ${PII.address}, email ${PII.email} or call ${PII.phone}.` },
          { speaker: Speaker.LEAD, text: `My SSN is ${PII.ssn} and card ${PII.card} for the deposit.` },
        ],
        question: `Should I visit ${PII.address2}?`,
        memory: [`Prefers texts at ${PII.phone}`, `Old address ${PII.address2}`],
      }),
      c.onEvent,
    );

    const sent = fake.receivedText();
    for (const value of Object.values(PII)) expect(sent).not.toContain(value);
    expect(sent).not.toContain('555-0187');
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toContain('[ADDRESS_1]');
    expect(sent).toContain('[ADDRESS_2]');
    expect(sent).toContain('[SSN_1]');
    expect(sent).toContain('[CARD_1]');
    expect(sent).toContain('[PHONE_1]');

    expect(result.fallback).toBe(false);
    expect(result.hints[0]!.text).toContain(`comps for ${PII.address} to ${PII.email}`);
    expect(result.hints[0]!.rationale).toBe(`Follow up at ${PII.phone} tomorrow.`);
    expect(result.hints[1]!.text).toContain(PII.ssn);
    // The streamed text is restored too, even though placeholders were split across 5-character chunks.
    expect(c.text(0)).toBe(result.hints[0]!.text);
    const streamed = c.events
      .filter((e) => e.type === 'delta')
      .map((e) => (e.type === 'delta' ? e.text : ''));
    expect(streamed.join('')).not.toMatch(/\[(EMAIL|ADDRESS|PHONE|SSN)_\d\]/);
  });

  it("shares a cache entry between conversations that differ only in PII, restoring each one's own values", async () => {
    fake.script({
      hints: [
        { category: 'NEXT_STEP', text: 'Send the listing to [EMAIL_1].', rationale: 'r', confidence: 0.7 },
      ],
    });
    const { engine } = engineFor(fake);
    const turn = (email: string) => [{ speaker: Speaker.LEAD, text: `Send it to ${email} please` }];
    const a = await engine.run(makeRequest({ turns: turn('a@example.com') }));
    const b = await engine.run(makeRequest({ turns: turn('b@example.org') }));
    expect(fake.count).toBe(1);
    expect(a.hints[0]!.text).toBe('Send the listing to a@example.com.');
    expect(b.cached).toBe(true);
    expect(b.hints[0]!.text).toBe('Send the listing to b@example.org.');
  });
});
