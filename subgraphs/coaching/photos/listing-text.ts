/**
 * Fair Housing in listing text, checked here and not only by the model: the agent's description (HUD advertising
 * guidance: no preference by a protected class, stated or implied) and every suggestion the model writes — a
 * suggestion that states such a preference is withheld, never returned.
 */
import { IssueSeverity, ListingIssueKind } from '../../../core/vocabulary';
import { detectFairHousingRisk } from '../coach/fair-housing';
import { checkSteering } from '../engine/guardrail';

export interface ListingIssue {
  kind: ListingIssueKind;
  severity: IssueSeverity;
  detail: string;
}

/** Phrases of ads that state who should live there (familial status, age, sex, religion, disability, origin). */
const AD_PREFERENCE =
  /\b(?:(?:perfect|ideal|great|suited|suitable) for (?:a )?(?:young |older |mature |single |married )?(?:couples?|famil(?:y|ies)|singles?|bachelors?|empty[- ]nesters|retirees|seniors|professionals|students|christians?|jews?|muslims?|men|women|ladies|gentlem[ae]n)|no (?:kids|children|families|wheelchairs?)|adults? only|(?:christian|jewish|muslim|catholic) (?:home|family|neighbou?rhood|community)|english[- ]speaking only|able[- ]bodied|exclusive neighbou?rhood|(?:white|black|hispanic|asian) neighbou?rhood)\b/i;

function fairHousing(text: string): string | null {
  const ad = AD_PREFERENCE.exec(text);
  if (ad) return 'states who the home suits (a protected-class preference)';
  const risk = detectFairHousingRisk(text);
  if (risk) return `refers to ${risk.protectedClass.toLowerCase().replace(/_/g, ' ')}`;
  const steering = checkSteering(text);
  if (steering.blocked) return `steers by ${steering.protectedClass ?? 'a protected class'}`;
  return null;
}

/** Fair Housing issues of the agent's description (the offending words are never echoed). */
export function descriptionIssues(description: string | undefined): ListingIssue[] {
  if (!description?.trim()) return [];
  const why = fairHousing(description);
  return why
    ? [
        {
          kind: ListingIssueKind.FAIR_HOUSING,
          severity: IssueSeverity.HIGH,
          detail: `The description ${why}: describe the property and its features, not the people who should live there.`,
        },
      ]
    : [];
}

/** The suggestions that state no protected-class preference, and how many were withheld. */
export function guardSuggestions(suggestions: readonly string[]): { kept: string[]; withheld: number } {
  const kept = suggestions.filter((s) => fairHousing(s) === null);
  return { kept, withheld: suggestions.length - kept.length };
}
