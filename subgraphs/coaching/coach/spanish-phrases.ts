/**
 * Multi-word Spanish constructions and their English gloss, by concept: negated verbs, objections, next steps,
 * questions, emotions, Fair Housing words and slot phrases (money, time, place, pre-approval). Patterns run on
 * folded text (lowercase, no accents) and are about the language — word classes and constructions, never a
 * particular conversation. Single words are in spanish-lexicon.ts.
 */

export type Phrase = [RegExp, string];

const p = (re: RegExp, gloss: string): Phrase => [re, gloss];

/** "no" + a verb: "no quiero" → "I don't want". */
const NEGATED_VERBS: Record<string, string> = {
  quiero: "I don't want",
  queremos: "we don't want",
  necesito: "I don't need",
  necesitamos: "we don't need",
  tengo: "I don't have",
  tenemos: "we don't have",
  puedo: "I can't",
  podemos: "we can't",
  se: "I don't know",
  sabemos: "we don't know",
  estoy: "I'm not",
  estamos: "we're not",
  creo: "I don't think",
  creemos: "we don't think",
  confio: "I don't trust",
  confiamos: "we don't trust",
  vamos: "we're not going",
  voy: "I'm not going",
  es: "it isn't",
  son: "they aren't",
  hay: "there isn't",
  pensamos: "we're not planning to",
  pienso: "I'm not planning to",
  planeamos: "we're not planning to",
  'me gusta': "I don't like",
  'nos gusta': "we don't like",
  'me interesa': "I'm not interested",
  'nos interesa': "we're not interested",
  'me sirve': "doesn't work for me",
  'nos sirve': "doesn't work for us",
  'me alcanza': "I can't afford",
  'nos alcanza': "we can't afford",
  'le tengo confianza': "I don't trust",
  'les tengo confianza': "I don't trust",
  'los conocemos': "we don't know you",
  'lo conocemos': "we don't know you",
  'la conocemos': "we don't know you",
  'te conocemos': "we don't know you",
  'le conocemos': "we don't know you",
};

const NEGATIONS: Phrase[] = [
  p(/\b(?:todavia|aun) no\b|\bno todavia\b|\bno aun\b/g, 'not yet'),
  p(
    new RegExp(
      `\\bno (?:${Object.keys(NEGATED_VERBS)
        .sort((a, b) => b.length - a.length)
        .join('|')})\\b`,
      'g',
    ),
    '@negated',
  ),
];

/** Gloss of a "no + verb" match (the verb decides the subject). */
export function negatedGloss(match: string): string {
  return NEGATED_VERBS[match.replace(/^no\s+/, '')] ?? 'not';
}

