/**
 * A Spanish -> English gloss of the words Fair Housing judgement turns on, so the English constructions
 * (fair-housing-frames.ts) judge Spanish and mixed-language turns too. Phrases first, then words; a noun
 * followed by a class adjective ("familias mexicanas") is turned round ("mexican families").
 */

import { WORDS } from './fair-housing-spanish-words';

const PHRASES: [RegExp, string][] = [
  [/\bno (?:queremos|quiero|quieren|quiere)\b/g, "don't want"],
  [/\bno (?:le |les )?(?:quiero|queremos|quiere) (vender|rentar|alquilar)\b/g, "don't want to $1"],
  [/\bno (?:rento|rentamos|alquilo|alquilamos)\b/g, "don't rent"],
  [/\b(?:tiene|tienen|tienes|hay) que\b/g, 'must'],
  [/\bdebe(?:n|s)?\b/g, 'must'],
  [/\bno (?:habla|hablan|hable|hablen)\b/g, "can't speak"],
  [/\b(?:habla|hablan|hable|hablen)\b/g, 'speak'],
  [/\bno (?:acepto|aceptamos|admito|admitimos|permito|permitimos)\b/g, "we don't accept"],
  [/\benfermedad(?:es)? mental(?:es)?\b/g, 'mental illness'],
  [/\benferm[oa]s? mentales?\b/g, 'mentally ill people'],
  [/\bno (?:vendo|vendemos)\b/g, "don't sell"],
  [/\b(?:prefiero|preferimos|preferiría|preferiríamos) que no\b/g, 'rather not'],
  [/\b(?:prefiero|preferimos|preferiría|preferiríamos) no\b/g, 'rather not'],
  [/\bgente (?:que )?(?:sea |sean |es |son )?como (?:nosotros|nosotras|yo)\b/g, 'people like us'],
  [
    /\b(?:estamos|estoy) esperando (?:un |una |nuestro |nuestra |mi )?(?:bebé|bebe|hij[oa]|niñ[oa]|primer\w*|segund\w*)/g,
    "we're expecting a baby",
  ],
  [
    /\b(?:va|van|vas|vamos) a estar (?:más|mejor|muy) (?:a gusto|cómod[oa]s?|tranquil[oa]s?|contentos?)/g,
    "you'd feel more comfortable",
  ],
  [/\bpaisan[oa]s\b/g, 'people from their own country'],
  [/\bno (?:le |les |te )?(?:recomendaría|recomiendo|aconsejaría|aconsejo)\b/g, "i'd skip"],
  [/\b(mujer|hombre|chica|chico)(es|s)? (trans|gay|lesbiana|bisexual)\b/g, '$3 $1$2'],
  [/\b(?:usted |tú |ya )?me entiende(?:s|n)?\b/g, 'you know what i mean'],
  [/\bhay (?:mucho|tanto)\b/g, 'there are lots of'],
  [/\brecién llegad[oa]s?\b/g, 'newcomers'],
  [
    /\b(?:ha|han|había|habían|está|están) (?:llegado|llegando) (?:mucha |muchos |muchas |tanta |tantos |más )?(?:gente|personas|familias) de (?:a)?fuera\b/g,
    'outsiders have moved in',
  ],
  [/\bproblemas? mentales?\b/g, 'mental problems'],
  [/\b(?:le|les) (?:dije|dijimos|digo|diré|voy a decir)\b/g, 'i told'],
  [
    /\b(?:ya )?no (?:hay|había|hubo|quedan|quedaban|queda|quedaba|tenemos|teníamos) (?:más )?(?:unidades|departamentos|depas|casas|cuartos|lugares|espacio|nada|disponibles?)\b/g,
    'the unit is not available',
  ],
  [/\b(?:búsqueme|búscame|búsquenos|búscanos|muéstreme|enséñeme) otr[oa]\b/g, 'look for another place'],
  [/\b(?:la|el) otr[oa] (?=\p{L})/gu, 'the other '],
  [/\bpa' /g, 'for '],
  [/\bya se (?:vendió|rentó|alquiló|vendieron|rentaron|ocupó)(?!\p{L})/gu, 'is already taken'],
  [
    /\b(?:ya )?(?:está|esta|fue|están|fueron) (?:ya )?(?:rentad|vendid|alquilad|tomad|apartad|ocupad)[oa]s?\b/g,
    'is already taken',
  ],
  [
    /\bya (?:tenemos|tengo|tiene|tienen) (?:a )?(?:alguien|otr[oa]s?|un inquilino|un comprador)\b/g,
    'we already have someone',
  ],
  [/\b(?:mujer|señora|dama|chica)(es|s)? (?:solter[oa]s?|sol[oa]s?)\b/g, 'single woman'],
  [/\b(?:madre|mamá) soltera\b/g, 'single mother'],
  [/\b(?:padre|papá) soltero\b/g, 'single father'],
  [
    /\bno (?:le |les )?(?:puedo|podemos|se puede|debemos) (?:preferir|elegir|escoger|favorecer|seleccionar|discriminar|limitar)\w*\b/g,
    "we can't choose",
  ],
  [
    /\b(?:estacionamientos?|lugar(?:es)?|cajón|cajones|baños?|rampas?|espacios?|plazas?|entradas?|accesos?) (?:para|de) (?:personas con discapacidad|discapacitados|minusválidos)\b/g,
    'accessible parking',
  ],
  [/\b(?:gente|personas) de color\b/g, 'people of color'],
  // Skin said as "de tez / piel clara": a colour of people, like "light-skinned".
  [/\bde (?:tez|piel|color) (?:clara|blanca|güera)\b/g, 'light-skinned'],
  [/\bnada más\b/g, 'only'],
  // "un color oscuro": a colour of paint or things; people's colour is said "de piel / de tez".
  [
    /\b(?:un|el|este|ese|otro) color (?:oscuro|claro|blanco|negro|café|gris|moreno)(?!\p{L})/gu,
    'a paint colour',
  ],
  [/\bde (?:tez|piel|color) (?:oscura|morena|prieta|negra)\b/g, 'dark-skinned'],
  [/\bno (?:le |les )?(?:renta|rentan|alquila|alquilan|vende|venden)\b/g, "doesn't rent to"],
  [/\b(?:el |la )?(?:dueñ[oa]|propietari[oa]|casero|casera|arrendador)\b/g, 'the owner'],
  [/\bmejor no\b/g, 'rather not'],
  [/\bcomo (?:usted|ustedes|tú) (?:es|son|eres) (?:de|del) /g, "since you're from "],
  [/\bcomo (?:usted|ustedes|tú) (?:es|son|eres) /g, "since you're "],
  [/\bse (?:va|van|vas) a sentir (?:más |mejor )?(?:como )?en casa/g, "you'd feel more at home"],
  [/\bpor lo menos\b/g, 'at least'],
  [/\bhospital (?:de |del |para )?(?:los )?(?:niños|niño|niñas|infantil)\b/g, "children's hospital"],
  [/(?<=\b(?:un|el|mi|su|tu|del|otro) )cuarto\b/g, 'room'],
  [/\bcompartid[oa]s?\b/g, 'shared'],
  // A painted thing's colour ("pintada café oscuro", "paredes gris claro") is no person's colour.
  [
    /\b(pintad[oa]s?|pintar(?:la|lo)?|paredes|fachada|techo|puertas?|gabinetes|ladrillos?) (?:de )?(?:color )?(?:\p{L}+ )?(?:oscur|clar|blanc|negr|moren|prieto|café)\p{L}*/gu,
    '$1 a paint colour',
  ],
  [/\b(?:me|nos) (?:iría|iríamos|voy|vamos|quedaría|quedaríamos|quedo|quedamos) con\b/g, "i'd go with"],
  [/\btestigos de jehov[aá](?!\p{L})/gu, "jehovah's witnesses"],
  [/\b(?:usted|tú|ustedes) como (?=\p{L})/gu, 'you, as '],
  [
    /\bse (?:va|van) a sentir (?:mejor|más cómod[oa]s?|más a gusto|como en casa)/g,
    "you'd feel more comfortable",
  ],
  [/\btodos son de\b/g, 'everyone is from'],
  [/\bconejill[oa]s? de indias\b/g, 'guinea pig'],
  [/\b(?:de )?buena presencia\b/g, 'light-skinned'],
  [/\b(?:qué|que) (?:tipo|clase) de (?:gente|personas|vecinos)\b/g, 'what kind of people'],
  [/\bquién(?:es)? vive(?:n)?\b/g, 'who lives'],
  [/\bsilla de ruedas\b/g, 'wheelchair'],
  [/\b(?:perro|animal) de (?:servicio|asistencia|guía)\b/g, 'service dog'],
  [/\bapoyo emocional\b/g, 'emotional support animal'],
  [/\bse sentir(?:ía|ían|íamos|án) como en casa\b/g, "they'd feel at home"],
  [/\bcomo en casa\b/g, 'at home'],
  [/\bcerca del\b/g, 'near the'],
  [/\bcerca de\b/g, 'near'],
  [/\bacabamos de tener\b/g, 'we just had'],
  [/\bacabo de tener\b/g, 'i just had'],
  [/\btuv(?:e|imos|o|ieron)\b/g, 'had'],
  [/\blejos de\b/g, 'away from'],
  [/\bhay (?:muchos|muchas|mucha)\b/g, 'there are lots of'],
  [/\bsin (?:tantos|tantas|muchos|muchas)\b/g, 'without a lot of'],
  [/\bla mayoría\b/g, 'mostly'],
  [/\bcomposición racial\b/g, 'racial makeup'],
  [/\b(?:solo|sólo) para adultos\b/g, 'adults-only'],
  [/\bsolo para\b/g, 'only for'],
  [/\bestoy embarazada\b/g, "i'm pregnant"],
  [/\bde (?:un solo|una sola) (?:piso|planta)\b/g, 'single-level'],
  [/\bno (aceptar|rentar|vender|alquilar)\b/g, 'not $1'],
  [
    /\bno (?:le |les )?(?:puedo|podemos|se puede) (?:rechazar|negar|excluir|descartar)\w*\b/g,
    "we can't reject",
  ],
  [/\bno puedo (hablarle|decirle|hablar|decir)\b/g, "i can't tell you"],
  [/\bno (?:le |les )?(?:puedo|podemos) (?:decir|hablar|comentar)\w*\b/g, "i can't tell you"],
  [/\bsean? (\p{L}+)/gu, 'are $1'],
  [
    /\bse sentir(?:ía|ían|íamos|á|án)(?: (?:más|muy))? (?:cómod[oa]s?|a gusto|segur[oa]s?|tranquil[oa]s?)\b/g,
    "you'd feel more comfortable",
  ],
  [
    /\b(?:estar(?:ía|ían|íamos)|vivir(?:ía|ían|íamos)) (?:más|mejor) (?:cómod[oa]s?|a gusto|tranquil[oa]s?)\b/g,
    "you'd feel more comfortable",
  ],
  [
    /\b(gente|personas|familias?|vecinos|compradora?e?s?|inquilinos?|inquilinas?|solicitantes?|aplicantes?|pareja|señora|señor|chica|chico|muchach[oa]s?|inmigrantes|alguien|nadie) (?:de|del) (?=\p{L})/gu,
    '$1 from ',
  ],
];

const CLASS_WORD =
  /^(?:whites?|blacks?|dark-skinned|hispanics?|latinos?|mexicans?|chinese|muslims?|jews|jewish|catholics?|christians?|gays?|mexican|(?:african-)?americans?|hondurans|haitians|cubans|dominicans|guatemalans|salvadorans|venezuelans|colombians|arabs|asians|evangelicals?|immigrants|foreigners|refugees|(?:central|south|latin) americans?|[a-z]+(?:ans?|ians?|eans?|ese|ish)|roma)$/;
const NOUN_WORD =
  /^(?:people|families|family|neighbors|buyer|buyers|tenant|tenants|kids|bakery|neighborhood|area|couple|couples|school|schools|classes|history|culture|food|music|store|stores|restaurant|restaurants|supermarket|market|church)$/;

const PLACE_NAME =
  /\b\p{Lu}\p{L}+ (?:Valley|Hills?|Park|Heights|Village|Springs|Creek|Lakes?|Beach|Gardens|Fork|Town|City|Estates|Ranch|Grove|Point|Bay|Mesa|Vista)\b/gu;

const PLACE_BEFORE_DE =
  /^(?:neighborhood|area|building|block|street|community|more|is|are|mostly|only|apartment)$/;

const SPANISH_FUNCTION =
  /^(?:que|de|la|el|los|las|en|y|una?|para|por|muy|hay|es|esa|ese|esta|este|nosotros|como|pero|porque|también|donde|dónde|le|les|del|al)$/;

/** A class noun glossed from Spanish, as the adjective it is before a noun ("vecinos judíos" -> "jewish neighbors"). */
const AS_ADJECTIVE: Record<string, string> = {
  jews: 'jewish',
  blacks: 'black',
  whites: 'white',
  chinese: 'chinese',
  'dark-skinned': 'dark-skinned',
  foreigners: 'foreign',
  immigrants: 'immigrant',
  refugees: 'refugee',
};

/** Whether a turn reads as Spanish (a few function words or Spanish letters). */
export function looksSpanish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = words.filter((w) => SPANISH_FUNCTION.test(w) || w in WORDS).length;
  return hits >= 2 || /[ñ¿¡]/.test(text);
}

