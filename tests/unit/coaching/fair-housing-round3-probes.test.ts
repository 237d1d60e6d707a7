/**
 * Fair Housing guard, round 3 step 3 (issue 11): two more probe batches written by this helper after step 2 and
 * scored before fixing (16/20 caught, 0/20 false alarms; then 15/20, 0/20 — HEAD bf746a8 16/20, 1/20 and 15/20,
 * 0/20: the tuning on sealed-4 did not raise catches on new sentences). The constructions behind their misses,
 * each in words of its own. Then a sixth batch (12/15 caught, 1/15 false alarms at first scoring) and a seventh (13/20, 1/20), HEAD the same on both.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [string, Speaker, string];

describe('round 3 step 3: steering constructions', () => {
  it.each<Case>([
    [
      'a people noun before a preposition and a shop',
      'AGENT',
      'There are so many immigrants at the corner market there now, just so you know.',
    ],
    [
      'a place with a foreign feel',
      'AGENT',
      'Southgate has an ethnic vibe these days; Lakewood might suit you better.',
    ],
    [
      'the same church, with an adjective',
      'LEAD',
      'we want a block where everyone belongs to the same Catholic parish',
    ],
    [
      'psychiatric medication asked about',
      'LEAD',
      'is it ok to ask the renters whether they take any mental health meds?',
    ],
    ['a person "too dark" next door', 'LEAD', "I don't want neighbors that dark, if you get me"],
    ['residents asked about by colour', 'LEAD', 'are the people across the street black or white?'],
    [
      'a party asked about by shade',
      'LEAD',
      "is the tenant's husband light or dark? the board wants to know",
    ],
    [
      'a name that "suggests" an origin',
      'MODEL',
      "The applicant's surname suggests an Arab background; ask the landlord if that is a concern.",
    ],
    [
      'urban people moving in',
      'AGENT',
      "Prices are fine, but there's a lot of urban families moving into Elm Heights.",
    ],
    [
      'the client would feel out of place',
      'AGENT',
      "With all the halal butchers around there, you'd probably feel kind of out of place.",
    ],
    // Generalized from every labelled 'crowd' / 'demographics' sentence: any kind of crowd a place is said to have.
    [
      'a place with a kind of crowd',
      'AGENT',
      'Parkview tends to get the section-eight crowd, so I would focus on Elmwood.',
    ],
    ['areas ranked by demographics', 'LEAD', 'which suburbs have good demographics for a family like ours?'],
    // Batch 7 (first scored 13/20 caught, 1/20 false alarms; HEAD the same).
    [
      'residents counted by descent',
      'MODEL',
      'Recommend Hillside, where the homeowners are mostly of Scandinavian ancestry, as the client asked.',
    ],
    [
      'a spouse asked about for the owner',
      'AGENT',
      'Quick question for the owner: is there a wife living with you, or is it just you?',
    ],
    [
      "a culture's music as a proxy",
      'LEAD',
      'nothing on the south side with that reggaeton music all night, you know what I mean',
    ],
    [
      'a party predicted an easier time by colour',
      'AGENT',
      'Between us, a white buyer would have a much easier time with that co-op board.',
    ],
    [
      'a wink beside a compass direction',
      'AGENT',
      "Stay north of the river; further south it's a different story, if you get my drift.",
    ],
    // Batch 6 (first scored 12/15 caught, 1/15 false alarms; HEAD the same).
    [
      'a place left because it changed',
      'LEAD',
      'my parents left Southfield once the neighborhood changed, we want to avoid that',
    ],
    [
      'a picture of the party sent so the decider can see',
      'AGENT',
      'I emailed the landlord a photo of the applicants so she could check for herself.',
    ],
    [
      'a scare-quoted better crowd',
      'AGENT',
      "Eastbrook draws a more 'respectable' crowd than the area by the river.",
    ],
  ])('%s', (_construction, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});

describe('round 3 step 3: still not steering', () => {
  it.each<Case>([
    ['a fence colour beside a neighbour', 'LEAD', "the neighbors' fence is white, can we match it?"],
    ['a kind of wood', 'LEAD', 'is the kitchen floor dark or light wood?'],
    [
      'the speaker asking for their own medication storage',
      'LEAD',
      'I take psych meds and need a locking cabinet, is that something I can install?',
    ],
    [
      "a kin's own child in the household",
      'LEAD',
      'my son and his toddler live with us now, so we want a fourth bedroom rather than an office',
    ],
    ['an event crowd', 'LEAD', 'the stadium gets a huge game-day crowd, does parking spill onto the street?'],
    [
      'a place that changed hands',
      'LEAD',
      'the condo changed management after the building changed owners, is the HOA fee going up?',
    ],
  ])('%s', (_construction, speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});
