/**
 * Slot extraction by construction, on sentences written for these tests (places, numbers and wording of their own):
 * waits and spans said without "in", lowercase places in texting style, sellers' floors said as refusals, land
 * counted in acres — and the look-alikes that must stay empty (a contract's term, a guessed season, a workplace,
 * the place the lead already lives in or owns land near).
 */
import { AgentRole, PropertyType, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';
import type { Slots, Turn } from '../../../../subgraphs/coaching/coach/types';

const NOW = new Date('2025-01-15T12:00:00Z');
const lead = (text: string): Turn => ({ speaker: Speaker.LEAD, text });
const agent = (text: string): Turn => ({ speaker: Speaker.AGENT, text });
const buyer = (text: string): Slots => extractSlots([lead(text)], { role: AgentRole.BUYER_AGENT, now: NOW });
const seller = (text: string): Slots =>
  extractSlots([lead(text)], { role: AgentRole.LISTING_AGENT, now: NOW });

describe('timeline — spans said without "in"', () => {
  it.each([
    ["we'd rather wait maybe 4 months and see how my new job goes", 4],
    ['honestly probably 9 months before we list, the basement needs work', 9],
    ['lease ends in the summer so ~7 months', 7],
    ['The plan is to sell the condo and to close within seven months.', 7],
    ['creo que esperamos unos 8 meses antes de vender', 8],
    ['we would like the sale wrapped up by end of Q3', 8],
    ['ideally moved before the second quarter is over', 5],
    ['nos gustaría mudarnos en un par de meses', 2],
  ])('%s → %d', (text, months) => {
    expect(seller(text).timelineMonths).toBe(months);
  });

  it.each([
    ["I won't sign a 9 month listing agreement with anyone", 'a term of a contract'],
    ['it has been 5 months, nothing sold', 'time already passed'],
    ['we could list next fall for all we know', 'a season only guessed at'],
    ['Nobody shops for houses in December around here.', 'a remark about the market'],
    ['the buyers offered cash and to close in 3 weeks', "the other side's closing offer"],
  ])('%s → none (%s)', (text) => {
    expect(seller(text).timelineMonths).toBeUndefined();
  });
});

describe('areas — lowercase and listed places', () => {
  it.each([
    ['we are moving from boise to grand junction in june, 3 bed', ['grand junction']],
    ['still shopping in goodyear, something under 450', ['goodyear']],
    ['leaning toward thinking lakewood or arvada, maybe golden', ['lakewood', 'arvada', 'golden']],
    ['littleton is where we want to end up', ['littleton']],
    ['Shaker Heights or Beachwood only, 4 bed', ['shaker heights', 'beachwood']],
    ['a condo in la jolla, 2 bed, up to 900', ['la jolla']],
    ['need a townhome in mesa az, 3 bed', ['mesa']],
    ['a ranch house near palm springs please', ['palm springs']],
    ['somewhere around Dayton or Kettering would be ideal, we rent now', ['dayton', 'kettering']],
  ])('%s → %j', (text, areas) => {
    expect(buyer(text).areas).toEqual(areas);
  });

  it.each([
    ['my wife is transferring to the Boeing campus, we need 3 bedrooms', 'a workplace'],
    ["we're retirees in Sarasota and want a smaller condo with an elevator", 'where they live now'],
    ['we inherited 12 acres near Amarillo and are thinking of selling', 'land they own'],
    ['the flood map puts the lot in zone AE, is that bad?', 'a flood zone code'],
  ])('%s → no area (%s)', (text) => {
    expect(buyer(text).areas).toBeUndefined();
  });

  it('keeps the list and drops the verb after a lowercase place', () => {
    expect(buyer('fourplex in fort wayne, want to house hack it').areas).toEqual(['fort wayne']);
  });
});

describe('areas — a lowercase answer to "which areas?"', () => {
  const asked = (answer: string): Slots =>
    extractSlots(
      [lead('hey, we want to buy this year'), agent('Which areas are you looking at?'), lead(answer)],
      {
        role: AgentRole.BUYER_AGENT,
        now: NOW,
      },
    );

  it.each([
    ['probably olathe or lenexa', ['olathe', 'lenexa']],
    ['honestly anywhere in chesterfield', ['chesterfield']],
  ])('%s → %j', (answer, areas) => {
    expect(asked(answer).areas).toEqual(areas);
  });

  it.each([['idk yet'], ['anything under 400'], ['flexible, depends on price'], ['close to work']])(
    '%s → no area',
    (answer) => {
      expect(asked(answer).areas).toBeUndefined();
    },
  );
});

describe('seller floors said as refusals', () => {
  it.each([
    ["we're not going below 515, the roof is two years old", 515000],
    ['my sister will never agree to anything under 1.1 million', 1100000],
    ['por menos de 380 mil no la vendemos', 380000],
  ])('%s → priceExpectation %d', (text, price) => {
    const slots = seller(text);
    expect(slots.priceExpectation).toBe(price);
    expect(slots.budget).toBeUndefined();
  });

  it('a buyer saying a listing is not worth its price names no price of theirs', () => {
    const slots = extractSlots([lead('we can do 460 max. that one is not worth 499, the HVAC is ancient')], {
      role: AgentRole.BUYER_AGENT,
      now: NOW,
    });
    expect(slots.budget).toBe(460000);
    expect(slots.priceExpectation).toBeUndefined();
  });

  it('reads a Spanish ceiling said as "lo máximo que podemos"', () => {
    expect(buyer('lo máximo que podemos dar es 410 mil').budget).toBe(410000);
  });
});

describe('land, solar panels and lenders', () => {
  it.each([
    ['we want to buy 8 acres outside town for horses'],
    ['mi papá nos dejó 3 acres y queremos venderlos'],
  ])('%s → LAND', (text) => {
    expect(seller(text).propertyType).toBe(PropertyType.LAND);
  });

  it('a house on acres is not land', () => {
    expect(buyer('a 4 bed farmhouse on 6 acres, under 700').propertyType).toBeUndefined();
  });

  it('solar panels on an English listing are not a plot of land', () => {
    expect(buyer('is the solar on the Maple listing paid off or financed?').propertyType).toBeUndefined();
  });

  it('not having talked to a lender means not pre-approved', () => {
    expect(buyer("we haven't spoken to a lender yet, is 2,500 a month realistic?").preApproved).toBe(false);
  });
});
