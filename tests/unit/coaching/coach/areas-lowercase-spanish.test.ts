/**
 * Area constructions of issue 11 round 2, written for these tests (not taken from any labelled file): a compass
 * word opening a lowercase place ("east mesa", "north port"), heads that are common words ("bay city", "polk
 * county"), "the" before a plural head ("the woodlands"), a clause opening with "in", moving "up/down to" X,
 * "from x to Y" with the origin in lowercase, texted verbs without their g ("lookin at", "movin to"), a sentence
 * that is only alternatives ("Polk County or Lake County."), Spanish "por X" (around X) and an article that
 * belongs to the name ("en las cruces"). Held acreage, a place sold and an English noun after a Spanish article
 * ("en el assisted living y …") are no wanted area.
 */
import { AgentRole, Speaker } from '../../../../core/vocabulary';
import { extractSlots } from '../../../../subgraphs/coaching/coach/slots';

const areas = (...leadTurns: string[]): string[] =>
  extractSlots(
    leadTurns.map((text) => ({ speaker: Speaker.LEAD, text })),
    { role: AgentRole.BUYER_AGENT, now: new Date('2026-03-10T12:00:00Z') },
  ).areas ?? [];

describe('areas: lowercase names, texted verbs and Spanish', () => {
  it.each([
    ['want a 3 bed in east mesa or gilbert, max 420', ['east mesa', 'gilbert']],
    ['looking for a condo in bay city or saginaw', ['bay city', 'saginaw']],
    ['townhome in the woodlands or katy, 2 bed', ['the woodlands', 'katy']],
    ['single story, 3 bed, in lakeland or winter haven', ['lakeland', 'winter haven']],
    ['we want to move down to naples to be near the grandkids', ['naples']],
    ['nurse relocating from tacoma to Boise this summer', ['boise']],
    ['movin to Tulsa with my boyfriend, 2 bed is fine', ['tulsa']],
    ['lookin at Broken Arrow, 4 bed under 380', ['broken arrow']],
    ['5 acres or more for horses. Polk County or Lake County. cash', ['polk county', 'lake county']],
    ['buscamos casa de 3 recámaras por downey o norwalk, hasta 650', ['downey', 'norwalk']],
    ['queremos algo en las cruces o en anthony, 3 cuartos', ['las cruces', 'anthony']],
    ['necesito 2 cuartos en north miami o hialeah', ['north miami', 'hialeah']],
  ])('%s', (text, expected) => {
    expect([...areas(text)].sort()).toEqual([...expected].sort());
  });

  it.each([
    ['i got about 30 acres of pasture outside Ardmore, what would it bring'],
    ['también queremos vender nuestra casa en kendall, nos puede ayudar'],
    ["it's a condo in west palm. we need to sell before we buy"],
    ['visitamos el cuarto en el assisted living y le gustó mucho'],
  ])('no wanted area: %s', (text) => {
    expect(areas(text)).toEqual([]);
  });
});
