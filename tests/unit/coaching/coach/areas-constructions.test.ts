/**
 * Area constructions written in lowercase or with names the old patterns cut: a weighed list after "looking at"
 * (commas included), names with an apostrophe, a budget word after a place, "or somewhere around X", land "out
 * past X", settling or retiring "near X", and a store's parking lot that is no area; Spanish "nos vamos a" before
 * an infinitive moves nowhere. Sentences are written for these tests.
 */
import { answerPlaces, extractAreasFromText } from '../../../../subgraphs/coaching/coach/areas';
import { toSlotText } from '../../../../subgraphs/coaching/coach/language';

const areas = (text: string): string[] => {
  const slot = toSlotText(text);
  return [...new Set([...extractAreasFromText(slot), ...answerPlaces(slot)])];
};

describe('area constructions', () => {
  it.each([
    ['looking at lakewood, arvada or golden for now', ['lakewood', 'arvada', 'golden']],
    ["we're looking at lake o'fallon or wentzville", ["lake o'fallon", 'wentzville']],
    ['3 bed condos in tigard and tualatin max is 450', ['tigard', 'tualatin']],
    ['bend or maybe somewhere around redmond', ['bend', 'redmond']],
    ['want some acreage out past kalispell somewhere quiet', ['kalispell']],
    ['We plan to retire and settle near Beaufort or Bluffton', ['beaufort', 'bluffton']],
  ])('%s', (text, expected) => {
    expect(areas(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    ['I was in the Publix parking lot when you called'],
    ['looking at it, thinking about it'],
    ["we're looking at houses, condos and townhomes"],
    ['nos vamos a reunir con otro agente el lunes'],
  ])('no area: %s', (text) => {
    expect(areas(text)).toEqual([]);
  });

  it('Spanish "nos vamos a" before a place still moves there', () => {
    expect(areas('nos vamos a Tampa en agosto, buscamos 3 recámaras')).toContain('tampa');
  });
});
