/**
 * Fair Housing detector, constructions added after the sealed-1 sets became tuning data (issue 11, goal 3): a
 * neighbourhood picked for "a similar background", a place that is or is not someone's "crowd", a wink ("you know
 * the kind of tenant I mean"), complexion words, mental-health conditions, an advisor's "feel like home", a
 * "safer choice" of party, stalling or holding an offer, steering calls elsewhere, more nationalities, Spanish
 * "no aceptar", "nicas", "árabe"; and the near-misses these must not catch: a texted "im" before the speaker's
 * own household, "not something we can weigh", Spanish "no podemos rechazar", a colour
 * on paint ("no dark or bright colors"). Sentences are written for this
 * test, not taken from any fixture file.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [Speaker, string];

describe('steering the guard now catches', () => {
  it.each<Case>([
    ['MODEL', 'Recommend Lakeview to the couple, where the neighbors share a similar heritage.'],
    ['AGENT', 'Honestly the east end is not your crowd; Maple Grove is more your speed.'],
    ['LEAD', 'Screen them a bit, you know the kind of tenant I mean.'],
    ['LEAD', 'We want a street where people are lighter-complected.'],
    ['LEAD', 'Can you screen out anyone with mental problems?'],
    ['AGENT', 'You are from Haiti, so North Miami will feel like home.'],
    ['MODEL', 'Tell the owner an older woman tenant is the safer choice for the studio.'],
    ['LEAD', 'The buyers are Sikh. We should drag our feet on their offer.'],
    ['AGENT', 'Let us hold the offer from the pregnant buyer until last.'],
    ['LEAD', 'If a family with kids calls about the loft, steer them elsewhere.'],
    ['LEAD', 'I want a neighborhood without so many Nicaraguans.'],
    ['LEAD', 'Busco un barrio sin tantos nicas, por favor.'],
    ['AGENT', 'Yo le diría no aceptar la oferta de la familia árabe.'],
  ])('%s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});

describe('near-misses it leaves alone', () => {
  it.each<Case>([
    ['LEAD', 'im a single mother so I want a unit with a laundry room'],
    ['LEAD', 'im disabled and I need a ground floor unit'],
    ['AGENT', 'You asked if the renter is gay, and that is not something I can consider.'],
    ['AGENT', 'Señora, no podemos rechazar a los inquilinos por tener niños.'],
    ['LEAD', 'We want no dark or bright colors on the siding'],
    ['LEAD', 'We are moving from a similar neighborhood and want a bigger yard.'],
    ['AGENT', 'The open floor plan will make it feel like home for your dogs.'],
  ])('%s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});
