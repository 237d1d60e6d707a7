import { compileFairHousingModel, scoreFeatures } from '../../../../tools/coach/fair-housing-lr-model';
import { trainFairHousingModel } from '../../../../tools/coach/train-fair-housing-lr';
import { AUTHOR_FILES, EXTRA_TRAINING_FILES } from '../../../../tools/coach/fair-housing-authors';
import {
  atomicFeatures,
  structuralFeatures,
} from '../../../../subgraphs/coaching/coach/fair-housing-structure';

describe('structural Fair Housing features', () => {
  it('tells the speaker’s own household from the people who live somewhere', () => {
    const own = atomicFeatures('We keep Shabbat, so we need to be near our synagogue.');
    expect(own).toContain('c:WORSHIP|o:own');
    expect(own).toContain('a:need');
    const others = atomicFeatures('Is that part of town mostly Muslim families? Just curious.');
    expect(others).toContain('c:RELIGION|o:other');
    expect(others).toContain('a:ask');
  });

  it('reads a colour word said of a place by degree, not of a kitchen', () => {
    expect(atomicFeatures('is the Westwood area mostly white?')).toContain('c:COLOR');
    expect(atomicFeatures('the kitchen has white cabinets')).not.toContain('c:COLOR');
  });

  it('reads Spanish through its gloss and crosses the act with the class and the speaker', () => {
    const f = structuralFeatures('No quiero venderle a inmigrantes', 'LEAD');
    expect(f).toContain('c:NATIONAL_ORIGIN');
    expect(f).toContain('s:LEAD');
    expect(f).toContain('LEAD&a:exclude&c:NATIONAL_ORIGIN');
  });
});

describe('training steps', () => {
  it('fits tighter with more steps, the same data and L2', () => {
    const examples = [
      ...Array.from({ length: 4 }, () => ({ features: ['cue'], steering: true })),
      ...Array.from({ length: 4 }, () => ({ features: ['calm'], steering: false })),
    ];
    const short = compileFairHousingModel(trainFairHousingModel(examples, 0.001, 20));
    const long = compileFairHousingModel(trainFairHousingModel(examples, 0.001, 800));
    expect(scoreFeatures(long, ['cue'])).toBeGreaterThan(scoreFeatures(short, ['cue']));
  });
});

describe('the learned judge’s data', () => {
  it('holds the 18 independent authors and the six check files, and never a later sealed set', () => {
    expect(AUTHOR_FILES).toHaveLength(24);
    expect(
      [...AUTHOR_FILES, ...EXTRA_TRAINING_FILES].filter((f) => /sealed-(?:[7-9]|\d{2,})\//.test(f)),
    ).toEqual([]);
  });
});
