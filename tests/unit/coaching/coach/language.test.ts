/**
 * Spanish and mixed Spanish/English turns, on sentences written for these tests: the language is told apart,
 * slots come out of Spanish phrasing (numbers, rooms, places, time, pre-approval), and the English cue rules
 * fire on the gloss that toCueText appends. English text passes unchanged.
 */
import { AgentRole, ObjectionType, PropertyType, Speaker } from '../../../../core/vocabulary';
import {
  CELEBRATION_CUES,
  HARDSHIP_CUES,
  NEXT_STEP_CUES,
  scoreCues,
} from '../../../../subgraphs/coaching/coach/cues';
import { detectLanguage, glossSpanish, toCueText } from '../../../../subgraphs/coaching/coach/language';
import { OBJECTION_CUES } from '../../../../subgraphs/coaching/coach/objection-cues';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';
import {
  normalizeSpanishNumbers,
  parseSpanishNumber,
} from '../../../../subgraphs/coaching/coach/spanish-numbers';
import type { Slots } from '../../../../subgraphs/coaching/coach/types';

const NOW = new Date('2025-01-15T12:00:00Z');
const slots = (text: string, role = AgentRole.BUYER_AGENT): Slots => {
  const s = extractSlots([{ speaker: Speaker.LEAD, text }], { role, now: NOW });
  delete s.motivation;
  return s;
};

