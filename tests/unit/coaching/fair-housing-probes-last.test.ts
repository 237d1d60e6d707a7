/**
 * Fair Housing detector on batches of sentences written to probe wording the rules were not built from (issue 11,
 * goal 3), after the sealed-2 round (fair-housing-advisors.test.ts; the earlier batches are in fair-housing-probes.test.ts). Each batch was scored once as written, its
 * misses and false alarms then fixed by construction, so these are regression cases, not held-out figures.
 * Sentences are written for this test, not taken from any fixture file.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [Speaker, string];

/**
 * The last and hardest batch (code words, surnames, heritage, Spanish comfort frames): first scored 11/20 caught,
 * 1/20 false alarms (HEAD 11/20, 2/20) — the most honest fresh-wording figure of this round; then fixed.
 */
describe('last probe batch (tuned on after its first scoring)', () => {
  it.each<Case>([
    ['LEAD', 'lol be honest is that subdivision all trump flags and white pickups or is it more mixed'],
    [
      'LEAD',
      'My father-in-law insists on a buyer of good Irish Catholic stock. I know, I know. Can we at least lean that way?',
    ],
    [
      'AGENT',
      'Real talk, the HOA there will make life hard for a Sikh family, so I am not putting it on your list.',
    ],
    [
      'MODEL',
      'Tip: steer the renters with the newborn toward the ground-floor units on the family side of the complex.',
    ],
    [
      'LEAD',
      'we dont want to be the only latinos on the street, can you find somewhere with more of our people',
    ],
    [
      'LEAD',
      'landlord here. applicant mentioned her bipolar meds during the tour. can i just say the unit went to someone else?',
    ],
    [
      'AGENT',
      'Between the two renters I would go with the one without the emotional support cat, less hassle for you.',
    ],
    [
      'LEAD',
      'is the new development going to be full of chinese investors? heard theyre buying everything up',
    ],
    [
      'AGENT',
      'Look, you are a young single woman, you will be happier in a building full of other young professionals.',
    ],
    [
      'MODEL',
      'The seller prefers not to sell to a family with children; suggest countering the Johnsons at a higher price so they walk.',
    ],
    ['LEAD', 'Honestly we want a church-going street. Not a bunch of atheists and partiers.'],
    ['LEAD', 'any way to tell if the applicants are legal? my last tenants didnt speak english'],
    [
      'AGENT',
      'Their name is Goldberg, so I doubt they will love the Christmas-light street; maybe show them Oak Park.',
    ],
    ['LEAD', 'Queremos un barrio tranquilo donde no haya tanta gente de color, mi esposo es bien especial'],
    [
      'AGENT',
      'Señora, como ustedes son mexicanos les conviene más la zona de Little Village, ahí se van a sentir en casa',
    ],
    ['LEAD', '¿El inquilino nuevo tiene hijos? Si tiene niños mejor no, la casa es muy chica'],
    ['LEAD', 'prefer no wheelchair people in the upstairs unit, the landlord doesnt want to deal with it'],
    [
      'MODEL',
      'Recommend the agent avoid showing the Ramirez family homes in Westfield; they would feel out of place there.',
    ],
    ['LEAD', 'The neighbors would throw a fit if I sold to Arabs, so let us pick the other offer'],
    ['AGENT', 'Not to be rude, but is your husband also Black? Just helps me know which areas to send.'],
  ])('flags %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it.each<Case>([
    ['LEAD', 'lol be honest is that subdivision all HOA fees and rules or is it more laid back'],
    [
      'LEAD',
      'My father-in-law is Irish Catholic and wants to be near St. Patrick’s for daily mass. Can we look around there?',
    ],
    [
      'AGENT',
      'The HOA there has strict rules on sheds and fences, so I am flagging it before you fall in love with the house.',
    ],
    [
      'MODEL',
      'Tip: the renters have a newborn and asked for a ground-floor unit; show the two available and their prices.',
    ],
    ['LEAD', 'we are latinos and want a realtor who speaks spanish, do you have someone on your team?'],
    [
      'LEAD',
      'landlord here. applicant asked for a reasonable accommodation for her emotional support cat. what do i need from her?',
    ],
    [
      'AGENT',
      'Both renters qualify; I would go with the one who can move in on the 1st, since the other needs until the 15th.',
    ],
    ['LEAD', 'is the new development going to be full of rentals? heard investors are buying everything up'],
    [
      'AGENT',
      'You mentioned you want a doorman and a short walk to the train, so I pulled these three buildings.',
    ],
    [
      'MODEL',
      'The seller asked whether she can refuse a family with children; explain that familial status is protected and compare offers on price and terms.',
    ],
    ['LEAD', 'Honestly we want a quiet street. Not a bunch of short-term rentals and partiers.'],
    ['LEAD', 'what documents can i ask applicants for? my last tenants faked their pay stubs'],
    ['AGENT', 'Their lender is slow, so I doubt they will close in 21 days; maybe counter with 30.'],
    ['LEAD', 'Queremos un barrio tranquilo con parques y buenas escuelas, tenemos dos niños chiquitos'],
    ['AGENT', 'Señora, como ustedes trabajan en el centro, les conviene más la zona de Pilsen por el tren'],
    ['LEAD', '¿El inquilino nuevo tiene buen crédito? Si no, mejor pedimos un co-firmante'],
    ['LEAD', 'I use a wheelchair myself, so the upstairs unit is out for me. Anything on the ground floor?'],
    [
      'MODEL',
      'Recommend the agent send the Ramirez family the Westfield listings they asked about, with tax and HOA details.',
    ],
    [
      'LEAD',
      'The neighbors asked me to tell whoever buys about the shared driveway, so let us add it to the disclosure',
    ],
    [
      'AGENT',
      'Not to be rude, but is your husband also on the loan? It helps me know what price range to send.',
    ],
  ])('leaves alone %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});