const CLITIC_VERBS: Phrase[] = [
  p(/\bno (?:me |nos |te |le |lo |la )?va(?:n)? a\b/g, "won't"),
  p(/\b(?:me|nos|te|le|lo|la) va(?:n)? a\b/g, 'is going to'),
  p(/\b(?:tenemos|hay) que\b/g, 'we have to'),
  p(/\btengo que\b/g, 'I have to'),
  p(/\b(?:me|nos) (?:transfirieron|trasladaron|cambiaron)\b/g, 'we got transferred'),
  p(/\b(?:me|nos) (?:paso|sucedio)\b/g, 'happened to us'),
  p(/\b(?:me|nos) gustaria\b/g, 'we would like'),
  // Choosing among offers or homes: "nos quedamos con la de efectivo" → "we'll take the cash one".
  p(/\b(?:me|nos) (?:quedo|quedamos|quedaremos|vamos a quedar) con\b/g, "let's take"),
  // Approval said with a clitic: "ya me aprobaron", "nos precalificaron por 300".
  p(
    /\b(?:me|nos) (?:aprobaron|preaprobaron|precalificaron|calificaron|aprobo|preaprobo|precalifico)\b/g,
    'we got pre-approved',
  ),
  // Meeting up: "¿nos vemos allá a la 1?" → "shall we meet there at 1?".
  p(/\bnos vemos\b/g, 'can we meet'),
  // A price past the budget: "eso se pasa", "se nos pasa del presupuesto", "se sale de mi presupuesto".
  p(
    /\b(?:eso|esto|esa|ese|ya) se (?:nos |me )?pasa\b(?: de(?:l)? (?:nuestro |mi )?presupuesto)?|\bse (?:nos |me )?(?:pasa|sale) de(?:l)? (?:nuestro |mi )?presupuesto\b|\bnos pasamos de(?:l)? (?:nuestro )?presupuesto\b/g,
    'that is over our budget',
  ),
  // A question's word order: "¿cuándo podemos ir a verla?" → "when can we go see it?".
  p(/\bcuando (?:podemos|podriamos)\b/g, 'when can we'),
  p(/\bcuando (?:puede|pueden|puedes|podria|podrias)\b/g, 'when can you'),
  p(/\bir a ver(?=l[oa]s?\b|\s)/g, 'go see'),
  // "pasar" with a time or a place is coming by ("¿puede pasar mañana?", "paso por la oficina"); alone it happens.
  p(
    /\b(?:puede|pueden|puedes|podria|podrias|podemos|puedo) pasar(?= (?:manana|hoy|esta|este|el|la|por|a|despues|antes|temprano))/g,
    'can you come by',
  ),
  // "mañana" is tomorrow, but "esta mañana" / "en la mañana" is a time of day.
  p(/\b(?:esta|en la|por la|de la) manana\b/g, 'this morning'),
  // Giving the home away (a price too low): "lo quiere regalar", "regalarla".
  p(
    /\b(?:lo|la) (?:quiere|quieren|quieres|van a|vas a|va a)? ?regalar\b|\bregalarl[oa]\b|\bes regalarl[oa]\b/g,
    'giving it away',
  ),
  p(/\bme gustan?\b/g, 'I like'),
  p(/\bnos gustan?\b/g, 'we like'),
  p(/\bme encanta(?:n|ria)?\b/g, 'I love'),
  p(/\bnos encanta(?:n|ria)?\b/g, 'we love'),
  p(/\bme interesa(?:n)?\b/g, "I'm interested in"),
  p(/\bnos interesa(?:n)?\b/g, "we're interested in"),
  p(/\b(?:me|nos) preocupa(?:n)?\b/g, "I'm worried about"),
  p(/\b(?:me|nos) parece(?:n)?\b|\bse me hace\b/g, 'it seems'),
  p(/\b(?:me|nos) urge\b/g, 'we urgently need'),
  // "nos vamos a Dallas" moves; "nos vamos a reunir" (an infinitive follows) is only "we're going to".
  p(
    /\bnos (?:mudamos|vamos a mudar|movemos|vamos) a\b(?! \w+(?:ar|er|ir)(?:nos|lo|la|los|las|le|les|se)?\b)/g,
    'we are moving to',
  ),
  p(/\b(?:mudarnos|mudarme|movernos|moverme|irnos|mudar(?:se)?) a\b/g, 'to move to'),
  p(/\bnos (?:mudamos|movemos)\b/g, 'we are moving'),
  p(/\b(?:vamos|voy) a\b/g, 'going to'),
];