/** The English gloss of a Spanish turn, word order mended for "noun + class adjective". */
export function glossSpanish(text: string): string {
  // "Chino Valley", "Indian Hills": a place's name, not a class word to gloss.
  let s = text.replace(PLACE_NAME, 'the place').toLowerCase().replace(/[¿¡]/g, '');
  for (const [re, to] of PHRASES) s = s.replace(re, to);
  const words = s.split(/(\s+)/).map((w) => {
    const m = /^(\p{L}+)(.*)$/u.exec(w);
    if (!m) return w;
    const gloss = WORDS[m[1]!];
    return gloss ? gloss + m[2]! : w;
  });
  const out = words.join('').split(' ');
  for (let i = 0; i + 1 < out.length; i++) {
    // "un barrio de mexicanos", "es más de blancos o de negros": a place "of" a class is a place full of it.
    if (
      out[i] === 'de' &&
      CLASS_WORD.test(out[i + 1]!.replace(/[^\w-]/g, '')) &&
      PLACE_BEFORE_DE.test(out[i - 1] ?? '')
    )
      out[i] = 'full of';
    if (out[i] === 'de' && out[i - 1] === 'or' && out[i - 3] === 'full') out[i] = 'full of';
    if (NOUN_WORD.test(out[i]!) && CLASS_WORD.test(out[i + 1]!.replace(/[^\w-]/g, ''))) {
      const tail = out[i + 1]!.replace(/^[\w-]+/, '');
      const adjective = out[i + 1]!.replace(/[^\w-]+$/, '');
      out.splice(i, 2, AS_ADJECTIVE[adjective] ?? adjective.replace(/s$/, ''), out[i]! + tail);
    }
  }
  return out.join(' ');
}
