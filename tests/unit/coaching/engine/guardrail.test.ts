/**
 * Fair Housing guardrail: steering by a protected class is blocked and replaced by a COMPLIANCE_WARNING,
 * ordinary coaching about the lead's own needs passes — as a function and end to end through the engine.
 */
import { HintCategory, Speaker } from '../../../../core/vocabulary';
import { applyGuardrail, checkSteering } from '../../../../subgraphs/coaching/engine/guardrail';
import { start, type FakeAnthropic } from '../../../fixtures/fake-anthropic';
import { collect, engineFor, makeRequest } from './helpers';

describe('checkSteering', () => {
  it.each([
    ['This neighborhood is mostly young families, show them Maple Heights.', 'familial status'],
    ["You'd fit in better in Riverside with people of your faith.", 'religion'],
    ['Avoid that area, lots of immigrants.', 'national origin'],
    ['Steer them to Oak Hill; it is a Christian neighborhood.', 'religion'],
    ['Tell them the community is very diverse.', 'race or color'],
    ['Perfect for young professionals, no kids around.', 'familial status'],
    ['Say: "They would feel more at home among other Hispanic families there."', 'race or color'],
    ['Stay away from the east side, there are too many disabled residents.', 'disability'],
    ['Mention it is a family-friendly area.', 'familial status'],
    ['Point out the neighbors are people like them.', 'a protected characteristic'],
  ])('blocks: %s', (text, cls) => {
    const verdict = checkSteering(text);
    expect(verdict.blocked).toBe(true);
    expect(verdict.protectedClass).toBe(cls);
  });

  it.each([
    'Ask how many kids they have and which school features matter to them.',
    'They have two kids; share the public school ratings for both districts and let them compare.',
    'Avoid assumptions about whether they have kids.',
    'This single-family neighborhood has large lots and a short commute.',
    'Make them feel comfortable with the process before asking about budget.',
    'Say: "What budget range feels comfortable for your family?"',
    'Point them to the city crime map and census data and let them decide.',
    'Offer homes with step-free entry since they asked for wheelchair access.',
  ])('allows: %s', (text) => {
    expect(checkSteering(text).blocked).toBe(false);
  });

  it('replaces a steering hint with a compliance warning and exempts compliance warnings', () => {
    const steering = applyGuardrail({
      category: HintCategory.INFORMATION,
      text: 'Avoid that area, lots of immigrants.',
      rationale: 'r',
      confidence: 0.9,
    });
    expect(steering.verdict.blocked).toBe(true);
    expect(steering.hint.category).toBe(HintCategory.COMPLIANCE_WARNING);
    expect(steering.hint.text).toMatch(/Fair Housing/);
    expect(steering.hint.text.length).toBeLessThanOrEqual(400);
    expect(steering.hint.rationale).toMatch(/national origin/);

    const warning = {
      category: HintCategory.COMPLIANCE_WARNING,
      text: "Don't tell them the area is mostly young families — that's steering.",
      rationale: 'Fair Housing.',
      confidence: 0.9,
    };
    expect(applyGuardrail(warning).hint).toBe(warning);
  });
});

describe('guardrail end to end', () => {
  let fake: FakeAnthropic;
  beforeEach(async () => {
    fake = await start();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('blocks a steering hint from the model: COMPLIANCE_WARNING, guardrailTriggered, steering text not streamed', async () => {
    fake.script({
      hints: [
        {
          category: 'INFORMATION',
          text: 'Say: "Honestly, Maple Heights is mostly young families, so you would fit right in there."',
          rationale: 'Builds rapport.',
          confidence: 0.8,
        },
        {
          category: 'NEXT_STEP',
          text: 'Offer a Saturday showing tour.',
          rationale: 'Momentum.',
          confidence: 0.7,
        },
      ],
      chunkSize: 6,
    });
    const { engine } = engineFor(fake);
    const c = collect();
    const result = await engine.run(
      makeRequest({ turns: [{ speaker: Speaker.LEAD, text: 'What kind of people live in Maple Heights?' }] }),
      c.onEvent,
    );
    expect(result.guardrailTriggered).toBe(true);
    expect(result.hints[0]!.category).toBe(HintCategory.COMPLIANCE_WARNING);
    expect(result.hints[0]!.text).not.toMatch(/young families/);
    expect(result.hints[1]!.category).toBe(HintCategory.NEXT_STEP);
    // Streaming stopped before the offending words went out; `completed` carries the warning.
    expect(c.text(0)).not.toMatch(/young families/);
    const completed0 = c.events.find((e) => e.type === 'completed' && e.index === 0);
    expect(completed0 && completed0.type === 'completed' && completed0.hint.category).toBe(
      HintCategory.COMPLIANCE_WARNING,
    );
  });

  it('a clean answer leaves guardrailTriggered false', async () => {
    fake.script({
      hints: [
        { category: 'NEXT_STEP', text: 'Offer a Saturday showing tour.', rationale: 'r', confidence: 0.7 },
      ],
    });
    const { engine } = engineFor(fake);
    const result = await engine.run(makeRequest());
    expect(result.guardrailTriggered).toBe(false);
  });
});