const OBJECTIONS: Phrase[] = [
  p(/\bno (?:podemos|puedo) (?:pagar|dar)\b/g, "we can't pay"),
  p(/\bno (?:podemos|puedo) gastar\b/g, "we can't spend"),
  p(/\b(?:muy|demasiado|bien|super|re|bastante|tan|algo) car[oa]s?\b|\bcarisim[oa]s?\b/g, 'too expensive'),
  p(/\bfuera de (?:nuestro|mi|su) (?:presupuesto|alcance|rango)\b/g, 'out of our budget'),
  p(/\b(?:muy|demasiado|bien|tan) baj[oa]s?\b/g, 'too low'),
  p(/\b(?:muy|demasiado|bien|tan) alt[oa]s?\b/g, 'too high'),
  p(
    /\b(?:es|son|esta|me parece|se me hace) (?:mucho|demasiado|bastante|un monton)(?: dinero)?\b/g,
    'is too much',
  ),
  p(
    /\bmas de lo que (?:queriamos|queremos|podemos|pensabamos|planeamos) (?:gastar|pagar)\b/g,
    'more than we wanted to spend',
  ),
  p(/\bvale mas\b/g, 'worth more'),
  p(/\b(?:cuanto|que) (?:cobra|cobras|cobran|cobrarias|cobraria)\b/g, 'how much do you charge'),
  p(/\bpor que (?:cobra|cobras|cobran)(?: (?:tanto|tan caro|tan alto))?\b/g, 'why do you charge so much'),
  p(/\bcobra(?:r|s|n)? menos\b/g, 'charge less'),
  p(
    /\bno (?:hay|tengo|tenemos) (?:prisa|apuro)\b|\bsin (?:prisa|apuro)\b|\bno nos corre prisa\b/g,
    'not in a hurry',
  ),
  p(/\bno (?:estoy|estamos) apurad[oa]s?\b/g, 'not in a hurry'),
  p(/\bmas adelante\b/g, 'down the road'),
  p(/\b(?:vamos a|queremos|prefiero|preferimos|mejor|quiero|voy a) esperar\b/g, 'we should wait'),
  p(/\besperar a que (?:bajen|baje|mejore|se calme|cambie)\b/g, 'wait until rates come down'),
  p(/\bno (?:estamos|estoy) list[oa]s?\b/g, 'not ready'),
  p(
    /\b(?:solo|solamente|nomas|nada mas|namas|na mas)(?: (?:estamos|estoy|ando|andamos|estaba|estabamos))? (?:viendo|mirando|chequeando|curioseando|chismeando|vichando|revisando|vitrineando)\b/g,
    'just looking',
  ),
  p(/\bpor curiosidad\b|\bde curios[oa]s?\b/g, 'out of curiosity'),
  p(/\bno (?:estamos|estoy) (?:buscando|listos para) comprar\b/g, 'not looking to buy'),
  p(/\bno (?:estamos|estoy) (?:vendiendo|listos para vender)\b/g, 'not selling'),
  p(
    /\bno (?:me|nos) (?:llame|llames|llamen|escriba|escribas|escriban)\b|\bdeje de llamar\b/g,
    "don't call me",
  ),
  p(/\b(?:otr[oa]s?) (?:agentes?|realtors?|corredor(?:a|es)?)\b/g, 'another agent'),
  p(/\bya (?:tengo|tenemos) (?:un |una )?(?:agente|realtor|corredora?)\b/g, 'already have an agent'),
  p(/\bes (?:agente|realtor|corredora?)(?: de bienes raices)?\b/g, 'is an agent'),
  p(/\b(?:por (?:nuestra|mi) cuenta|nosotros mismos|yo mism[oa])\b/g, 'on our own'),
  p(/\bcomo (?:se|sabemos|puedo saber|podemos saber) que\b/g, 'how can we trust that'),
  p(
    /\bpor que (?:deberia|deberiamos|tendria|tendriamos|voy a|vamos a) (?:confiar|creer)\b/g,
    'why should we trust',
  ),
  p(
    /\bpor que (?:deberia|deberiamos) (?:firmar|trabajar|listar|ir) con (?:usted|ustedes|ti)\b/g,
    'why should we go with you',
  ),
  p(/\b(?:el|la|nuestr[oa]|mi) (?:agente|realtor|corredora?) (?:anterior|pasad[oa])\b/g, 'our last agent'),
  p(/\bnos (?:enganaron|estafaron|quemaron)\b/g, 'we got burned'),
  p(/\bestafa\b/g, 'scam'),
];

