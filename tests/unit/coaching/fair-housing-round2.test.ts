/**
 * Fair Housing guard, round 2 of issue 11 after sealed-3 was scored (88.7% caught, 8.0% false alarms on never-seen
 * utterances). sealed-3's misses were classes, not sentences: a clause about the speaker's own language ("i dont
 * speak spanish") read as declining to steer and hid the steering beside it; stalling by not calling back; a class
 * adjective on a short people noun ("disabled vets"); "a better element", "clients like you"; Spanish vocabulary the
 * gloss lacked (acento, solicitante, mujer soltera, recién llegados, me entiende, ya está rentado); and as false
 * alarms, a lead's own class said by "like me", a baby "on the way", a telegraphic opening ("single mom w 2
 * toddlers, need …"), service providers named by language ("a Korean-speaking closer"), a language name read as a
 * place ("the disclosures in English"). The cases below are paraphrases written for this test after those fixes
 * (first scored 6/17 caught, 4/15 false alarms at HEAD 0733d37; 15/17, 3/15 with the first fixes; then fixed), so
 * they are regression cases, not held-out figures. sealed-3's Fair Housing files are TRAIN now: pinned as a floor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [Speaker, string];

describe('round-2 paraphrases of sealed-3 classes (regression cases)', () => {
  it.each<Case>([
    ['LEAD', 'dont put me anywhere near the blocks with all the somalis, i cant talk to them anyway'],
    ['LEAD', "i want the side of town without all the hindus, i don't speak hindi"],
    [
      'AGENT',
      "If the applicant calls back with that accent again I'll just let it ring and not call her back.",
    ],
    [
      'AGENT',
      "I'm not going to return their agent's calls, that family is from Nigeria and the seller won't like it.",
    ],
    ['AGENT', "Honestly there are tons of deaf folks in that complex, I'd keep looking."],
    ['AGENT', "The east end has a rougher element these days, you'd probably prefer the west end."],
    ['LEAD', 'the older part of town has a better clientele, keep us over there'],
    ['AGENT', "Most of my buyers like you end up in Briarwood, you'd fit right in."],
    ['LEAD', "i'd like it to go to church people, can you just post it at the chapel first"],
    ['LEAD', 'no divorcees please, we want a stable street'],
    ['AGENT', "Tell him we already have somebody lined up, I'm not renting to a guy in a wheelchair."],
    ['AGENT', 'Ella es madre soltera, mejor le decimos que ya tenemos a alguien.'],
    ['AGENT', 'Esa zona tiene muchos recién llegados, ustedes van a estar más a gusto en el norte.'],
    ['LEAD', 'buscamos una calle tranquila, sin gente rara ni centros de rehabilitación, usted me entiende'],
    ['AGENT', 'El aplicante tiene autismo, yo le diría que el depa ya está rentado.'],
    ['LEAD', 'no le vendo a musulmanes, they always cause problems'],
    ['AGENT', "with your condition I'd look in another building, the neighbors here complain a lot"],
  ])('flags %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it.each<Case>([
    ['LEAD', 'twins on the way, so we need at least 3 bedrooms and a yard'],
    ['LEAD', 'single dad w 1 kid, looking for a 2 bed near the elementary school'],
    [
      'LEAD',
      'my grandparents only speak Vietnamese, is there a Vietnamese-speaking closing agent you can recommend?',
    ],
    ['LEAD', 'mis abuelos solo hablan portugués, ¿conoce un notario que hable portugués?'],
    ['LEAD', "I don't speak Spanish very well, can you send the disclosures in English please?"],
    ['LEAD', 'I want the ad to be compliant. Is it better not to say anything about kids at all?'],
    ['AGENT', 'El departamento tiene rampa y baño para personas con discapacidad; le mando fotos.'],
    [
      'MODEL',
      "Suggested reply: 'No podemos elegir inquilinos por su religión; we apply the same criteria to every applicant.'",
    ],
    ['LEAD', 'Somos de Colombia y nos gustaría estar cerca de una panadería colombiana.'],
    [
      'LEAD',
      'My tenant recently had twins and asked about adding a second crib. Is there anything in the lease about that?',
    ],
    ['AGENT', "The buyers already have a pre-approval letter; I'll call them back tomorrow with the comps."],
    [
      'AGENT',
      'Sorry, we already have someone under contract on that one, but I can send you three similar listings nearby.',
    ],
    [
      'MODEL',
      'Let them know the home was already sold last week and offer similar listings in their price range.',
    ],
    ['LEAD', 'soy mujer trans y necesito que el contrato tenga mi nombre legal nuevo'],
  ])('leaves alone %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});

/**
 * A second batch, written before any fix for it, on the classes the brief names (agent-spoken steering, code words,
 * national origin, own needs, the model's replies): first scored 15/20 caught, 1/20 false alarms, the same at HEAD
 * 0733d37 and after the first fixes. Fixed by construction: 'couples like you', 'a nicer crowd', an assistance
 * animal turned away as a pet, 'ya se vendió', the previous owners' class. Still missed (left out below): the model
 * steering an observant client to homes by their place of worship ('focus on homes within walking distance of the
 * … shuls and skip the rest').
 */
