/**
 * The one Fair Housing detector (coach/fair-housing.ts) on a lead's words, an agent's words and the model's
 * output: steering by every protected class is caught — named by denomination, as a preference about a
 * particular family, in code words, as curiosity, by a seller or landlord, by an agent or the model picking an
 * area — while a speaker's own needs, neutral facts and an agent declining are left alone. The sentences here
 * are not in the tuning file; the last block pins the tuning file's figures as a floor (a TUNE set, not held out).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeFairHousing, detectFairHousingRisk } from '../../../subgraphs/coaching/coach/fair-housing';
import { checkSteering } from '../../../subgraphs/coaching/engine/guardrail';
import { agentComplianceRisk } from '../../../subgraphs/coaching/proactive/compliance';

type Case = [string, string];

describe("a lead's words", () => {
  it.each<Case>([
    ['Is Brookfield a big Baptist area? We would rather be somewhere else.', 'RELIGION'],
    ['Any Seventh-day Adventists or Methodists on that street? Not our crowd.', 'RELIGION'],
    ['We would like to stay away from the blocks around the big mosque.', 'RELIGION'],
    [
      'I would prefer the buyer not be a family with a newborn, the nursery smell is gone now.',
      'FAMILIAL_STATUS',
    ],
    ['Is the demographic changing over there? I keep hearing it is not what it used to be.', 'RACE'],
    ['honestly just want people like us on the block', 'GENERAL'],
    ['What kind of people live near the lake, out of curiosity?', 'GENERAL'],
    ['Do mostly Korean families live in that school zone?', 'NATIONAL_ORIGIN'],
    [
      'As the landlord I want to skip applicants who use a wheelchair, the ramp costs too much.',
      'DISABILITY',
    ],
    ['I only want to rent the room to a woman, it is a separate unit downstairs.', 'SEX'],
    ['Are there many dark-skinned families in that complex?', 'COLOR'],
  ])('flags: %s', (text, cls) => {
    const j = judgeFairHousing(text, { speaker: 'LEAD' });
    expect(j.steering).toBe(true);
    if (cls !== 'GENERAL') expect(j.protectedClass).toBe(cls);
    expect(detectFairHousingRisk(text)).not.toBeNull();
  });

  it.each([
    'We belong to Grace Lutheran, so somewhere within a short drive of it please.',
    'Our second baby arrives in April, so a fourth bedroom would be great.',
    'I am originally from Peru and want to understand closing costs.',
    'We love Korean barbecue, is there a good spot near the condo?',
    'I have multiple sclerosis and use a cane, so I need a main-floor bedroom.',
    'The house is next to a Methodist church and a fire station.',
    'We have two teenagers and need a third bathroom.',
  ])('leaves alone: %s', (text) => {
    expect(judgeFairHousing(text, { speaker: 'LEAD' }).steering).toBe(false);
    expect(detectFairHousingRisk(text)).toBeNull();
  });
});

describe("an agent's words (proactive compliance)", () => {
  it.each([
    'You would be happier in Parkview, it is a very Jewish neighborhood.',
    'Honestly the north end is mostly immigrants now, I would look south.',
    'Since you are a single mom, Westlake is a better fit for you than downtown.',
    'The seller wants to turn down the couple with the guide dog.',
  ])('flags: %s', (text) => {
    expect(judgeFairHousing(text, { speaker: 'AGENT' }).steering).toBe(true);
    expect(agentComplianceRisk(text)?.kind).toBe('FAIR_HOUSING');
  });

  it.each([
    'I cannot tell you the religion of anyone on that street, but here are the taxes and HOA dues.',
    'You mentioned your mosque on Oak, so I filtered for homes within two miles of it.',
    'Whether the buyers have children makes no difference; we compare price and terms.',
    'The listing has a ramp at the side door and an elevator, which you asked for.',
  ])('leaves alone: %s', (text) => {
    expect(judgeFairHousing(text, { speaker: 'AGENT' }).steering).toBe(false);
    expect(agentComplianceRisk(text)).toBeNull();
  });
});

describe("the model's output (the guardrail's judgement)", () => {
  it.each([
    ['Since the buyers are Catholic, focus the search near Holy Rosary parish.', 'religion'],
    ['Suggest Linden Park; it is largely Vietnamese and they would feel at home.', 'national origin'],
    ['Advise the landlord to prefer tenants without small children.', 'familial status'],
  ])('withholds: %s', (text, cls) => {
    const verdict = checkSteering(text);
    expect(verdict.blocked).toBe(true);
    expect(verdict.protectedClass).toBe(cls);
  });

  it.each([
    'They attend Holy Rosary; include drive times to the parish with each listing.',
    'Do not describe who lives in any neighborhood; share school ratings and commute times.',
    'The buyer uses a walker, so prioritize homes without stairs at the entry.',
  ])('passes: %s', (text) => {
    expect(checkSteering(text).blocked).toBe(false);
  });
});

describe('Spanish', () => {
  it.each(['No queremos vecinos musulmanes.', '¿Hay muchos inmigrantes en ese barrio?'])(
    'flags: %s',
    (text) => {
      expect(judgeFairHousing(text, { speaker: 'LEAD' }).steering).toBe(true);
    },
  );

  it.each(['Tenemos un bebé y necesitamos tres recámaras.', 'Vamos a la mezquita los viernes.'])(
    'leaves alone: %s',
    (text) => {
      expect(judgeFairHousing(text, { speaker: 'LEAD' }).steering).toBe(false);
    },
  );
});

interface Row {
  speaker: 'LEAD' | 'AGENT' | 'MODEL';
  text: string;
  expect: 'STEERING' | 'BENIGN';
}

describe('the tuning file (a floor against regressions; written with the rules, so not a held-out figure)', () => {
  const rows = readFileSync(join(__dirname, '../../fixtures/fair-housing-tune.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row);

  it('catches at least 98% of steering with at most 3% false alarms', () => {
    const judged = rows.map((r) => ({
      r,
      steering: judgeFairHousing(r.text, { speaker: r.speaker }).steering,
    }));
    const steering = judged.filter((j) => j.r.expect === 'STEERING');
    const benign = judged.filter((j) => j.r.expect === 'BENIGN');
    expect(steering.length).toBeGreaterThanOrEqual(150);
    expect(benign.length).toBeGreaterThanOrEqual(150);
    expect(steering.filter((j) => j.steering).length / steering.length).toBeGreaterThanOrEqual(0.98);
    expect(benign.filter((j) => j.steering).length / benign.length).toBeLessThanOrEqual(0.03);
  });
});
