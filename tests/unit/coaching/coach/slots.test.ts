/**
 * Slot extraction on sentences written for these tests (cities, numbers and phrasings the coach was not tuned on):
 * what the lead states is extracted with the right value, and nothing is invented from other people's numbers,
 * past events or idioms.
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

describe('slots — budgets in every shape', () => {
  it.each([
    ["we're thinking around 415 for a 3 bed", 415000],
    ['max 365, ideally a townhome', 365000],
    ['we could go to $1.45 million if it is the right one', 1450000],
    ['up to 1.3 mil', 1300000],
    ['we want to stay in the 280 to 320 range', 320000],
    ['we can do three ninety tops', 390000],
    ['three hundred seventy five thousand is our ceiling', 375000],
    ['we already stretched to 455 on the last one', 455000],
    ['preapproved through our credit union for 410', 410000],
    ['we got approved up to $530,000', 530000],
    ['honestly 2 million is the most we would spend', 2000000],
    ['a 4 bed in Lehi, tops 700', 700000],
  ])('%s → %d', (text, budget) => {
    expect(buyer(text).budget).toBe(budget);
  });

  it('reads a stated approval as pre-approval too', () => {
    expect(buyer('we got approved up to $530,000 last week').preApproved).toBe(true);
  });
});

describe('slots — seller prices', () => {
  it.each([
    ['we would not feel right listing below $515,000', 515000],
    ['we paid 210 back in 2013 and want 455 now', 455000],
    ["we're hoping for something close to 2 million", 2000000],
    ['my floor is 745k', 745000],
  ])('%s → %d', (text, price) => {
    expect(seller(text).priceExpectation).toBe(price);
  });
});

describe('slots — areas', () => {
  it.each([
    ['Kenmore, Bothell, or Mill Creek would all work for us', ['kenmore', 'bothell', 'mill creek']],
    ['either Frisco, Prosper and Celina', ['frisco', 'prosper', 'celina']],
    [
      "we'd consider Olathe, Lenexa, Shawnee, or Overland Park",
      ['olathe', 'lenexa', 'shawnee', 'overland park'],
    ],
    ['We like Smyrna, Vinings and Mableton', ['smyrna', 'vinings', 'mableton']],
    ["we're leaving Phoenix for somewhere cooler, maybe Flagstaff or Prescott", ['flagstaff', 'prescott']],
    ['we rent in Newark now but want Montclair, Maplewood or Summit', ['montclair', 'maplewood', 'summit']],
    ['Hi, we would like to view 220 Birch Ave in Lincoln this week', ['lincoln']],
  ])('%s', (text, areas) => {
    expect(buyer(text).areas).toEqual(areas);
  });

  it('keeps the place the lead leaves, a past sale and a name out of the areas', () => {
    expect(buyer('we sold in Tulsa, Broken Arrow and Owasso before')).toEqual({});
    expect(buyer('Maybe Priya can call me back')).toEqual({});
    expect(buyer('moving from Tucson to Mesa, want a 3 bed').areas).toEqual(['mesa']);
  });
});

describe('slots — land, bedrooms, timelines', () => {
  it('reads land described as lots, parcels or acres of farmland', () => {
    expect(seller('we have three lots by the river we want to sell').propertyType).toBe(PropertyType.LAND);
    expect(seller('about 12 acres of pasture for sale').propertyType).toBe(PropertyType.LAND);
    expect(buyer('looking for a buildable lot near Dripping Springs').propertyType).toBe(PropertyType.LAND);
    expect(buyer('we have a lot going on right now, maybe next month').propertyType).toBeUndefined();
  });

  it('reads bedrooms written as words or as a 3/2', () => {
    expect(buyer('we need five bedrooms for the family').bedrooms).toBe(5);
    expect(buyer('We would love a 4/2 near Gilbert under 480').bedrooms).toBe(4);
    expect(buyer('closing is 4/2 at noon')).toEqual({});
  });

  it('rounds weeks and days up to months', () => {
    expect(buyer('we have to be out in 5 weeks').timelineMonths).toBe(2);
    expect(buyer('we want to close within 40 days').timelineMonths).toBe(2);
    expect(buyer('need to move in 9 days').timelineMonths).toBe(1);
  });
});

describe('slots — nothing invented', () => {
  it.each([
    ['we close in 3 days and the lender still needs paystubs'],
    ['an iBuyer offered me 355 cash, close in 10 days'],
    ['Wait until rates come down, maybe next year'],
    ['nothing under 600 is worth a look out there'],
    ['anything in the 85254 zip code?'],
    ['that was the second time this summer we lost out'],
    ['she showed us houses at 640k, way too much'],
  ])('%s', (text) => {
    expect(buyer(text)).toEqual({});
  });

  it('takes facts from the lead only, not from the agent', () => {
    const s = extractSlots(
      [
        agent('There is a 4 bed in Fishers at 499k, closing in 3 weeks. Are you preapproved?'),
        lead('hmm ok'),
      ],
      { role: AgentRole.BUYER_AGENT, now: NOW },
    );
    expect(s).toEqual({});
  });
});

describe("slots — short answers to the agent's question", () => {
  const answer = (question: string, reply: string, role = AgentRole.BUYER_AGENT): Slots =>
    extractSlots([agent(question), lead(reply)], { role, now: NOW });

  it('reads the value the question asked for', () => {
    expect(answer('What timeline are you working with?', 'maybe 4 months')).toEqual({ timelineMonths: 4 });
    expect(answer('How many bedrooms would you want?', '4 ideally')).toEqual({ bedrooms: 4 });
    expect(answer('Which neighborhoods are you leaning toward?', 'Ballard or Fremont')).toEqual({
      areas: ['ballard', 'fremont'],
    });
    expect(answer('What budget feels comfortable?', 'around 480')).toEqual({ budget: 480000 });
    expect(answer('Do you have a number in mind?', '725 would do it', AgentRole.LISTING_AGENT)).toEqual({
      priceExpectation: 725000,
    });
    expect(answer('¿Cuántas habitaciones necesitan?', 'cuatro mínimo')).toEqual({ bedrooms: 4 });
  });

  it('leaves answers about other things alone', () => {
    expect(answer('When can I swing by to see it?', 'in 2 days works')).toEqual({});
    expect(answer('Where are you living now?', 'Dayton, near the base')).toEqual({});
    expect(answer('How much do you still owe on the house?', 'about 180', AgentRole.LISTING_AGENT)).toEqual(
      {},
    );
    expect(answer('How much is your rent right now?', '2,100 a month')).toEqual({});
  });
});
