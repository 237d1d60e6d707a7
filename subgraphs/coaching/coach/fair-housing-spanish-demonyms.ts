/**
 * Spanish demonyms by stem and ending, with their English plural: every gender and number form is glossed
 * ("centroamericanos", "peruana", "costarricenses", "japonesas"), so no nationality is missed for want of a form.
 */
const DEMONYMS: [string, string][] = [
  ['mexican', 'mexicans'],
  ['guatemaltec', 'guatemalans'],
  ['salvadoreñ', 'salvadorans'],
  ['hondureñ', 'hondurans'],
  ['panameñ', 'panamanians'],
  ['cuban', 'cubans'],
  ['dominican', 'dominicans'],
  ['puertorriqueñ', 'puerto ricans'],
  ['colombian', 'colombians'],
  ['venezolan', 'venezuelans'],
  ['ecuatorian', 'ecuadorians'],
  ['peruan', 'peruvians'],
  ['bolivian', 'bolivians'],
  ['chilen', 'chileans'],
  ['argentin', 'argentinians'],
  ['uruguay', 'uruguayans'],
  ['paraguay', 'paraguayans'],
  ['brasileñ', 'brazilians'],
  ['haitian', 'haitians'],
  ['jamaiquin', 'jamaicans'],
  ['centroamerican', 'central americans'],
  ['sudamerican', 'south americans'],
  ['latinoamerican', 'latin americans'],
  ['caribeñ', 'caribbeans'],
  ['african', 'africans'],
  ['asiátic', 'asians'],
  ['chin', 'chinese'],
  ['corean', 'koreans'],
  ['filipin', 'filipinos'],
  ['indi', 'indians'],
  ['pakistan', 'pakistanis'],
  ['somal', 'somalis'],
  ['etíope', 'ethiopians'],
  ['nigerian', 'nigerians'],
  ['ruso', 'russians'],
  ['ucranian', 'ukrainians'],
  ['polac', 'poles'],
  ['italian', 'italians'],
  ['american', 'americans'],
  ['europe', 'europeans'],
  ['gitan', 'roma'],
  ['musulman', 'muslims'],
  ['judí', 'jews'],
  ['cristian', 'christians'],
  ['católic', 'catholics'],
  ['evangélic', 'evangelicals'],
  ['afroamerican', 'african-americans'],
  ['indígen', 'indigenous people'],
];
const ENSE: [string, string][] = [
  ['nicaragüense', 'nicaraguans'],
  ['costarricense', 'costa ricans'],
  ['estadounidense', 'americans'],
  ['canadiense', 'canadians'],
  ['japonés', 'japanese'],
  ['japones', 'japanese'],
  ['francés', 'french'],
  ['frances', 'french'],
  ['inglés', 'english'],
  ['ingles', 'english'],
  ['portugués', 'portuguese'],
  ['portugues', 'portuguese'],
  ['irlandés', 'irish'],
  ['irlandes', 'irish'],
  ['vietnamita', 'vietnamese'],
  ['árabe', 'arabs'],
  ['hindú', 'hindus'],
  ['alemán', 'germans'],
  ['aleman', 'germans'],
];

export function demonymForms(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [stem, en] of DEMONYMS) {
    const one = en.replace(/s$/, '');
    const forms = stem.endsWith('o') || stem.endsWith('e') ? [stem, `${stem}s`] : [`${stem}o`, `${stem}a`];
    for (const f of forms) out[f] = one;
    if (!stem.endsWith('o') && !stem.endsWith('e')) for (const f of [`${stem}os`, `${stem}as`]) out[f] = en;
  }
  for (const [sg, en] of ENSE) {
    const base = sg.replace(/[áéíóú](?=[a-z]*$)/, (v) => 'aeiou'['áéíóú'.indexOf(v)]!);
    out[sg] = en.replace(/s$/, '');
    const plural = /[sn]$/.test(base) ? `${base}es` : /[aeú]$/.test(sg) ? `${sg}s` : `${base}es`;
    out[plural] = en;
    if (/[sn]$/.test(base)) {
      out[`${base}a`] = en.replace(/s$/, '');
      out[`${base}as`] = en;
    }
  }
  return out;
}

/** Countries as Spanish writes them (accents, Spanish names) -> English, for "todos son de México". */
export const COUNTRIES: Record<string, string> = {
  méxico: 'mexico',
  perú: 'peru',
  haití: 'haiti',
  japón: 'japan',
  panamá: 'panama',
  brasil: 'brazil',
  corea: 'korea',
  filipinas: 'the philippines',
  rusia: 'russia',
  ucrania: 'ukraine',
  polonia: 'poland',
  alemania: 'germany',
  italia: 'italy',
  irlanda: 'ireland',
  grecia: 'greece',
  irán: 'iran',
  irak: 'iraq',
  siria: 'syria',
  afganistán: 'afghanistan',
  pakistán: 'pakistan',
  etiopía: 'ethiopia',
  tailandia: 'thailand',
  turquía: 'turkey',
  líbano: 'lebanon',
  egipto: 'egypt',
  marruecos: 'morocco',
  áfrica: 'africa',
  centroamérica: 'central america',
  sudamérica: 'south america',
  asia: 'asia',
};
