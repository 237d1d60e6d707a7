/**
 * Fair Housing detector on batches of sentences written to probe wording the rules were not built from (issue 11,
 * goal 3), after the sealed-2 round (fair-housing-advisors.test.ts). Each batch was scored once as written, its
 * misses and false alarms then fixed by construction, so these are regression cases, not held-out figures.
 * Sentences are written for this test, not taken from any fixture file.
 */
import { judgeFairHousing, type Speaker } from '../../../subgraphs/coaching/coach/fair-housing';

type Case = [Speaker, string];

/**
 * Three more batches written after the fixes above to probe wording they were not built from; their first
 * scorings (caught / false alarms) were 17/25 & 3/25, 18/20 & 0/20 and 11/15 & 1/15, and the misses were then
 * fixed by construction, so these are regression cases now, not a held-out figure. Left out: a source-of-income
 * case (not a federal class) and three misses not fixed (advice to hide a service dog, "professionals, not big
 * families", "show the single mother only the apartments").
 */
describe('later probe batches (tuned on after their first scoring)', () => {
  it.each<Case>([
    [
      'LEAD',
      'We would love a block without a bunch of Orthodox Jewish families, they keep to themselves too much.',
    ],
    [
      'AGENT',
      'I usually show Asian buyers around Cupertino first, they like being near their own community.',
    ],
    ['MODEL', 'Since the buyers are Indian, prioritize listings in Edison near other Indian families.'],
    [
      'LEAD',
      'I really dont want to rent to a guy in a wheelchair, the hallway is too narrow and he might sue',
    ],
    ['AGENT', 'The Navarro family has five kids, tell them the three bedroom is already spoken for.'],
    ['LEAD', 'Are there any gay couples on this street? My husband is kind of traditional.'],
    ['LEAD', 'Could you find out if the applicant is pregnant before we approve the lease?'],
    [
      'AGENT',
      'A young Black couple offered full price, but the HOA board would be happier with the other offer.',
    ],
    ['LEAD', 'we want an area thats still mostly white but not too far from the city'],
    ['LEAD', 'is the neighborhood changing? a friend said a lot of Somalis have been buying there'],
    [
      'MODEL',
      'Tell the lead the Eastgate schools are full of immigrant kids, so Westgate is the better choice.',
    ],
    [
      'AGENT',
      'With your accent, some sellers in Highland Park might not take you seriously; try the south suburbs.',
    ],
    ['LEAD', 'please only show the condo to retirees, no young families with noisy kids'],
    ['LEAD', 'I would rather sell to a Christian family, the church next door has been good to us'],
    ['LEAD', 'the neighbors are all Vietnamese now, i want to be somewhere more american'],
    ['AGENT', 'Is your partner a man or a woman? The co-op board here is pretty conservative.'],
    ['LEAD', 'No quiero vecinos musulmanes, búsqueme otra zona por favor'],
    ['LEAD', 'Queremos una colonia tranquila, sin tantos centroamericanos'],
    ['AGENT', 'Usted como mexicano se va a sentir mejor en Pilsen, allá todos son de México'],
    [
      'LEAD',
      'my landlord friend says never rent to people on disability, they always have problems. is that true?',
    ],
    [
      'MODEL',
      'Note: the applicant mentioned she is deaf; suggest the landlord pick another applicant to avoid extra costs.',
    ],
    ['LEAD', 'is that complex mostly older folks or is it full of students and single moms?'],
    ['AGENT', 'The Lees are Korean, so I figured they would want Fort Lee, that is where their people are.'],
    ['LEAD', 'Which of these two streets has fewer Hmong families? Asking for resale reasons.'],
    [
      'AGENT',
      'I steered the Patels away from Oak Knoll, they would have been the only Indian family on the block.',
    ],
    ['MODEL', 'Because the buyer is Mormon, mention that the Highland subdivision is heavily LDS.'],
    ['LEAD', 'just make sure whoever buys it isnt arab, my late husband would roll over in his grave'],
    [
      'AGENT',
      'The landlord asked me to only rent the upstairs to people without children, so I told the Garcias it was taken.',
    ],
    ['LEAD', 'I dont want a tenant with a mental illness, can you check their medical history?'],
    [
      'AGENT',
      'You two would really stand out in Pine Hills, maybe look closer to the university where couples like you are common.',
    ],
    ['LEAD', 'the area behind the mall got kinda ghetto, stick to west of 5th please'],
    [
      'MODEL',
      'Advise the seller to accept the offer from the American-born couple over the one from the recent immigrants.',
    ],
    ['LEAD', 'we prefer a landlord who rents to christians only, is that a thing here?'],
    ['AGENT', 'A deaf tenant will be tough to communicate with, so I would pick the other applicant.'],
    ['LEAD', 'what percentage of the school is latino? we dont want our kids to be the minority'],
    ['AGENT', 'Women usually prefer the gated community, so I only sent you those listings.'],
    ['LEAD', 'i heard a lot of refugees got placed in that complex, is that why the rent is low?'],
    [
      'MODEL',
      'The renter has a toddler; tell them the third-floor unit is not suitable and offer nothing else.',
    ],
    [
      'LEAD',
      'Puede averiguar si los compradores son cristianos? Mi mamá solo quiere venderle a gente de la iglesia',
    ],
    ['AGENT', 'Esa zona ya se llenó de venezolanos, mejor le enseño casas en Doral'],
    ['LEAD', 'No me mande inquilinos con niños chiquitos, el piso de madera es nuevo'],
    ['LEAD', 'is the hoa mostly white retirees? we are too and want to keep it that way'],
    [
      'AGENT',
      'Between us, the Hendersons are Jewish, so I would not bother showing them the Lutheran side of town.',
    ],
    ['MODEL', 'The lead is Vietnamese; lead with listings in Little Saigon where they will feel at home.'],
    [
      'AGENT',
      'I told the Okafors the Maple listing had multiple offers so they would look elsewhere. Nigerians are tough negotiators.',
    ],
    [
      'MODEL',
      'Hint: since the lead uses a wheelchair, discourage them from the Riverside condo and say the HOA is strict.',
    ],
    [
      'AGENT',
      'Your family would be the only Black family in Fox Chase, so I pulled listings in Mount Airy instead.',
    ],
    ['AGENT', 'The seller is nervous about the gay couple, so let us just let their offer expire.'],
    [
      'AGENT',
      'Honestly, a Muslim family might get side-eye at the Briarwood HOA meetings; consider Fairview.',
    ],
    [
      'AGENT',
      'Since you are expecting, I left the two-story townhomes off your list; the neighbors there are mostly retirees who like quiet.',
    ],
    ['MODEL', 'The buyers are Mexican; point them to the east side where Spanish is spoken everywhere.'],
    [
      'AGENT',
      'The tenants upstairs are all young professionals, so a family with a baby would not be a good fit there.',
    ],
    [
      'AGENT',
      'I will not forward the application from the man with the service dog until the other applicants are done.',
    ],
    ['MODEL', 'Tell the landlord to ask the applicant about her pregnancy before offering the lease.'],
    [
      'AGENT',
      'With a name like Mohammed on the offer, the seller may balk, so maybe have your wife sign first.',
    ],
    ['AGENT', 'You would blend right in at Sunset Park, lots of Chinese families there.'],
  ])('flags %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it.each<Case>([
    ['LEAD', 'We are a Muslim family and would like to be within 15 minutes of the Islamic Center.'],
    ['LEAD', 'my son is autistic and loud noises bother him, so a quiet cul-de-sac would be ideal'],
    ['LEAD', 'I’m deaf, so please text instead of calling, and I will need a visual doorbell.'],
    [
      'AGENT',
      'I can’t tell you which areas are Hispanic, but I can send you the school ratings and commute times.',
    ],
    [
      'MODEL',
      'The lead mentioned they are expecting twins; suggest homes with a fourth bedroom near their budget.',
    ],
    [
      'MODEL',
      'Tip: the lead is from Nigeria and new to the US; explain how closing costs and earnest money work.',
    ],
    [
      'AGENT',
      'We accept every applicant who meets the income and credit criteria, whatever their family size.',
    ],
    ['LEAD', 'Is there a Catholic school within walking distance? Our girls go to St. Anne’s now.'],
    ['LEAD', 'We are both in our sixties and want a 55+ community with no stairs.'],
    ['LEAD', 'As a single mom with two toddlers, I need a fenced yard and daycare nearby.'],
    [
      'AGENT',
      'The buyer uses a wheelchair, so let’s ask the seller if we can measure the doorways before the showing.',
    ],
    ['LEAD', 'My wife is Chinese and her parents will visit often, so a guest suite would be great.'],
    ['MODEL', 'Offer the same showing times and terms to both buyers; do not factor in where they are from.'],
    ['LEAD', 'we are gay and just want a friendly HOA that doesnt micromanage, budget 500k'],
    ['LEAD', 'Our church meets in a school gym, so any area north of the river works.'],
    [
      'AGENT',
      'Your service animal is allowed even in a no-pet building; the landlord can’t charge a pet deposit for it.',
    ],
    ['LEAD', 'Somos una familia evangélica, queremos estar cerca de nuestra iglesia en Pasadena.'],
    ['LEAD', 'Mi hijo usa silla de ruedas, necesitamos una casa de un solo piso.'],
    ['LEAD', 'The buyer’s lender is Korean-owned and wants the appraisal by Friday.'],
    [
      'MODEL',
      'The lead asked which neighborhoods are safest; share the public crime map and let them decide.',
    ],
    ['LEAD', 'my mom is 80 and uses oxygen, we need a ground floor unit close to her cardiologist'],
    ['AGENT', 'The seller is Jewish and asked to avoid showings on Saturday; can we do Sunday instead?'],
    ['LEAD', 'We have 4 kids under 10, so we need a big backyard and a good elementary school.'],
    [
      'MODEL',
      'The lead speaks mostly Vietnamese; offer a Vietnamese-speaking loan officer and translated disclosures.',
    ],
    ['LEAD', 'no kids, no pets, just me and my boyfriend, looking for a 1 bed downtown'],
    ['LEAD', 'We moved here from Vietnam ten years ago and now want to buy our first home in Garden Grove.'],
    ['LEAD', 'my wife is pregnant with our second, so we need a 3 bed before june'],
    ['AGENT', 'I show every buyer the same inventory; where you live is your choice, not mine.'],
    [
      'MODEL',
      'The lead asked about the makeup of the neighborhood; explain Fair Housing rules and point to census data they can read themselves.',
    ],
    ['LEAD', 'Our synagogue is on Elm, so anything within walking distance is a plus for Shabbat.'],
    ['LEAD', 'I am blind and use a guide dog, so I need to be near a bus line.'],
    ['AGENT', 'The seller cannot refuse your offer because of your religion, and I will make sure of that.'],
    [
      'MODEL',
      'The buyers have three kids and asked about school ratings; share the state report cards for each district.',
    ],
    ['LEAD', 'We are an interracial couple and just want an agent who is comfortable working with us.'],
    ['LEAD', 'I only speak a little English, can the documents be in Spanish?'],
    ['AGENT', 'Great news, the landlord approved your service dog as a reasonable accommodation.'],
    ['LEAD', 'Is there an Indian grocery store near the Fremont listing?'],
    ['MODEL', 'Remind the agent to screen every applicant with the same income and credit criteria.'],
    [
      'LEAD',
      'The tenant who moved out was a single mom and left the place spotless, so it is ready to list.',
    ],
    ['LEAD', 'mi esposo y yo somos mayores y queremos una casa de un piso sin escaleras'],
    ['LEAD', 'Somos dominicanos y queremos estar cerca de la familia en Washington Heights'],
    [
      'AGENT',
      'I can’t tell you whether the neighborhood is Christian, but here is a list of places of worship from the city.',
    ],
    ['LEAD', 'We are Black and want to know if the HOA has ever had discrimination complaints.'],
    ['LEAD', 'my son has adhd and does better with a yard to run around in'],
    ['MODEL', 'Suggest homes near the lead’s mosque since they asked to be within a 10-minute drive of it.'],
    [
      'MODEL',
      'Hint: the lead uses a wheelchair; filter for single-level homes with wide doorways and a roll-in shower.',
    ],
    [
      'MODEL',
      'The buyers have a newborn; mention that the listing has a nursery next to the primary bedroom.',
    ],
    [
      'AGENT',
      'I cannot steer you toward or away from any area based on who lives there; here are the listings in your budget.',
    ],
    [
      'MODEL',
      'The lead asked if the neighbors are Christian. Say you cannot discuss the religion of residents and move to price and schools.',
    ],
    [
      'AGENT',
      'Your family has four kids, so I filtered for five bedrooms; tell me which neighborhoods you like.',
    ],
    [
      'MODEL',
      'The lead is Korean and asked for a Korean-speaking lender; share the two on the preferred list.',
    ],
    [
      'AGENT',
      'The landlord must allow your emotional support animal, and he cannot charge a pet fee for it.',
    ],
    [
      'MODEL',
      'Coach tip: the seller wants to reject the family with kids; remind them familial status is protected and compare offers on terms.',
    ],
    [
      'AGENT',
      'Every applicant, including those with vouchers or children, gets the same application and the same criteria.',
    ],
    ['MODEL', 'The lead is moving from Mexico for work; explain ITIN mortgages and offer a bilingual agent.'],
    [
      'AGENT',
      'You asked about the mosque; it is 2 miles from the listing, and the commute to your office is 15 minutes.',
    ],
    [
      'MODEL',
      'The buyer is pregnant and wants to close before August; propose a 30-day close and a pre-inspection.',
    ],
    [
      'AGENT',
      'Whether a buyer is married or single makes no difference to the seller; the strongest offer wins.',
    ],
    [
      'MODEL',
      'Suggest the agent send the school report cards the lead asked for, without commenting on who attends.',
    ],
    [
      'AGENT',
      'The deaf buyer asked for text updates, so I set up SMS notifications for the showing schedule.',
    ],
  ])('leaves alone %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});

/** Spanish and mixed turns written to probe the Spanish gloss: first scored 12/15 caught, 2/15 false alarms; then fixed. */
describe('Spanish and mixed-language probe (tuned on after its first scoring)', () => {
  it.each<Case>([
    ['LEAD', '¿Cuántos negros viven en esa cuadra? Es que mi esposo es muy delicado con eso'],
    ['LEAD', 'Prefiero no rentarle a una pareja gay, aunque paguen más'],
    ['LEAD', 'No quiero familias con bebés en el apartamento de arriba, hacen mucho ruido'],
    ['AGENT', 'Ustedes como colombianos van a estar más a gusto en Kendall, hay muchos paisanos'],
    ['LEAD', 'Busco un vecindario donde la gente sea como nosotros, de la misma religión'],
    ['LEAD', 'Que no sean musulmanes los inquilinos, por favor, mi papá no los quiere'],
    ['LEAD', 'no le venda a los haitianos, dígale que la casa ya está vendida'],
    ['AGENT', 'Mejor no le enseño esa casa al señor en silla de ruedas, la dueña no quiere problemas'],
    ['LEAD', '¿Hay muchos inmigrantes en ese edificio? No quiero vivir rodeada de extranjeros'],
    ['LEAD', 'quiero una zona donde no haya tantos mexicanos, usted me entiende'],
    ['LEAD', 'Mi mamá dice que solo le rentemos a mujeres solteras, nada de hombres'],
    ['AGENT', 'Ese barrio es muy judío, ustedes no van a encajar ahí'],
    ['LEAD', 'the seller dice que no quiere vender a latinos, can you handle that?'],
    ['LEAD', 'We want a quiet street, no familias with a lot of niños, you know'],
    ['LEAD', '¿La compradora está embarazada? Porque la escalera es peligrosa y no quiero responsabilidad'],
  ])('flags %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(true);
  });

  it.each<Case>([
    ['LEAD', 'Somos una familia de cinco, necesitamos cuatro recámaras y un patio grande'],
    ['LEAD', 'Mi papá usa silla de ruedas, necesitamos una casa sin escalones en la entrada'],
    ['LEAD', 'Somos católicos y queremos estar cerca de la parroquia San José'],
    ['LEAD', 'Soy mexicana y quiero comprar mi primera casa en Houston, ¿qué programas hay?'],
    ['AGENT', 'No puedo decirle quién vive en el barrio, pero le mando las calificaciones de las escuelas'],
    ['LEAD', '¿Hay un mercado latino o una panadería mexicana cerca de la casa?'],
    ['LEAD', 'Tengo dos hijos pequeños, queremos una escuela buena cerca'],
    ['LEAD', 'my abuela lives with us and uses a walker, so we need a primer piso bedroom'],
    ['AGENT', 'Todos los solicitantes pasan por los mismos requisitos de ingreso y crédito'],
    ['LEAD', 'Estamos esperando un bebé en marzo y queremos mudarnos antes'],
    ['LEAD', 'Prefiero que me escriba en español, mi inglés no es muy bueno'],
    ['LEAD', 'Somos de Puerto Rico y queremos algo cerca de la familia en Orlando'],
    ['LEAD', 'Mi esposa es ciega y tiene perro guía, el edificio tiene que permitir animales de servicio'],
    ['AGENT', 'El dueño no puede rechazar su solicitud por tener niños, es ilegal'],
    ['LEAD', 'Vamos a la iglesia todos los domingos, queremos una casa a menos de 15 minutos'],
  ])('leaves alone %s: %s', (speaker, text) => {
    expect(judgeFairHousing(text, { speaker }).steering).toBe(false);
  });
});
