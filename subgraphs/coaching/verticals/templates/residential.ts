/**
 * Residential resale (the default, and what REAL_ESTATE means): the offline coach's own slots, questions and
 * hints, unchanged; the Fair Housing guard applies in every vertical.
 */
import { HintCategory, Vertical } from '../../../../core/vocabulary';
import type { VerticalTemplate } from '../types';

export const residential: VerticalTemplate = {
  code: Vertical.RESIDENTIAL,
  label: 'Residential',
  summary: 'Agents helping people buy and sell homes.',
  slots: {},
  hintCategories: [
    HintCategory.QUALIFYING_QUESTION,
    HintCategory.OBJECTION_HANDLING,
    HintCategory.NEXT_STEP,
    HintCategory.INFORMATION,
    HintCategory.RAPPORT,
    HintCategory.COMPLIANCE_WARNING,
  ],
  vocabulary: ['pre-approval', 'showing', 'comps', 'earnest money', 'inspection', 'closing costs'],
  tips: {},
  compliance: [],
  promptGuidance:
    'Residential resale: qualify budget, financing, areas, timeline and must-haves for buyers; price expectation, timeline and motivation for sellers.',
};