const NEXT_STEPS: Phrase[] = [
  p(
    /\b(?:podemos|puedo|se puede|pueden|puedes|puede|podriamos|podria) (?:ir a )?(?:verla|verlo|verlas|verlos|ver (?:la|el|esa|esta|las|los)|visitarla|visitar|pasar a verla)\b/g,
    'can we see it',
  ),
  p(
    /\b(?:quiero|queremos|me gustaria|nos gustaria|quisiera|quisieramos) (?:ir a )?(?:verla|verlo|verlas|verlos|ver|visitar|conocer)\b/g,
    'we would like to see',
  ),
  p(
    /\b(?:agendar|programar|apartar|hacer|cuadrar|poner|sacar) (?:una |la )?(?:cita|visita|ensenanza|showing)(?: para verla)?\b/g,
    'schedule a showing',
  ),
  p(/\bhacer (?:una |la )?oferta\b|\bofertar\b|\bmeter (?:una )?oferta\b/g, 'make an offer'),
  p(/\blist[oa]s? para\b/g, 'ready to'),
  p(/\b(?:mandame|mandeme|mandanos|mandenos|envieme|enviame|envianos|envienos)\b/g, 'send over'),
  p(/\b(?:a las|como a las|tipo a las|a eso de las)\s+(?=\d)/g, 'at '),
  p(/\b(?:me|nos) (?:sirve|funciona|queda bien|viene bien)\b/g, 'works for us'),
  p(/\b(?:dale|hagamoslo|vamos con (?:eso|todo)|pues adelante|adelante)\b/g, "let's do it"),
];

const QUESTIONS: Phrase[] = [
  p(/\bpor favor\b/g, 'please'),
  p(/^si(?=\s*[,!.]|\s+(?:porfa|por favor|claro|gracias|perfecto|dale|ok))/g, 'yes'),
  p(/\bcuanto (?:cuesta|cuestan|sale)\b/g, 'how much does it cost'),
  p(/\bcuanto (?:vale|valdria)\b/g, 'how much is worth'),
  p(/\b(?:solo|nomas|nada mas) (?:queria|queriamos|quiero|queremos) saber\b/g, 'just wanted to know'),
  p(/\bcontrato de (?:renta|alquiler|arrendamiento)\b/g, 'lease'),
  p(/\bse (?:nos |me |le |les )?(?:acaba|vence|termina)\b/g, 'ends'),
  p(/\bcomo funciona\b/g, 'how does it work'),
  p(/\bque pasa si\b/g, 'what happens if'),
  p(/\bcuanto (?:tiempo|tarda|se tarda|demora)\b/g, 'how long'),
  p(/\bpor que\b/g, 'why'),
  p(/\bque (?:necesito|necesitamos)\b/g, 'what do we need'),
];

const EMOTIONS: Phrase[] = [
  p(/\b(?:fallecio|murio|se nos fue|falleciò)\b/g, 'passed away'),
  p(
    /\b(?:me|nos) (?:quede|quedamos) sin (?:trabajo|empleo|chamba)\b|\bperd(?:i|io|imos) (?:mi|su|el|nuestro) (?:trabajo|empleo|chamba)\b|\bme (?:despidieron|corrieron)\b/g,
    'lost my job',
  ),
  p(
    /\bnos (?:estamos divorciando|divorciamos|vamos a divorciar|separamos|estamos separando)\b/g,
    'we are getting divorced',
  ),
  p(/\b(?:ya )?no (?:puedo|podemos) mas\b|\b(?:ya )?no (?:aguanto|aguantamos)\b/g, "can't cope"),
  p(/\bnunca (?:vamos a|voy a) encontrar\b/g, "we'll never find"),
  p(
    /\b(?:nos|me) (?:rendimos|rindo|damos por vencidos)\b|\bdarnos por vencidos\b|\brendirnos\b/g,
    'giving up',
  ),
  p(/\bperdimos (?:otra|la|una) (?:casa|oferta)\b/g, 'lost another offer'),
  p(/\b(?:felicidades|felicitaciones|enhorabuena)\b/g, 'congrats'),
  p(/\blo (?:logramos|hicimos|conseguimos)\b/g, 'we did it'),
  p(/\bque (?:emocion|felicidad|alegria)\b/g, 'so excited'),
  p(
    /\b(?:estamos|estoy) (?:super |muy |tan )?(?:felices|feliz|emocionad[oa]s?|content[oa]s?)\b/g,
    'so excited',
  ),
  p(/\bpor fin\b|\bal fin\b/g, 'finally'),
  p(/\b(?:muchas|mil|muchisimas) gracias\b/g, 'thank you so much'),
  p(/\bnos (?:casamos|comprometimos)\b/g, 'got married'),
  p(
    /\b(?:vamos a tener|esperamos|estamos esperando) (?:un |una |el )?(?:bebe|nino|nina)\b|\bestoy embarazada\b/g,
    'expecting a baby',
  ),
];

