/**
 * Disability named by a condition, a device or a treatment rather than by the word "disabled": a landlord
 * turning away "someone with MS" or "a tenant in recovery" steers by disability as surely as one who says
 * "disabled". Regex sources over normalized text (lower case), used as DISABILITY traits in
 * fair-housing-lexicon.ts; whose condition it is (the speaker's own, the client's, a party's) is decided there.
 */

const alt = (...parts: string[]): string => `(?:${parts.join('|')})`;

/** Short abbreviations are conditions only after "with/has/your …" and never as a title ("Ms. Ruiz"). */
const ABBREVIATION_LEAD = String.raw`(?<=\b(?:with|has|have|had|got|of|and|your|his|her|my|their|diagnosed with)\s+)`;

/** Illnesses and diagnoses. */
const CONDITIONS = alt(
  `${ABBREVIATION_LEAD}(?:ms|als|copd|tbi)(?!\\w|\\.\\s*[a-z])`,
  "multiple sclerosis|muscular dystrophy|cerebral palsy|spina bifida|parkinson'?s|alzheimer'?s|dementia",
  'epilep(?:sy|tic)|seizures?(?: disorder)?|schizo(?:phreni[ac]|phrenia|affective)|bipolar(?: disorder)?',
  'psychos[ie]s|psychotic|ptsd|ocd|adhd|down syndrome|intellectual(?:ly)? disab\\w+|developmental(?:ly)? disab\\w+',
  'autis(?:m|tic)|on the spectrum|hiv(?:[- ]positive)?|aids|lupus|cystic fibrosis|chronic (?:illness|pain|fatigue)',
  'paraplegic|quadriplegic|paralyzed|amputee|amputation|hard of hearing|hearing[- ]impaired|visually impaired',
  'vision[- ]impaired|low vision|legally blind|mental (?:illness|disorder|condition)s?|mentally (?:ill|disabled|unstable)',
  'clinical depression|severe anxiety|eating disorder|brain injur(?:y|ies)|stroke survivor',
);

/** Devices, animals and treatments that stand for a disability. */
const DEVICES = alt(
  'mobility (?:scooter|aid|device)s?|power chair|motori[sz]ed chair|prosthe(?:tic|sis)\\w*',
  'hearing aids?|cochlear implants?|feeding tube|ventilator|white cane|(?<=\\b(?:with|uses?|using|on|needs?|and)\\s+)walkers',
  'support animals?|therapy (?:dog|animal|cat)s?|comfort animals?',
);

/** Recovery from addiction (a protected disability when not current illegal use). */
const RECOVERY = alt(
  'in recovery|recovering (?:addicts?|alcoholics?)|(?:former|ex)[- ](?:addicts?|alcoholics?)|methadone|suboxone',
  'sober[- ]living|sobriety|twelve[- ]step program|12[- ]step program|(?:in|out of|from|drug|alcohol) rehab',
);

export const CONDITION_TRAITS = alt(CONDITIONS, DEVICES, RECOVERY);

/** Words after a device that make it a feature of the home, not a person: "wheelchair accessible". */
export const FEATURE_AFTER =
  /^[\s-]*(?:accessib\w*|friendly|access|ramps?|lifts?|van|parking|height|clearance|compliant|turning|width|wide|sized)\b/i;
