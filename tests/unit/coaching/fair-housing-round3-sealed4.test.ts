/**
 * Fair Housing guard, round 3 step 2 (issue 11): constructions generalized from sealed-4's misses and false
 * alarms after its one scoring (85.3% caught, 10.0% false alarms at 587b12f). Each case is written here in words
 * of its own, not copied from the set: the class of construction is what is tested.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [string, Speaker, string];

describe('round 3 step 2: steering constructions', () => {
  it.each<Case>([
    [
      'a party told a lie about availability',
      'LEAD',
      'if the applicant turns out to be Muslim just tell her agent we signed with someone already',
    ],
    ['"not interested" in a party by class', 'LEAD', "if the renter is Pakistani I'm not interested, sorry"],
    [
      'a party by complexion turned away',
      'MODEL',
      'Let renters with lighter complexions know the loft is available and tell the others it is spoken for.',
    ],
    ['a party who must "not be" a colour', 'LEAD', "I'd prefer the new tenant not be white, honestly"],
    [
      '"I\'d rather have" is a want, not a household',
      'LEAD',
      "this time I'd rather have a single woman in the downstairs unit",
    ],
    [
      'a class said to be easier tenants',
      'LEAD',
      'I only want women in the triplex, ladies are easier tenants',
    ],
    [
      'the block kept the way it was',
      'LEAD',
      'we want somebody who will keep the street the way it used to be',
    ],
    [
      'the folks who have always lived here',
      'AGENT',
      'The owners want a buyer like the people who have always lived on this street.',
    ],
    [
      'a neighbourhood turning over',
      'LEAD',
      'not interested in Eastlake, that whole area is turning over fast',
    ],
    ['a place that feels like America', 'LEAD', 'we want a town that still looks like the real America'],
    ['a little country, refused', 'LEAD', 'show us Plano, not little India'],
    [
      'a wink with a place name',
      'AGENT',
      "You'd fit right in over in Brookfield rather than Eastwood, if you catch my drift.",
    ],
    [
      'advertising kept out of urban media',
      'AGENT',
      "We'll skip the urban radio stations for this listing's ads.",
    ],
    [
      '"look somewhere else" after a client is asked about kids',
      'AGENT',
      'Do you have children? That building is all retirees, so maybe look somewhere else.',
    ],
    [
      'a party named by its congregation, then dropped',
      'LEAD',
      "the couple from the synagogue offered first, but let's wait for someone else to bid",
    ],
    [
      'a side of town refused for its place of worship',
      'LEAD',
      'anywhere is fine, just not the part of town where they put up the new mosque',
    ],
    [
      'a demonym the word list lacks',
      'AGENT',
      'The Tongan and Burundian community is mostly in the south end, so I would look north.',
    ],
    ['skin said in Spanish', 'AGENT', 'El dueño quiere inquilinos de piel blanca nada más.'],
    [
      'an owner who does not rent to a class, in Spanish',
      'AGENT',
      'El propietario no renta a mujeres solas, lo siento.',
    ],
    [
      'a disability by euphemism',
      'AGENT',
      "Honestly that building isn't a good fit for someone with your condition.",
    ],
    [
      'steered to assisted living',
      'MODEL',
      'Suggest they would be happier in an assisted living community instead of the condo.',
    ],
  ])('%s', (_construction, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});

describe('round 3 step 2: own needs and neutral facts', () => {
  it.each<Case>([
    [
      'a housemate of one sex, the speaker sharing the kitchen',
      'LEAD',
      "Room for rent, I'd be sharing the kitchen with you, so women only please.",
    ],
    [
      "a language used to serve the speaker's family",
      'LEAD',
      'my mom reads only Vietnamese, can the lender help her with it in Vietnamese?',
    ],
    [
      'someone else asks, not the speaker',
      'LEAD',
      'the buyers are from Brazil and their lender asked if they can sign electronically',
    ],
    [
      'an agent declining to put a class in the listing',
      'AGENT',
      "I won't write 'ideal for a family' in the ad, but I can describe the big yard.",
    ],
    [
      'wording chosen so it does not read as a preference',
      'MODEL',
      'Describe the rooms, so the post does not read as a preference for women.',
    ],
    ['money from a country', 'LEAD', 'part of our closing funds are coming from Germany, is that a problem?'],
    [
      'following the occupancy code',
      'LEAD',
      'a family of five applied for the studio and I want to follow the city occupancy code, what is it?',
    ],
    [
      'a policy that lets a disability in, however worded',
      'AGENT',
      'The building permits service dogs in all shared spaces.',
    ],
    [
      'the household named again as a couple',
      'LEAD',
      "I'm Korean and my wife is Black, we want a lender who has worked with an interracial couple before.",
    ],
    ['a place name with a class word', 'LEAD', "I'm Polish and want to be near Polish Hill for my mother."],
    [
      "a party's own want in a relative clause",
      'LEAD',
      'my tenant who is deaf wants to install a flashing doorbell, is that ok for me to allow?',
    ],
    [
      'a Spanish first person in mixed text',
      'LEAD',
      'tengo un service dog, which apartments will ask for paperwork?',
    ],
  ])('%s', (_construction, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});
