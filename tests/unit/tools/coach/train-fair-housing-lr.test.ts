import { compileFairHousingModel, scoreFeatures } from '../../../../tools/coach/fair-housing-lr-model';
import { fairHousingFeatures } from '../../../../tools/coach/fair-housing-lr-features';
import { trainFairHousingModel } from '../../../../tools/coach/train-fair-housing-lr';

describe('experimental Fair Housing logistic regression', () => {
  it('learns which feature marks steering, and is deterministic', () => {
    const examples = [
      ...Array.from({ length: 6 }, () => ({ features: ['cue', 'w:homes'], steering: true })),
      ...Array.from({ length: 6 }, () => ({ features: ['w:homes', 'w:schools'], steering: false })),
    ];
    const model = compileFairHousingModel(trainFairHousingModel(examples));
    expect(scoreFeatures(model, ['cue', 'w:homes'])).toBeGreaterThan(0.8);
    expect(scoreFeatures(model, ['w:homes', 'w:schools'])).toBeLessThan(0.2);
    expect(trainFairHousingModel(examples)).toEqual(trainFairHousingModel(examples));
  });

  it('replaces class words by their class, so the model learns the construction around them', () => {
    const f = fairHousingFeatures('We only want to show it to Christian families', 'LEAD');
    expect(f).toContain('cls:religion');
    expect(f.some((x) => x.startsWith('w:christian'))).toBe(false);
  });
});