const FAIR_HOUSING: Phrase[] = [
  p(/\bgente como (?:nosotros|yo)\b/g, 'people like us'),
  p(/\b(?:la )?mayoria (?:de )?\b|\bmayormente\b/g, 'mostly '),
  p(/\bsin (?:ninos|chamacos|hijos|familias con ninos)\b/g, 'no kids'),
  p(/\bno (?:rentar|vender|alquilar)(?:le|les)? a\b/g, 'not rent to'),
  p(/\b(?:donde|que) no (?:haya|hayan|vivan) (?:muchos |muchas )?/g, 'without many '),
  p(/\bque (?:sean|sea)\b/g, 'that are'),
  p(/\bfamilias con (?:ninos|hijos|chamacos)\b/g, 'families with kids'),
];

const SLOT_PHRASES: Phrase[] = [
  p(
    /\b(?:ya )?(?:tengo|tenemos) (?:la |mi |nuestra )?carta(?: de (?:pre-? ?)?(?:aprobacion|calificacion)| del (?:banco|prestamista|lender))?\b/g,
    'we have the pre-approval letter',
  ),
  p(/\bcarta de (?:pre-? ?)?(?:aprobacion|calificacion)\b/g, 'pre-approval letter'),
  p(/\bpre[- ]?(?:aprobad|calificad)[oa]s?\b/g, 'pre-approved'),
  p(/\b(?:pre-?)?(?:aprobad|calificad)[oa]s? (?:por|para|hasta)\b/g, 'pre-approved for'),
  p(/\bmas o menos\b|\balrededor de\b|\bcomo unos?\b|\bpor ahi de\b/g, 'around'),
  p(
    /\b(?:que no (?:pase|pasen|exceda|excedan|supere|superen)|sin pasar(?:nos)?) (?:de )?(?:los |las )?/g,
    'under ',
  ),
  p(
    /\b(?:tengo|tenemos|ya tengo|ya tenemos) (?:el|un|mi|nuestro) (?:prestamo|credito|financiamiento) (?:pre-? ?)?aprobado\b/g,
    'we are pre-approved',
  ),
  p(/\bcomo de\b(?= \$?\d)|\bhasta (?:los|las)\b(?= \$?\d)/g, 'around'),
  p(/\bde (?:una|un|1) (?:planta|piso|nivel)\b/g, 'single-story'),
  p(
    /\b(?:tenemos|tengo|nos dieron|me dieron|con) (?:la |una )?(?:pre-? ?)?(?:aprobacion|precalificacion)(?: del (?:banco|prestamista|lender))?(?: (?:por|para|hasta))?/g,
    'we are pre-approved for',
  ),
  p(
    /\b(?:vivimos|vivo|rentamos|rento|alquilamos|alquilo|estamos|salir|salirnos|irnos) (?:en|de|del) (?:un |una |el |la |nuestro |mi )?(?:apartamento|departamento|depa|apto)\b/g,
    'we rent an apartment',
  ),
  p(/\bno mas de\b/g, 'no more than'),
  p(/\bantes del\b/g, 'before the'),
  p(/\bdespues del\b/g, 'after the'),
  p(/\bmas de\b/g, 'more than'),
  p(/\bantes de\b(?! que)/g, 'before'),
  p(/\bde (?:un|una|1) (?=(?:recamara|habitacion|cuarto|dormitorio|alcoba)\b)/g, 'of 1 '),
  p(/\bmenos de\b|\bpor debajo de\b/g, 'under'),
  p(/\bpor lo menos\b|\bal menos\b|\bminimo\b(?= \d)/g, 'at least'),
  p(/\b(?:un maximo de|como maximo|a lo mucho|maximo)\b(?= (?:de )?\$?\d)/g, 'max'),
  p(/\b(?:podemos|puedo) pagar\b/g, 'we can afford'),
  p(/\b(?:podemos|puedo) gastar\b/g, 'we can spend'),
  p(
    /\b(?:queremos|quiero|esperamos|espero|necesitamos|necesito) (?:sacar|ganar|recibir|pedir)(?:le)?\b/g,
    'we want to get',
  ),
  p(
    /\bno (?:la |lo )?(?:vendo|vendemos|vendere|doy|damos|dejo|dejamos|(?:voy|vamos) a (?:vender|dar|dejar)(?:la|lo)?) (?:en|por) menos de\b/g,
    "won't sell it for under",
  ),
  p(/\b(?:vender|venderla|venderlo|vendemos|vendo)(?: la casa)? (?:en|por)\b(?= \$?\d)/g, 'sell it for'),
  p(
    /\b(?:listar|listarla|listarlo|ponerla|ponerlo|ponerla a la venta|publicarla)(?: la casa)? (?:en|por)\b(?= \$?\d)/g,
    'list it at',
  ),
  p(/\bdentro de\b|\bde aqui a\b/g, 'within'),
  p(
    /\bantes de(?: que termine)? (?:el )?fin de ano\b|\bpara (?:el )?fin de ano\b/g,
    'by the end of the year',
  ),
  p(/\bel (?:ano que viene|proximo ano)\b|\bel otro ano\b/g, 'next year'),
  p(/\bel (?:mes que viene|proximo mes)\b/g, 'next month'),
  p(/\b(?:la )?(?:semana que viene|proxima semana)\b/g, 'next week'),
  p(
    /\bpara (?=(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|el verano|la primavera|el otono|el invierno)\b)/g,
    'by ',
  ),
  p(/\bcerca de\b/g, 'near'),
  p(/\b(?:en |por )?(?:el area|la zona|el barrio|la colonia|el condado|el reparto|la ciudad) de\b/g, 'in'),
  p(/\bcasa (?:sola|independiente|unifamiliar)\b/g, 'single-family house'),
  p(/\bcasa adosada\b/g, 'townhouse'),
];

