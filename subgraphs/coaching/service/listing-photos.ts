/**
 * `analyzeListingPhotos`: checks the photos (photos/photo-input.ts), admits the call against the tenant's hint
 * allowance (a tenant with no hint left gets QUOTA_EXCEEDED; the analysis itself keeps no hint), asks the model
 * (photos/photo-analyzer.ts) in the caller's organization's vertical, and returns its captions, flagged issues and
 * description suggestions — with Fair Housing checked here as well: the agent's text by our own rules, and any
 * suggestion that states a protected-class preference withheld.
 */
import { BadUserInputError, ModelUnavailableError } from '../../../core/errors';
import { IssueSeverity } from '../../../core/vocabulary';
import { descriptionIssues, guardSuggestions, type ListingIssue } from '../photos/listing-text';
import { checkPhotos, type PhotoInputData } from '../photos/photo-input';
import { verticalTemplate } from '../verticals/registry';
import { requireWrite } from './access';
import type { ServiceCtx } from './context';
import { settleHints, takeHints } from './quota';
import { organizationVertical } from './vertical';

export const MAX_DESCRIPTION_CHARS = 5_000;

export interface AnalyzeListingPhotosData {
  photos: PhotoInputData[];
  description?: string | null;
}

export interface ListingIssueView extends ListingIssue {
  /** The photo (0-based), or null for the description. */
  photoIndex: number | null;
}

export interface ListingPhotoAnalysisView {
  photos: { index: number; caption: string; issues: ListingIssueView[] }[];
  issues: ListingIssueView[];
  descriptionSuggestions: string[];
  withheldSuggestions: number;
  model: string;
  tokensIn: number;
  tokensOut: number;
  costMicros: number;
  latencyMs: number;
}

const RANK: Record<IssueSeverity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };

export async function analyzeListingPhotos(
  svc: ServiceCtx,
  input: AnalyzeListingPhotosData,
): Promise<ListingPhotoAnalysisView> {
  requireWrite(svc.principal);
  const description = input.description ?? undefined;
  if (description !== undefined && description.length > MAX_DESCRIPTION_CHARS)
    throw new BadUserInputError('description', `must be at most ${MAX_DESCRIPTION_CHARS} characters`);
  const photos = checkPhotos(input.photos, svc.rt.photos.limits);
  if (!svc.rt.photos.analyzer.available)
    throw new ModelUnavailableError(
      'listing photo analysis needs a model: no ANTHROPIC_API_KEY is configured',
    );
  const { tenantId, organizationId } = svc.principal;
  const vertical = verticalTemplate(await organizationVertical(svc.em, tenantId, organizationId));
  const grant = await takeHints(svc.rt, tenantId, { em: svc.em });
  try {
    const result = await svc.rt.photos.analyzer.analyze({ photos, description, vertical: vertical.label });
    const { kept, withheld } = guardSuggestions(result.report.descriptionSuggestions);
    const byPhoto = photos.map((_, index) => {
      const r = result.report.photos.find((p) => p.index === index);
      return {
        index,
        caption: r?.caption ?? '',
        issues: (r?.issues ?? []).map((i) => ({ ...i, photoIndex: index })),
      };
    });
    const textIssues = [...descriptionIssues(description), ...result.report.descriptionIssues].map((i) => ({
      ...i,
      photoIndex: null,
    }));
    const issues = [...textIssues, ...byPhoto.flatMap((p) => p.issues)].sort(
      (a, b) => RANK[a.severity] - RANK[b.severity],
    );
    svc.logger.info(
      { tenantId, photos: photos.length, model: result.model, costMicros: result.costMicros },
      'listing photos analyzed',
    );
    return {
      photos: byPhoto,
      issues,
      descriptionSuggestions: kept,
      withheldSuggestions: withheld,
      model: result.model,
      tokensIn:
        result.usage.inputTokens + result.usage.cacheCreationInputTokens + result.usage.cacheReadInputTokens,
      tokensOut: result.usage.outputTokens,
      costMicros: result.costMicros,
      latencyMs: result.latencyMs,
    };
  } finally {
    await settleHints(svc.rt, grant, 0).catch((err: unknown) =>
      svc.logger.warn({ err }, 'could not release the photo analysis quota grant'),
    );
  }
}
