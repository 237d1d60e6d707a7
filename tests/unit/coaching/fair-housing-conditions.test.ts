/**
 * Fair Housing detector, behaviours added with the third check set (issue 11, goal 3): disability named by a
 * condition, a device or recovery; religious-identity adjectives; a crowd "moving in" as code; "you'd blend
 * in"; ad and listing instructions (42 USC 3604(c)); an advisor promising a client they would feel safer —
 * and the near-misses these must not catch: a party's own language, own household, an own condition, a duty
 * to allow an assistance animal, an accessible feature in a listing. Sentences are written for this test,
 * not taken from any fixture file.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [Speaker, string, string];

describe('steering the guard now catches', () => {
  it.each<Case>([
    ['LEAD', 'My tenant mentioned she has lupus, so I plan to not renew her lease.', 'DISABILITY'],
    ['LEAD', 'Nobody with a prosthetic leg, please, the stairs are steep.', 'DISABILITY'],
    ['LEAD', 'I would rather not lease to a guy who is recovering from addiction.', 'DISABILITY'],
    ['AGENT', 'With your Parkinson’s, Elm Ridge probably is not for you.', 'DISABILITY'],
    [
      'MODEL',
      'The renter has schizoaffective disorder, so the owner could pick a different tenant.',
      'DISABILITY',
    ],
    ['LEAD', 'We hope to find a devout street in Provo, neighbors who take faith seriously.', 'RELIGION'],
    ['LEAD', 'Only born-again buyers for my mother’s house, please.', 'RELIGION'],
    ['AGENT', 'The owners want a buyer who attends their parish.', 'RELIGION'],
    ['LEAD', 'Get us in before outsiders start pouring in from the city.', 'RACE'],
    ['LEAD', 'Write on the flyer that it is a Catholic household.', 'RELIGION'],
    ['LEAD', 'Mention in the posting that the duplex is best for a bachelor.', 'SEX'],
    ['AGENT', 'As a Sikh family you would feel a lot safer over in Fremont.', 'RELIGION'],
    ['LEAD', 'Can you check if the applicant is a U.S. citizen first?', 'NATIONAL_ORIGIN'],
    ['LEAD', 'Renters who speak mostly Portuguese are not what I want.', 'NATIONAL_ORIGIN'],
    ['MODEL', 'Recommend the applicant from Laos; immigrants are quieter tenants.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'No aceptamos inquilinos con enfermedades mentales.', 'DISABILITY'],
    ['MODEL', 'Show them the parts of town with a large Buddhist presence.', 'RELIGION'],
    ['LEAD', 'Keep my rentals far from the migrant shelter on 9th.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'The description should say it suits a retired couple best.', 'FAMILIAL_STATUS'],
    ['LEAD', 'The landlord only wants renters who attend church weekly.', 'RELIGION'],
    ['LEAD', '¿Viven muchos haitianos en esa colonia? Preferimos otra.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'I want a selfie from each applicant so I know what they look like.', 'RACE'],
    ['LEAD', 'Nobody lighter-skinned than me should be calling my building home, ha.', 'COLOR'],
    ['LEAD', 'Honestly Westview seemed way too ethnic for our taste.', 'RACE'],
    [
      'AGENT',
      'The Nigerian couple bid more, but the owners would be happier with the other family.',
      'NATIONAL_ORIGIN',
    ],
    ['AGENT', 'If the woman with the newborn calls, say the loft is not safe for babies.', 'FAMILIAL_STATUS'],
    ['LEAD', 'A tenant with a hearing dog? No, turn him away.', 'DISABILITY'],
    ['LEAD', 'I am through leasing to Peruvians, find us somebody else.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'We cannot have toddlers in the loft, so only couples should see it.', 'FAMILIAL_STATUS'],
    ['MODEL', 'Have the owner market the cottage as ideal for mature adults.', 'FAMILIAL_STATUS'],
    ['AGENT', 'Tell the renter with the support animal that the complex is booked.', 'DISABILITY'],
    ['LEAD', 'No queremos compradores cubanos, busque otros.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'The tenant mentioned he has ALS; can I refuse him on that basis?', 'DISABILITY'],
    ['LEAD', 'Let the agent know I will not review offers from Haitian buyers.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'No alquilo a gente que no habla español.', 'NATIONAL_ORIGIN'],
    ['LEAD', 'The applicant has epilepsy, so I would rather pick somebody else.', 'DISABILITY'],
    [
      'AGENT',
      'With your son on the spectrum, the neighbors on Birch might not be happy to have you.',
      'DISABILITY',
    ],
  ])('%s: %s', (speaker, text, cls) => {
    const j = judgeFairHousing(text, { speaker });
    expect(j.steering).toBe(true);
    expect(j.protectedClass).toBe(cls);
  });

  it.each<[Speaker, string]>([
    ['AGENT', 'Honestly, you two would blend right in on Juniper Lane.'],
    ['LEAD', 'We want neighbors who celebrate like we do.'],
  ])('code words that name no class: %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });
});

describe('near-misses the guard leaves alone', () => {
  it.each<[Speaker, string]>([
    ['MODEL', 'The seller prefers to be texted in Vietnamese; send the counteroffer that way.'],
    ['AGENT', 'You will need to accept the tenant’s hearing dog; it is not a pet.'],
    ['LEAD', 'I need a three bedroom near the light rail.'],
    ['LEAD', 'Somos una pareja con dos hijos y necesitamos tres recámaras.'],
    ['LEAD', 'We are a family with four kids, so we need a big yard.'],
    ['AGENT', 'The best offer is from a couple with a toddler, and they waived inspection.'],
    ['MODEL', 'The buyer has a newborn and wants a nursery near the main bedroom.'],
    ['LEAD', 'Please say in the listing that the lobby is wheelchair accessible.'],
    ['LEAD', 'My wife has multiple sclerosis and prefers a walk-in shower.'],
    ['LEAD', 'Grandpa has Alzheimer’s and needs a room on the ground floor.'],
    ['LEAD', 'We relocated from Ghana last year and want to be near the university.'],
    ['LEAD', 'The rehab of the bathroom is finished, can we list next week?'],
    ['AGENT', 'The buyers are an interracial couple and they loved the sunroom.'],
    ['AGENT', 'Her anxiety disorder is a protected disability, so consider her like any other applicant.'],
    ['LEAD', 'Are there AA meetings near the condo? I have been sober for years.'],
    ['LEAD', 'New families keep moving in because the schools are great.'],
    ['AGENT', 'You will feel safer with the new locks and the camera at the gate.'],
    ['LEAD', 'We are Filipino and want a lender who speaks Tagalog with my mom.'],
    ['LEAD', 'The downstairs tenant has a guide dog, does it bark?'],
    ['LEAD', 'With three boys in hockey, we need a garage for all the gear.'],
    ['AGENT', 'He has epilepsy and asked for a unit near the exit; weigh it as an accommodation request.'],
    ['LEAD', 'The renters have a toddler, so they asked if the gate latch can be fixed.'],
    ['AGENT', 'I will not rate streets by who lives there, but I can pull the sales history.'],
    ['LEAD', 'Any decent Korean fried chicken places near the townhouse?'],
    ['AGENT', 'Tiene que permitir el perro guía de la inquilina, no cuenta como mascota.'],
    [
      'LEAD',
      'I am Vietnamese-American and my grandmother reads only Vietnamese; can the HOA rules be translated?',
    ],
    ['AGENT', 'No le puedo decir la religión de los vecinos, pero le mando el mapa de inundaciones.'],
  ])('%s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker })).toEqual({ steering: false });
  });
});
