/**
 * Property types and places by construction: "2 family" / "a three-flat" are multi-family (a "2 flat" fee is not),
 * a seller's own acreage is land, Spanish "un 3" is three (an article, not 1 + 3), plots and "cuerdas" are land;
 * a name with "d'" keeps it, and a common word in capitals for emphasis is no place. Sentences are written for
 * these tests.
 */
import { AgentRole, PropertyType, Speaker } from '../../../../core/vocabulary';
import { extractAreasFromText } from '../../../../subgraphs/coaching/coach/areas';
import { toSlotText } from '../../../../subgraphs/coaching/coach/language';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';

const slots = (text: string, role = AgentRole.LISTING_AGENT) =>
  extractSlots([{ speaker: Speaker.LEAD, text }], { role, now: new Date('2026-03-10T12:00:00Z') });

describe('property type constructions', () => {
  it.each([
    ['we own a 3-flat in Logan Square', PropertyType.MULTI_FAMILY],
    ['looking for a two family in Astoria under 1.3M', PropertyType.MULTI_FAMILY],
    ['es un 2 flat, rentamos el de arriba', PropertyType.MULTI_FAMILY],
    ['we have 25 acres, mostly pasture, want around 600k', PropertyType.LAND],
    ['mi abuelo nos dejó como 3 cuerdas en Cayey', PropertyType.LAND],
  ])('%s → %s', (text, type) => {
    expect(slots(text).propertyType).toBe(type);
  });

  it.each([
    ['could you do 2 flat? the condo should go for 400k', PropertyType.CONDO],
    ['our house has 2 acres with a barn', undefined],
    ['we are a 2 family household looking for a condo', PropertyType.CONDO],
  ])('%s → %s', (text, type) => {
    expect(slots(text).propertyType).toBe(type);
  });

  it('an article before digits is no number of its own', () => {
    expect(toSlotText('es un 3 recámaras en Berwyn')).toMatch(/\b3 bedrooms\b/);
  });
});

describe('place names', () => {
  it("keeps a name with d' and drops a capitalized common word", () => {
    expect(extractAreasFromText("want a cabin near Lac d'Orient or Tahoe")).toEqual([
      "lac d'orient",
      'tahoe',
    ]);
    expect(extractAreasFromText('we want OUT of the city, somewhere with land')).toEqual([]);
  });
});
