/**
 * Fair Housing guard, round 5 (issue 11): structural rules generalized from sealed-6's misses and false alarms
 * after its one scoring (91.3% caught, 6.7% false alarms at 2adbc40): who acts, on whose behalf, a choice among
 * offers or buyers, whose need it is, and lawful frames (an institution's paperwork, a question of law, history,
 * a surname). Every sentence is written here in words of its own, not copied from any labelled set.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [string, Speaker, string];

describe('round 5: choosing among offers, buyers or applicants by class', () => {
  it.each<Case>([
    ['one offer over another named by class', 'LEAD', "Take the Nguyens' offer over the single dad's."],
    [
      'a party named by disability, then one of the other applicants',
      'LEAD',
      'The applicant who uses a walker seems nice. Still, sign with one of the other applicants.',
    ],
    [
      'a party named by a device, then one of the other buyers',
      'LEAD',
      'The couple in the wheelchair loved it. Still, sign with one of the other buyers.',
    ],
    [
      'weighing two offers and taking the one named by marriage and sex',
      'AGENT',
      "Between the two, I'd go with the husband-and-wife offer and let the other one lapse.",
    ],
    [
      'a party named by its congregation, stalled',
      'AGENT',
      "I'll slow-walk the offer from the couple who talked about their synagogue.",
    ],
  ])('%s is steering', (_why, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it('two offers compared on terms alone are not steering', () => {
    const text = 'We have two offers; take the one with the shorter inspection period over the other.';
    expect(judgeFairHousing(text, { speaker: 'LEAD' }).steering).toBe(false);
  });
});

describe('round 5: advertising withheld from or confined to readers of one class', () => {
  it.each<Case>([
    [
      'an ad kept out of an outlet named by race',
      'AGENT',
      "Don't run the ad in the Hispanic weekly, just the Tribune.",
    ],
    [
      'an ad pulled from an outlet named by race',
      'LEAD',
      'Pull the ad from the Black church bulletin, we have enough interest.',
    ],
  ])('%s is steering', (_why, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it('an outlet added to reach more people is not steering', () => {
    const text = 'Also post the listing in the Spanish-language paper to widen the audience.';
    expect(judgeFairHousing(text, { speaker: 'AGENT' }).steering).toBe(false);
  });
});

describe('round 5: whose need it is — an advisor narrowing the search on a presumed need', () => {
  it.each<Case>([
    [
      'options crossed off for a disability the client never raised',
      'AGENT',
      'Since your son is autistic, I crossed the busy downtown lofts off the list.',
    ],
    [
      'showings confined because of a device',
      'MODEL',
      "With your wife's wheelchair the hillside homes are too much for her, so I'll only show flat lots.",
    ],
    [
      "a stop dropped from the tour because of a relative's walker",
      'AGENT',
      "Your mom's walker makes the split-level a non-starter, so I took it off the tour.",
    ],
    [
      'a client told where she would be more comfortable by sex',
      'AGENT',
      "As a single mother you'd be a lot more comfortable out in the suburbs than downtown.",
    ],
  ])('%s is steering', (_why, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it('a need the client stated, met, is not steering', () => {
    const text = 'You mentioned your daughter uses a wheelchair, so I left the split-levels off the list.';
    expect(judgeFairHousing(text, { speaker: 'AGENT' }).steering).toBe(false);
  });
});

describe('round 5: lawful frames are not steering', () => {
  it.each<Case>([
    [
      "an underwriter's paperwork for a buyer's immigration status",
      'AGENT',
      'The borrower is a permanent resident from India, so the underwriter wants her green card and tax returns.',
    ],
    [
      "a party's own plans after where they come from",
      'LEAD',
      "The buyers are from Cuba and want to close in person at the attorney's office.",
    ],
    [
      'a question of law about a tenant already living there',
      'LEAD',
      'The tenants downstairs have a newborn. How much notice do we have to give before showings?',
    ],
    [
      "a house's history",
      'LEAD',
      'The bungalow was built by Greek immigrants in 1910 and has a plaque from the historical society. Can we mention it?',
    ],
    [
      "a designer's origin, told as the house's history",
      'LEAD',
      'The house was designed by a Japanese architect in 1952; can the listing mention his name?',
    ],
    [
      'a disclosure declined',
      'AGENT',
      "A group home three houses down isn't something to disclose; the form is about the home's condition.",
    ],
    [
      'a surname that is a colour word',
      'AGENT',
      'Please have Ms. Brown sign it; the Brown Family Trust holds the deed.',
    ],
    [
      "the speaker's own mistreatment, told to get help",
      'LEAD',
      "I'm Black and the last agent made me wait outside while other folks walked right in. Please come with me.",
    ],
  ])('%s', (_why, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});

describe('round 5: code words', () => {
  it.each<Case>([
    [
      'being the one who lets a group onto the street',
      'LEAD',
      "I won't be the one who integrated our street.",
    ],
    ['origin judged by the look of a place', 'LEAD', 'We want an all-American suburb, please.'],
    ['origin judged by the signs', 'LEAD', "Nowhere you can't read the store signs."],
    ['a seller wanting a buyer of one sex, in Spanish', 'LEAD', 'Prefiero que el inquilino sea hombre.'],
    [
      'an adults-only building pressed on a family',
      'AGENT',
      "That building isn't the right fit for y'all with the twins.",
    ],
  ])('%s is steering', (_why, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});