describe('language detection', () => {
  it.each([
    ['Buscamos una casa con patio para los niños', 'es'],
    ['¿Cuánto cuesta la de la esquina?', 'es'],
    ['we want something in Kendall pero que no sea muy caro', 'mixed'],
    ['hola! my husband and I want una casa cerca del trabajo', 'mixed'],
    ['We live in Los Angeles and want a condo in San Diego or La Jolla', 'en'],
    ['can u send me the ones in El Paso? ya know what I mean', 'en'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('returns English text unchanged for the cue rules', () => {
    const text = 'Is the one on Delmar still available? We could see it Friday.';
    expect(toCueText(text)).toBe(text);
  });
});

describe('Spanish numbers', () => {
  it.each([
    [['trescientos', 'veinte', 'mil'], 320000],
    [['un', 'millón', 'doscientos', 'mil'], 1200000],
    [['cuarenta', 'y', 'cinco'], 45],
  ])('%j → %d', (words, value) => {
    expect(parseSpanishNumber(words)).toBe(value);
  });

  it('rewrites money and counts the English patterns read', () => {
    expect(normalizeSpanishNumbers('unos 275 mil')).toBe('unos 275 thousand');
    expect(normalizeSpanishNumbers('1,8 millones')).toBe('1.8 million');
    expect(normalizeSpanishNumbers('$410.000 dólares')).toBe('$410,000 dólares');
    expect(normalizeSpanishNumbers('medio millón')).toBe('500000');
    expect(normalizeSpanishNumbers('una casa de cuatro recámaras')).toBe('una casa de 4 recámaras');
    // English "1.2 mil" in a mixed turn stays a million
    expect(normalizeSpanishNumbers('up to 1.2 mil')).toBe('up to 1.2 mil');
  });
});

describe('Spanish and mixed slots', () => {
  it.each<[string, Slots]>([
    [
      'Andamos buscando casa en Cicero o Berwyn, de unos trescientos cincuenta mil',
      { areas: ['cicero', 'berwyn'], budget: 350000 },
    ],
    [
      'Necesitamos mínimo tres cuartos y dos baños, nuestro límite son 420 mil',
      { bedrooms: 3, budget: 420000 },
    ],
    [
      'Tenemos aprobación del banco por $385,000 y queremos mudarnos para julio',
      { preApproved: true, budget: 385000, timelineMonths: 6 },
    ],
    [
      'Busco un condominio por la zona de Doral, algo que no pase de 1.2 millones',
      { propertyType: PropertyType.CONDO, areas: ['doral'], budget: 1200000 },
    ],
    [
      'Queremos una townhouse de 2 recámaras en Aurora, Lakewood o Arvada',
      { propertyType: PropertyType.TOWNHOUSE, bedrooms: 2, areas: ['aurora', 'lakewood', 'arvada'] },
    ],
    [
      'No estamos precalificados todavía, pero queremos comprar en unas seis semanas',
      { preApproved: false, timelineMonths: 2 },
    ],
    [
      'We need something por Hialeah Gardens, 3 habitaciones, no más de 390k',
      { areas: ['hialeah gardens'], bedrooms: 3, budget: 390000 },
    ],
    [
      'Vivimos en Bronx pero queremos algo en Yonkers, de cuatro dormitorios',
      { areas: ['yonkers'], bedrooms: 4 },
    ],
    [
      'buscamos casa en Las Cruces, tres recámaras, ya estamos pre-aprobados',
      { areas: ['las cruces'], bedrooms: 3, preApproved: true },
    ],
    ['Necesitamos salir del apartamento en 3 semanas, el dueño vendió el edificio', { timelineMonths: 1 }],
    ['Pagamos 1,800 de renta y el dueño nos subió 200 dólares', {}],
  ])('buyer: %s', (text, expected) => {
    expect(slots(text)).toEqual(expected);
  });

  it.each<[string, Slots]>([
    [
      'Queremos pedir 650 mil por la casa y venderla antes del verano',
      { priceExpectation: 650000, timelineMonths: 5 },
    ],
    [
      'Tenemos un dúplex en Pharr que queremos vender, esperamos como 310 mil',
      { propertyType: PropertyType.MULTI_FAMILY, priceExpectation: 310000 },
    ],
    ['La casa vale por lo menos 2 millones, no la vamos a regalar', { priceExpectation: 2000000 }],
    ['queremos listar en marzo, la idea es sacar unos 540', { timelineMonths: 2, priceExpectation: 540000 }],
    [
      'Heredamos un terreno de cinco acres en Leon County, lo queremos vender',
      { propertyType: PropertyType.LAND },
    ],
  ])('seller: %s', (text, expected) => {
    expect(slots(text, AgentRole.LISTING_AGENT)).toEqual(expected);
  });
});

describe('toCueText: English cue rules fire on Spanish turns', () => {
  const objection = (text: string, type: ObjectionType): number =>
    scoreCues(toCueText(text), OBJECTION_CUES[type]).score;

  it.each<[string, ObjectionType]>([
    ['Uf, esa casa está demasiado cara para lo que ofrece', ObjectionType.PRICE],
    ['Se sale de nuestro presupuesto, no nos alcanza', ObjectionType.PRICE],
    ['Mejor esperamos hasta el año que viene, todavía no', ObjectionType.TIMING],
    ['Nada más estoy mirando por curiosidad, gracias', ObjectionType.JUST_LOOKING],
    ['Ya estamos trabajando con otro agente, gracias', ObjectionType.COMPETITOR],
    ['La verdad no confío mucho en los agentes', ObjectionType.TRUST],
  ])('%s → %s', (text, type) => {
    expect(objection(text, type)).toBeGreaterThanOrEqual(2);
  });

  it('reads next steps, hardship and good news', () => {
    expect(
      scoreCues(toCueText('¿Podemos ver la casa mañana en la tarde?'), NEXT_STEP_CUES).score,
    ).toBeGreaterThanOrEqual(2);
    expect(
      scoreCues(toCueText('Me encantó, quiero hacer una oferta hoy'), NEXT_STEP_CUES).score,
    ).toBeGreaterThanOrEqual(2);
    expect(
      scoreCues(toCueText('Mi papá falleció y no sé qué hacer con su casa'), HARDSHIP_CUES).score,
    ).toBeGreaterThanOrEqual(2);
    expect(
      scoreCues(toCueText('¡Lo logramos! ¡Por fin tenemos las llaves!'), CELEBRATION_CUES).score,
    ).toBeGreaterThanOrEqual(2);
  });

  it('glosses Fair Housing words for the detector and keeps place names', () => {
    expect(glossSpanish('Prefiero un vecindario sin muchos inmigrantes')).toMatch(/neighborhood.*immigrants/);
    expect(glossSpanish('No queremos vecinos musulmanes')).toMatch(/we don't want neighbors muslims/);
    expect(glossSpanish('Nos mudamos de Los Angeles a San Bernardino')).toContain(
      'from Los Angeles to San Bernardino',
    );
  });
});
