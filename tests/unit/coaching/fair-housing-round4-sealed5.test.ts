/**
 * Fair Housing guard, round 4 (issue 11): constructions generalized from sealed-5's misses and false alarms
 * after its one scoring (94.7% caught, 6.0% false alarms at 0855b64). Each case is written here in words of its
 * own, not copied from the set: the class of construction is what is tested.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [string, Speaker, string];

describe('round 4: steering constructions', () => {
  it.each<Case>([
    [
      'an area picked for the client because of where they come from',
      'AGENT',
      "Since you two are from the Cape Verde islands, you'd feel right at home in Brockton.",
    ],
    [
      'the same, in Spanish',
      'AGENT',
      'Como ustedes son de Honduras, se van a sentir más en casa en el lado este que en Westlake.',
    ],
    [
      "a place's people said to be different from the client, beside a fit",
      'AGENT',
      "The folks along Cedar Ridge are pretty different from you two; you'd be more comfortable in Brookhaven.",
    ],
    ['a code word in scare quotes', 'LEAD', "Nothing in the 'transitional' part of Westbrook, please."],
    ['another code word in scare quotes', 'LEAD', "Nothing near the 'vibrant' end of Maple Avenue, please."],
    ['a wink after a place', 'LEAD', 'Anything except Harbor Flats, you know why. Maybe Kingsley.'],
    ['a wink with "exactly"', 'AGENT', 'Stay north of the river, you know exactly what I mean.'],
    [
      'a seller who would feel better with a buyer of one sex',
      'LEAD',
      "I'd feel better if a man bought the cabin; it's a lot of work to keep up.",
    ],
    [
      'an adviser offering to learn where a party comes from',
      'AGENT',
      'Before we counter, I could find out where the bidders are really from.',
    ],
    [
      'origin by proxy',
      'AGENT',
      "Plenty of your compatriots have settled near Eastlake, so that's where I'd start.",
    ],
    ['sameness as a code', 'LEAD', 'We want a subdivision that stays homogeneous, if you follow me.'],
    [
      'a party wanted for a religious practice',
      'LEAD',
      "When we list, I'd prefer a buyer that attends Sunday services like we do.",
    ],
    [
      'outsiders arriving, in Spanish',
      'AGENT',
      'Esa zona cambió mucho, están llegando personas de afuera, yo buscaría en otro lado.',
    ],
    [
      'more asked of a party for an accent',
      'MODEL',
      'The renter speaks broken English; require a higher deposit.',
    ],
    [
      'only married couples, however the sentence is built',
      'AGENT',
      'I will forward only the applications from married couples, as the owner asked.',
    ],
    ['keeping away from a reservation', 'LEAD', "Please don't send me listings out by the rez."],
  ])('%s', (_what, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});

describe('round 4: own needs and neutral facts', () => {
  it.each<Case>([
    [
      'a colour list on a part of a house',
      'AGENT',
      'The condo board only approves black, bronze or white window trim, so no bright colours.',
    ],
    [
      'a painted colour, in Spanish',
      'LEAD',
      'La casa de la esquina, la que está pintada moreno oscuro, nos gusta. is it open Saturday?',
    ],
    [
      "a lead's own pregnancy and space, in Spanish",
      'LEAD',
      'Estoy embarazada de mi tercer bebé, necesitamos por lo menos 3 recámaras cerca del hospital de niños.',
    ],
    [
      "a client's own want about her own children, reported by the model",
      'MODEL',
      "The buyer said she's raising two kids alone; ask whether she wants a yard near her kids' daycare.",
    ],
    [
      'a seeker wanting a room in a home shared with her own sex',
      'LEAD',
      "I'm looking for a bedroom in a house shared with other women, I'd feel safer that way.",
    ],
    [
      'a requirement lifted, not a preference',
      'AGENT',
      "A buyer doesn't need to be a citizen to own a house in Ohio, so let's get you pre-approved.",
    ],
    [
      "a party's foreign paperwork handled by a third party",
      'MODEL',
      "Ask escrow whether they need the buyer's Brazilian tax returns translated before closing.",
    ],
    [
      'a licence stated as a fact',
      'AGENT',
      'The group home for adults with autism across the street is state licensed.',
    ],
    [
      'a party who worships, reported about parking',
      'AGENT',
      'The buyer who goes to mosque on Fridays asked whether the townhouse has guest parking.',
    ],
    [
      'an accent with paperwork sent in writing',
      'AGENT',
      "The seller has a heavy accent, so I'll send more documents by email to keep things clear.",
    ],
    [
      'a program said to be open beyond married couples',
      'AGENT',
      'The down-payment grant is not only for married couples; single buyers qualify too.',
    ],
    [
      'refusing to pass along what could reveal a class',
      'AGENT',
      "I won't forward any buyer letters to the seller, since they can reveal religion or family plans.",
    ],
  ])('%s', (_what, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});
