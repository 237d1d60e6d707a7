/**
 * A seller's price by construction (subgraphs/coaching/coach/price-cues.ts), on sentences written for these tests
 * with numbers and wording of their own: a floor said as "min" or as a refusal, the market entry price, what the
 * lead must net, an ultimatum, "our number is", a price already listed by the owner — and the look-alikes that are
 * somebody else's number (a neighbour's asking price, a site's estimate) or a number the lead turns down.
 */
import { AgentRole, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';
import type { Slots } from '../../../../subgraphs/coaching/coach/types';

const NOW = new Date('2025-01-15T12:00:00Z');
const seller = (text: string): Slots =>
  extractSlots([{ speaker: Speaker.LEAD, text }], { role: AgentRole.LISTING_AGENT, now: NOW });
const buyer = (text: string): Slots =>
  extractSlots([{ speaker: Speaker.LEAD, text }], { role: AgentRole.BUYER_AGENT, now: NOW });

describe("priceExpectation — a seller's own number", () => {
  it.each([
    ['honestly thinking 415 min for the duplex', 415_000],
    ['we would take 587 minimum, the roof is brand new', 587_000],
    ["I won't go below 362. period.", 362_000],
    ['my dad is never letting it go for less than 1.05', 1_050_000],
    ["we'd put it on the market for 745 and adjust later", 745_000],
    ['we have to net 228 to pay off the note', 228_000],
    ['gotta clear 190 after commission or we stay', 190_000],
    ['its 433 or we dont sell, simple', 433_000],
    ['our bottom number is 612', 612_000],
    ['We have the bungalow listed ourselves at $289,500 for now.', 289_500],
    ['we said 676 when we first met', 676_000],
    ['we want to price it at 358 and see', 358_000],
    ['vamos a pedir 347 mil por el dúplex', 347_000],
  ])('%s → %d', (text, price) => {
    expect(seller(text).priceExpectation).toBe(price);
  });

  it.each([
    ['we want 575, the ranch next door is asking 540', 575_000],
    ['we need 425 and redfin says it is worth 402', 425_000],
    ["we need 1.35, i'm not listing at 1.2", 1_350_000],
  ])("%s → %d (somebody else's number, or one turned down, is not the lead's)", (text, price) => {
    expect(seller(text).priceExpectation).toBe(price);
  });

  it('a 45 min drive is a distance, not a price', () => {
    expect(seller('we live a 45 min drive from the lake house').priceExpectation).toBeUndefined();
  });
});

describe('budget — the buying side, decided by the nearest clause', () => {
  it('a condo priced in its own clause is a budget though the sentence also sells', () => {
    const s = buyer(
      "We're looking at a 1 bedroom condo in Sarasota, something near $310,000, paid for by the sale of our house in Akron.",
    );
    expect(s.budget).toBe(310_000);
    expect(s.priceExpectation).toBeUndefined();
  });

  it("the seller's asking price is not the buyer's budget", () => {
    const s = buyer('the owner is asking 499 but we can do 470 max');
    expect(s.budget).toBe(470_000);
    expect(s.priceExpectation).toBeUndefined();
  });
});
