/**
 * Fair Housing guard, round 3 of issue 11: constructions generalized from freshly written probe batches (the
 * helper's own, scored before fixing: 25/30 caught and 4/30 false alarms, then 17/20 and 1/20, then 11/20 and
 * 1/20), never from the labelled sets' sentences. One example per construction, in words of their own.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [string, Speaker, string];

describe('round 3: steering constructions', () => {
  it.each<Case>([
    [
      'a texted pause before the class word',
      'AGENT',
      'Fairview is nice but Elmhurst is getting kind of... ethnic, if that matters.',
    ],
    [
      'a place that has gotten more of a class over time',
      'AGENT',
      'The north end has become a lot more Hispanic over the past decade.',
    ],
    [
      'a home told to a family as meant for adults',
      'MODEL',
      'Let the parents know the studio is really meant for a single professional and show them the rowhouse across town.',
    ],
    ['a neighbourhood that "turned"', 'LEAD', 'is the Maple district still okay or did it turn already'],
    [
      'a false "already rented" told to a party',
      'AGENT',
      'I ended up telling the renter who uses crutches and a guide dog that the apartment was just leased.',
    ],
    [
      "a party's colour told to the one who decides",
      'AGENT',
      'The landlord wanted to know about the applicants, so I let him know they are white.',
    ],
    [
      "a place judged by the client's faith",
      'AGENT',
      "Considering your religion, I'm not sure you'd be happy on that cul-de-sac.",
    ],
    [
      'a breakdown of people by a class',
      'LEAD',
      'can you get me the numbers on that school zone broken down by race',
    ],
    ['where a party is from', 'LEAD', 'before I approve them, where are the tenants originally from?'],
    [
      'a place told by the language on its signs',
      'AGENT',
      'Every storefront down there is in Vietnamese now, so I would look closer to downtown.',
    ],
    [
      'a different student body as a proxy',
      'AGENT',
      'Oakdale High has a completely different student body than the one you are used to.',
    ],
    [
      'the kind of people you would want as neighbours',
      'AGENT',
      "That block isn't quite the kind of people you'd want next door, neighborhood-wise.",
    ],
    [
      'a class said to cause damage',
      'LEAD',
      'go with the retirees, a family with three kids will cause a lot of damage to those floors',
    ],
    [
      "the last occupants' class as the reason to pick differently",
      'LEAD',
      'the last renters were Haitian and it was a mess, so I want someone different',
    ],
  ])('%s', (_construction, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});

describe('round 3: own needs and neutral facts that are not steering', () => {
  it.each<Case>([
    [
      'a roommate of one sex in the home the speaker lives in',
      'LEAD',
      'Renting a room in my own townhouse and I would rather have a male housemate.',
    ],
    [
      'grown children who have left',
      'LEAD',
      'Retired now, kids all moved out, looking at smaller places near the lake.',
    ],
    [
      'no children at home any more',
      'LEAD',
      'Two of us, no kids at home anymore, and we want a main-floor bedroom.',
    ],
    ['"no kids" after the household', 'LEAD', 'me and my fiance, no kids, want a condo with a gym'],
    [
      'kin then a pronoun',
      'LEAD',
      'My grandparents are moving in with us and they only speak Punjabi, so a first-floor room matters.',
    ],
    ['fostering children', 'LEAD', 'We foster babies, so we need a spare room that can pass a home study.'],
    ['empty nesters describing themselves', 'LEAD', 'Empty nesters here, want to sell the big house.'],
  ])('%s', (_construction, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });

  it('still flags a sex preference for a separate unit or a roommate said of someone else', () => {
    expect(
      judgeFairHousing(
        'I only want a female tenant for the basement apartment, which is separate from mine.',
        {
          speaker: 'LEAD',
        },
      ).steering,
    ).toBe(true);
    expect(
      judgeFairHousing('For the shared flat I am only accepting female applicants.', { speaker: 'LEAD' })
        .steering,
    ).toBe(true);
  });
});