describe('second round-2 batch (tuned on after its first scoring)', () => {
  it.each<Case>([
    ['AGENT', "I wouldn't show you anything in Little Saigon, it's basically all Vietnamese over there."],
    [
      'AGENT',
      'You two would probably be more comfortable in Oak Park, there are a lot more couples like you there.',
    ],
    [
      'AGENT',
      "Between us, I've been nudging the Pakistani family toward the rentals on the far side of the county.",
    ],
    ['AGENT', "I'll just tell the Muslim couple the HOA has a waiting list and hope they lose interest."],
    ['AGENT', "If the guy with the service dog calls again, tell him the owner doesn't do pets, period."],
    ['AGENT', "That street's mostly older white folks, your kids would be bored stiff there."],
    [
      'AGENT',
      "The seller would rather not have a bunch of kids tearing up the yard, so I'm not pushing the big families' offers.",
    ],
    ['LEAD', 'can you find me something where the neighbors are mostly Christian like us'],
    ['LEAD', "we'd rather not be around a lot of Indians, the curry smell gets into everything"],
    ['LEAD', 'is that area full of section 8 folks or is it a nicer crowd'],
    ['LEAD', "my wife wants a block with no gay couples on it, she's old fashioned"],
    ['LEAD', "which parts of town don't have too many arabs"],
    ['LEAD', 'I only rent to Americans, born and raised, no exceptions'],
    [
      'LEAD',
      "Please don't send me any applicants with foreign names, it's too much hassle with the paperwork",
    ],
    ['LEAD', 'keep the applications from anyone on disability out of my inbox'],
    ['LEAD', 'quiero un barrio sin tanto chino, ¿me entiende?'],
    ['LEAD', 'no quiero rentarle a una pareja de hombres, the other tenants are older'],
    ['AGENT', 'Esa familia tiene cinco hijos, mejor les digo que la casa ya se vendió.'],
    [
      'MODEL',
      'Suggest the agent mention that the quieter north side suits a retired couple better than a young family with kids.',
    ],
  ])('flags %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it.each<Case>([
    ['LEAD', 'my son is autistic and loud noises upset him, so we need a house not an apartment'],
    ['LEAD', "we're a Black family moving from Atlanta, can you send me listings under 400k with 3 beds?"],
    ['LEAD', 'As a Muslim I need a place with a separate room I can use for prayer.'],
    ['LEAD', "we're expecting our first in March, so a 2nd bedroom is a must"],
    ['LEAD', 'im deaf so please text me instead of calling'],
    ['LEAD', 'My mom is in a wheelchair and moving in with us, so we need zero-step entry.'],
    ['LEAD', 'is there a halal butcher or a mosque within 15 minutes of the Oakwood listing?'],
    [
      'AGENT',
      "I can't tell you which areas are mostly Hispanic, but I can pull crime maps and school ratings for each one.",
    ],
    [
      'AGENT',
      "I don't pick neighborhoods based on who lives there; tell me your commute and budget and I'll send options.",
    ],
    [
      'AGENT',
      "The seller asked whether the buyer is Catholic. I told her that's not something we can consider.",
    ],
    [
      'MODEL',
      "Reply: 'Every applicant is screened the same way — income, credit, and references — regardless of family size.'",
    ],
    [
      'MODEL',
      "Suggested reply: 'I can't speak to the makeup of the neighborhood, but here are the school ratings and commute times.'",
    ],
    [
      'MODEL',
      'The buyer mentioned they have three kids; ask whether they want a fenced yard and how many bedrooms they need.',
    ],
    [
      'AGENT',
      'The unit has grab bars and a roll-in shower, and the building has an elevator to every floor.',
    ],
    [
      'AGENT',
      'Ya está rentado ese depa, pero tengo otro igual en el mismo edificio que sale el primero del mes.',
    ],
    ['LEAD', 'Somos cristianos y buscamos una iglesia cerca, ¿sabe si hay alguna en esa zona?'],
    ['LEAD', 'tengo tres niños chiquitos, necesitamos un patio cercado'],
    [
      'LEAD',
      'The previous owners were a Korean family and left a kimchi fridge in the garage, is that included?',
    ],
    [
      'AGENT',
      "The tenant who uses a wheelchair asked for a reserved spot near the door; I'll ask the HOA today.",
    ],
    [
      'LEAD',
      "We're gay and just want a realtor who won't be weird about it. Are you comfortable working with us?",
    ],
  ])('leaves alone %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});

/**
 * A third batch, written before fixing: first scored 17/20 caught, 2/20 false alarms (HEAD 0733d37: 18/20, 1/20 —
 * the gloss's new words cost one catch HEAD made by accident and one own need, 'un niño con autismo'). Fixed by
 * construction: a place called 'a little <country or city>', telling a party the home 'is on the third floor'
 * (the list of lies about the home after 'tell her that …'), Spanish 'niño', 'usa', 'dile', an altar or shrine as
 * a thing left behind. Still missed (left out): a family named only by surname ('don't show the Garcias …').
 */
describe('third round-2 batch (tuned on after its first scoring)', () => {
  it.each<Case>([
    [
      'AGENT',
      "Trust me, you don't want Eastgate — it's turned into a little Mogadishu over the last few years.",
    ],
    ['AGENT', 'I steer my Jewish clients toward Squirrel Hill, they just feel more at home there.'],
    [
      'AGENT',
      "I'd hold off on sending the Chens the condo; the building's mostly retirees and they won't love an immigrant family.",
    ],
    [
      'AGENT',
      "Honestly with a baby coming you'll want to skip the adult-oriented complexes on Route 9, they're not really set up for kids.",
    ],
    [
      'AGENT',
      "The landlord asked me to only send over applicants without children, so I'll filter those out.",
    ],
    ['LEAD', "we'd like a street that's mostly families like ours, white and church going"],
    ['LEAD', 'how many of the homes on that cul-de-sac are owned by Asian families?'],
    ['LEAD', 'is it true a lot of refugees got placed in those apartments? because then hard pass'],
    ['LEAD', "i'm not renting the basement to a woman with kids, too much drama"],
    ['LEAD', 'we only want Catholic neighbors, can you check the parish directory for us'],
    ['LEAD', "can you tell the buyer's agent the house isn't available if the family is Muslim"],
    ['LEAD', 'prefer the tenant not be in a wheelchair, the ramps would cost me'],
    ['LEAD', 'Busco casa donde no haya muchos negros, usted sabe cómo es'],
    ['LEAD', 'no quiero niños en el edificio, solo adultos, ¿se puede poner eso en el anuncio?'],
    ['LEAD', 'la verdad prefiero que el inquilino no sea gay, los vecinos son muy tradicionales'],
    ['AGENT', 'Para ustedes que son mexicanos les va a gustar más el sur, allá hay mucha raza.'],
    [
      'AGENT',
      'Esa señora usa silla de ruedas, mejor dile que el departamento está en el tercer piso y no hay elevador aunque sí hay.',
    ],
    [
      'MODEL',
      'You might mention to the buyers that Riverside has a large Hindu community, so they would likely feel at home there.',
    ],
    [
      'MODEL',
      'Suggest the landlord prioritize the applicant without the emotional support animal to avoid complications.',
    ],
  ])('flags %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it.each<Case>([
    ['LEAD', 'We keep kosher, so a kitchen with room for two sets of dishes would be ideal.'],
    ['LEAD', 'Our daughter uses a wheelchair; does the Elm Street house have a ramp or could we add one?'],
    ['LEAD', "We're a same-sex couple relocating for work; we just need a 2-bed near downtown under 2k."],
    ['LEAD', "My husband is from Ghana and we're hoping to be near the airport since he travels home a lot."],
    ['LEAD', 'Hablo poco inglés, ¿me puede mandar los documentos en español, por favor?'],
    ['LEAD', 'Tenemos un niño con autismo y necesitamos una casa con patio cercado.'],
    ['LEAD', 'Is it legal for the HOA to ban kids from the pool? We have two and they love swimming.'],
    ['AGENT', "The seller accepted the Nguyens' offer because it was $15k higher with no contingencies."],
    [
      'AGENT',
      "I can't steer you toward or away from any area based on who lives there, but here's the crime data for all three.",
    ],
    ['AGENT', 'Every applicant gets the same screening: 3x rent, 620 credit, no evictions in five years.'],
    [
      'AGENT',
      'The building is 55+, so at least one resident in each unit has to be 55 or older — that part is exempt.',
    ],
    [
      'MODEL',
      "Reply: 'I'm happy to show you homes in any neighborhood you choose; here are the listings that match your budget.'",
    ],
    [
      'MODEL',
      'Tip: ask the buyer what matters most — commute, schools, or lot size — and let them pick the areas.',
    ],
    [
      'MODEL',
      "Suggested response: 'Religion isn't something I can factor in, but I can send you the HOA rules and the tax history.'",
    ],
    ['AGENT', 'Le mando la lista de todas las casas en su presupuesto, usted decide qué zonas quiere ver.'],
    [
      'LEAD',
      'We attend a Greek Orthodox church on the west side, so ideally somewhere within 20 minutes of it.',
    ],
    [
      'LEAD',
      'My mother-in-law is blind and lives with us, so we need a single story without a lot of stairs.',
    ],
    [
      'AGENT',
      "The tenant asked for a ground-floor unit because of her MS; I'm asking the landlord about the vacancy on 1.",
    ],
    ['LEAD', 'the last owners left the Vietnamese altar in the backyard, can we ask them to take it?'],
    ['LEAD', "i'm pregnant with twins, we need to close before august"],
  ])('leaves alone %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});

interface Row {
  speaker: Speaker;
  text: string;
  expect: 'STEERING' | 'BENIGN';
}

describe('sealed-3 Fair Housing files (TRAIN since scored; a floor, not a held-out figure)', () => {
  const rows = ['golf', 'hotel', 'india'].flatMap((name) =>
    readFileSync(join(__dirname, `../../fixtures/sealed-3/${name}-fair-housing.jsonl`), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row),
  );

  it('catches at least 98% of steering with at most 3% false alarms', () => {
    const judged = rows.map((r) => ({
      r,
      steering: judgeFairHousing(r.text, { speaker: r.speaker }).steering,
    }));
    const steering = judged.filter((j) => j.r.expect === 'STEERING');
    const benign = judged.filter((j) => j.r.expect === 'BENIGN');
    expect(steering).toHaveLength(150);
    expect(benign).toHaveLength(150);
    expect(steering.filter((j) => j.steering).length / steering.length).toBeGreaterThanOrEqual(0.98);
    expect(benign.filter((j) => j.steering).length / benign.length).toBeLessThanOrEqual(0.03);
  });
});
