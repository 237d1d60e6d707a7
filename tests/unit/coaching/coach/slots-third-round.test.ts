/**
 * Slot constructions of the third round (after sealed-5's misses were read), on sentences written for these tests
 * with places, numbers and wording of their own. Inventions removed: a month or season in a clause about something
 * else (weather, bills), how fast a home will sell, a home the lead owned before, a property word naming papers.
 * Areas found: "3bd+ in", "out toward / out by", lowercase places in a spec list or alone in a spec message,
 * "new X", Spanish "o" between places, "the N on your list in X Saturday", Spanish "casas de X". Areas dropped: a
 * relative's purchase ("my cousin bought in X"), a budget word after a list ("mesa, cap is 400k").
 */
import { AgentRole, PropertyType, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';
import type { Slots } from '../../../../subgraphs/coaching/coach/types';

const NOW = new Date('2025-01-15T12:00:00Z');
const as =
  (role: AgentRole) =>
  (text: string): Slots =>
    extractSlots([{ speaker: Speaker.LEAD, text }], { role, now: NOW });
const seller = as(AgentRole.LISTING_AGENT);
const buyer = as(AgentRole.BUYER_AGENT);

describe('timelines the lead never set', () => {
  it.each([
    'we want 2 acres near the river, my dad says the low fields get soggy in april',
    'how cold do those stone farmhouses get in february? asking before we look',
  ])('a month in a clause about something else: %s', (text) => {
    expect(buyer(text).timelineMonths).toBeUndefined();
  });

  it('how fast a home will sell is no move date', () => {
    expect(
      seller('6% is a lot for a townhouse that will probably go within a week').timelineMonths,
    ).toBeUndefined();
  });

  // Precision first: a season counts only as a deadline — the independent authors leave "in the fall" unlabelled.
  it('a season without a deadline is no timeline ("in the fall"); a season deadline is ("by fall")', () => {
    expect(buyer('we hope to move in the fall, 3 bed').timelineMonths).toBeUndefined();
    expect(buyer('we hope to move by fall, 3 bed').timelineMonths).toBe(8);
  });
});

describe('property types the lead does not want', () => {
  it.each([
    ['we sold our old townhome in Reno and want a single family in Sparks', PropertyType.SINGLE_FAMILY],
    ['can a VA loan work if I had a condo in Tampa years back? we want a ranch house', undefined],
    ['did the condo association send the budget and the resale packet yet?', undefined],
  ])('%s', (text, type) => {
    expect(buyer(text).propertyType).toBe(type);
  });

  it('a lot bought to put a house on is LAND ("buy a lot … and build a little lake house on it")', () => {
    expect(buyer('we hope to buy a lot near the lake and build a little lake house on it').propertyType).toBe(
      PropertyType.LAND,
    );
  });
});

describe('areas — third round', () => {
  it.each([
    ['need 4bd+ in fruita or palisade, up to 500k', ['fruita', 'palisade']],
    ['after 2 acres, out toward Dripping Springs or Wimberley', ['dripping springs', 'wimberley']],
    ['want land out by sandy valley, cash around 60k', ['sandy valley']],
    ['900k max, 3 bd, south boulder. already preapproved', ['south boulder']],
    ['townhome, 2br, brighton or west roxbury, near the train', ['brighton', 'west roxbury']],
    ['we are downsizing, 2 bd is enough. cherry hills', ['cherry hills']],
    ['looking at condos in new braunfels, 2 bed, under 280k', ['new braunfels']],
    ['busco casa en alamo heights o terrell hills, 3 recámaras', ['alamo heights', 'terrell hills']],
    ['can we tour the 3 on ur list in castle rock sun afternoon?', ['castle rock']],
    ['¿Podemos ver las casas de Santa Teresa el domingo? 3 recámaras', ['santa teresa']],
  ])('%s', (text, areas) => {
    expect(buyer(text).areas).toEqual(areas);
  });

  it("a relative's purchase names no wanted place", () => {
    expect(buyer('my sister bought in Lehi last year with no agent. we want 3 bed in Orem').areas).toEqual([
      'orem',
    ]);
  });

  it('a budget word after a place is no second place ("in tempe, cap is 350k")', () => {
    expect(buyer('3 bd in tempe, cap is 350k').areas).toEqual(['tempe']);
  });

  it('a lone lowercase word in a spec list is not a place ("2br, garage, under 300k")', () => {
    expect(buyer('2br, garage, under 300k').areas).toBeUndefined();
    expect(seller('3 bed, big yard, good schools, max 400k').areas).toBeUndefined();
  });
});

describe('third round, second pass', () => {
  it.each([
    ['we were approved for 2 eighty five, can we see the one on Oak?', 285_000],
    ['we got the letter, 4 ninety is our max', 490_000],
  ])('hundreds said as a digit and the tens: %s', (text, budget) => {
    expect(buyer(text).budget).toBe(budget);
  });

  it('"N forty" read as hundreds is the seller\'s number too', () => {
    expect(seller('zillow says 600 but i want at least 6 twenty').priceExpectation).toBe(620_000);
  });

  it('a company somewhere is no wanted place ("a cash company in X")', () => {
    expect(
      seller('a we-buy-houses company in Cranston mailed us a cash offer, why list with you?').areas,
    ).toBeUndefined();
  });

  it('a lead who says they are not buying admires places, does not want them', () => {
    expect(
      buyer("no no, we're not buying anything! we just love looking at the houses in Wayzata").areas,
    ).toBeUndefined();
  });
});

describe('regional multi-family words', () => {
  it.each(['selling our up/down double near the park', 'we own a side-by-side double off High St'])(
    '%s is MULTI_FAMILY',
    (text) => {
      expect(seller(text).propertyType).toBe(PropertyType.MULTI_FAMILY);
    },
  );
});
