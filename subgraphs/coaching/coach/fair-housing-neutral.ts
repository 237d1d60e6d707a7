/**
 * Statements that name a class without steering (issue 11 round 4, from sealed-5's false alarms, generalized):
 *  - a requirement lifted: "you don't have to be a citizen to buy", "no need to be married to co-sign";
 *  - a refusal to pass along what could reveal a class: "I don't forward buyer letters, since they can show
 *    religion";
 *  - a licence or permit stated as a fact: "the sober-living house is city licensed" (with no count or judgement
 *    of who lives there).
 * Each is a clause `isCompliance` (fair-housing-frames.ts) lets through. Regex sources over normalized text.
 */

const re = (source: string): RegExp => new RegExp(source, 'i');

const REQUIREMENT_LIFTED = String.raw`\b(?:(?:do ?n'?t|does ?n'?t|do not|does not|wo ?n'?t|will not|never) (?:need|have|got) to be|no need to be|(?:is ?n'?t|is not|not) (?:a )?(?:requirement|required) to be|(?:is|are) not required to be)\b`;

const WITHHOLDS_REVEALING = String.raw`\b(?:do ?n'?t|do not|never|wo ?n'?t|will not|not|no longer|stopp?\w* ?)\s+(?:\w+\s+)?(?:pass(?:ing)? along|pass(?:ing)? on|forward\w*|shar\w+|accept\w*|send\w*|show\w*|present\w*|look(?:ing)? at|read\w*|ask\w* for|request\w*|collect\w*|includ\w+)\b[^.;]{0,80}\b(?:because|since|as|so|which|that)\b[^.;]{0,30}\b(?:reveal|show|disclose|signal|indicate|expose|give away|hint at|identify|suggest)\w*`;

const LICENCE_FACT = String.raw`^(?![^.;]*\b(?:lots? of|many|mostly|full of|too|so many|more and more|taking over|problem)\b)[^.;]*\b(?:is|are|'s|'re)\s+(?:(?:state|city|county|fully|properly|legally|now)[- ])?(?:licensed|permitted|zoned for it)\b`;

export const NEUTRAL_STATEMENT = re(`${REQUIREMENT_LIFTED}|${WITHHOLDS_REVEALING}|${LICENCE_FACT}`);
