/**
 * The guard's Fair Housing verdict joins the rules with the learned judge by the policy fixed before its one
 * scoring (86.0% caught / 3.3% false alarms vs the rules' 84.7% / 7.3% on a fresh set): a rule hit stands
 * unless the model's p < 0.02; without one, the text is flagged at p >= 0.98. New sentences, in no labelled set.
 */
import { detectFairHousingRisk, judgeFairHousing } from '../../../subgraphs/coaching/coach/fair-housing';

describe('Fair Housing verdict: rules joined with the learned judge', () => {
  it('clears a lead describing their own household that the rules alone flagged', () => {
    const text = 'We have a newborn and a toddler so we need three bedrooms at least';
    expect(judgeFairHousing(text, { speaker: 'LEAD' })).toEqual({ steering: false });
    expect(detectFairHousingRisk(text)).toBeNull();
  });

  it('flags a question about who lives in an area that no rule catches, naming a class', () => {
    const text = 'how diverse is that area, like is it mostly one kind of people?';
    const verdict = judgeFairHousing(text, { speaker: 'LEAD' });
    expect(verdict).toMatchObject({ steering: true, protectedClass: 'RACE' });
    expect(verdict.reason).toMatch(/learned judge/);
    expect(detectFairHousingRisk(text)).toMatchObject({ protectedClass: 'RACE_COLOR' });
  });
});