/** All constructions, most specific first (negated verbs before objections, objections before slots). */
export const SPANISH_PHRASES: Phrase[] = [
  ...OBJECTIONS,
  ...NEXT_STEPS,
  ...EMOTIONS,
  ...FAIR_HOUSING,
  ...SLOT_PHRASES,
  ...QUESTIONS,
  ...NEGATIONS,
  ...CLITIC_VERBS,
];

/**
 * Constructions read only for slots (the cue reading, which the classifier's features come from, does not use
 * them): a wait with its length ("esperamos unos 6 meses"), "un par de meses", and a seller's floor before its
 * negated verb.
 */
export const SLOT_ONLY_PHRASES: Phrase[] = [
  p(
    /\b(?:esperamos|espero|esperaremos)(?= (?:unos |unas |como |mas o menos |alrededor de )?\d+ (?:meses|semanas|anos|dias)\b)/g,
    'we wait',
  ),
  p(/\b(?:un )?par de(?= (?:meses|semanas|anos|dias)\b)/g, 'a couple of'),
  // "por menos de 400 no la ponemos": a floor stated before its negated verb.
  p(
    /\bpor menos de\b(?= \$?\d[\d.,]*\s*(?:mil|k|thousand)?\s+no (?:la |lo )?(?:ponemos|pongo|vendemos|vendo|listamos|damos|doy|dejamos|dejo)\b)/g,
    "won't sell it for under",
  ),
  // "no la pongo en menos de 345": a floor said with "put" or "list".
  p(
    /\bno (?:la |lo )?(?:pongo|ponemos|listo|listamos|(?:voy|vamos) a (?:poner|listar)(?:la|lo)?) (?:en|por) menos de\b/g,
    "won't sell it for under",
  ),
  // "listemos el duplex en 385": the home keeps its noun (a property type), the verb becomes "list".
  p(
    /\b(?:listemos|listemosla|pongamosla|listar|listarla|listarlo)(?= (?:el|la) \w+ (?:en|por) \$?\d)/g,
    'list',
  ),
];
