/**
 * Areas by construction (areas.ts, areas-clean.ts), on sentences written for these tests: a wish to live or stay
 * somewhere, the place chosen over the one left, lowercase lists after a weighing word or standing alone in a
 * spec message, names shaped like a verb, a state beside its city — and the look-alikes that are no area (a transit
 * line, "in hand").
 */
import { AgentRole, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';

const NOW = new Date('2025-01-15T12:00:00Z');
const areas = (text: string): string[] | undefined =>
  extractSlots([{ speaker: Speaker.LEAD, text }], { role: AgentRole.BUYER_AGENT, now: NOW }).areas;

describe('areas — wishes, choices and lists', () => {
  it.each([
    ["we'd love to live in Smyrna or Vinings, 3 bed", ['smyrna', 'vinings']],
    ['hoping to stay in Fishers or Noblesville area', ['fishers', 'noblesville']],
    ['trading Brooklyn for Montclair next summer', ['montclair']],
    ["we're leaving tucson for prescott", ['prescott']],
    ['open to cedar hills and beaverton', ['cedar hills', 'beaverton']],
    ['2 bed. hillsboro, forest grove or cornelius. under 450', ['hillsboro', 'forest grove', 'cornelius']],
    ["we're set on Brighton now", ['brighton']],
    ['thinking about reading or lancaster for a 3 bed', ['reading', 'lancaster']],
    ['looking at el dorado hills or cameron park', ['el dorado hills', 'cameron park']],
  ])('%s → %j', (text, expected) => {
    expect(areas(text)).toEqual(expected);
  });

  it.each([
    ['moving to Florida, somewhere around Cape Coral, 2 bed', ['cape coral']],
    ['hi we are looking in Spartanburg SC, 3 bed under 300', ['spartanburg']],
    ['a 2 bed condo in Arlington near the Orange Line', ['arlington']],
  ])('%s → %j (a state, a postal code or a transit line is no area of its own)', (text, expected) => {
    expect(areas(text)).toEqual(expected);
  });

  it('"in hand" is no place', () => {
    expect(areas("We'll list once the keys to the new place are in hand, about 3 months")).toBeUndefined();
  });

  it('a lone state is still the wanted area', () => {
    expect(areas('we are moving to Montana, need 3 bed and some land')).toEqual(['montana']);
  });

  it('a long answer that opens with the places answers "where"', () => {
    const s = extractSlots(
      [
        { speaker: Speaker.AGENT, text: 'Where are you hoping to land?' },
        {
          speaker: Speaker.LEAD,
          text: 'blue ash or maybe mason. we need a big yard for the dogs and a quiet street too',
        },
      ],
      { role: AgentRole.BUYER_AGENT, now: NOW },
    );
    expect(s.areas).toEqual(['blue ash', 'mason']);
  });
});
