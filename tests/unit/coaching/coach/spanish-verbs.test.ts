/**
 * Spanish verb morphology in the gloss: forms of known verbs that are not in the word list are read with their
 * person and tense, attached pronouns are objects (or dropped on pronominal verbs), the classifier reads the
 * English reading alone, and English words that look like verb forms stay English in English text. Sentences are
 * written for these tests.
 */
import { glossSpanish, toCueText, toModelText } from '../../../../subgraphs/coaching/coach/language';
import { verbGloss } from '../../../../subgraphs/coaching/coach/spanish-verbs';

describe('verbGloss', () => {
  it.each([
    ['llevo', 'llevo', 'I take'],
    ['dejó', 'dejo', 'left'],
    ['dejé', 'deje', 'I left'],
    ['firmamos', 'firmamos', 'we sign'],
    ['firmaron', 'firmaron', 'they signed'],
    ['pensando', 'pensando', 'thinking'],
    ['piensa', 'piensa', 'thinks'],
    ['encuentro', 'encuentro', 'I find'],
    ['vendió', 'vendio', 'sold'],
    ['recibí', 'recibi', 'I received'],
    ['pidió', 'pidio', 'asked for'],
    ['venderlos', 'venderlos', '~sell them'],
    ['mándeme', 'mandeme', 'send me'],
    ['reunirnos', 'reunirnos', '~meet'],
    ['vendiéndola', 'vendiendola', 'selling it'],
    ['hice', 'hice', 'I did'],
    ['bajaremos', 'bajaremos', 'we will lower'],
  ])('%s (%s) → %s', (word, folded, gloss) => {
    expect(verbGloss(word, folded)).toBe(gloss);
  });

  it('words that are no form of a known verb are left alone', () => {
    for (const w of ['casona', 'ventana', 'zzz', 'la']) expect(verbGloss(w, w)).toBeUndefined();
  });
});

describe('verb forms in the gloss', () => {
  it('a Spanish request to come by and sign reads as one', () => {
    expect(glossSpanish('¿Pueden pasar el jueves para firmar?')).toMatch(/can you come by .*sign/i);
  });

  it('pasar alone is something happening, not a visit', () => {
    expect(glossSpanish('no puede pasar otra vez')).not.toMatch(/come by/);
  });

  it('English text is never glossed, even where an English word looks like a verb form', () => {
    const text = 'please listen, we want to list in spring';
    expect(toCueText(text)).toBe(text);
    expect(toModelText(text)).toBe(text);
  });

  it('the classifier reads the English reading alone, not the Spanish beside it', () => {
    const text = 'Mi hermano vendió su casa y nos recomendó a usted.';
    expect(toCueText(text)).toContain('vendió');
    expect(toModelText(text)).not.toContain('vendió');
    expect(toModelText(text)).toMatch(/sold/);
  });
});
