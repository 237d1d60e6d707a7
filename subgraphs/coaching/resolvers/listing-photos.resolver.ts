/** `analyzeListingPhotos`: a thin wrapper over service/listing-photos.ts, with its input and result types. */
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { IssueSeverity, ListingIssueKind } from '../../../core/vocabulary';
import { withService, type CoachingContext } from '../service/context';
import { analyzeListingPhotos, type ListingPhotoAnalysisView } from '../service/listing-photos';

@InputType({
  description: 'One listing photo: a public https URL, or uploaded bytes as base64 with their media type.',
})
export class ListingPhotoInput {
  @Field(() => String, {
    nullable: true,
    description:
      'A public https URL of the image (the model provider fetches it; private, loopback and credentialed URLs are refused). Give url or data.',
  })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The image bytes as standard base64 (a data: URL prefix is accepted), at most 3,750,000 bytes decoded; the request must also fit the body limit (413 PAYLOAD_TOO_LARGE).',
  })
  data?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Media type of `data`: image/jpeg, image/png, image/webp or image/gif (checked against the bytes).',
  })
  mediaType?: string | null;
}

@InputType({ description: 'Photos of one listing and, optionally, the draft description.' })
export class AnalyzeListingPhotosInput {
  @Field(() => [ListingPhotoInput], { description: '1 to 10 photos, in the order they will be shown.' })
  photos!: ListingPhotoInput[];

  @Field(() => String, {
    nullable: true,
    description:
      "The agent's draft description (at most 5,000 characters): checked for Fair Housing wording and improved.",
  })
  description?: string | null;
}

@ObjectType({ description: 'Something to fix in a listing photo or in the description.' })
export class ListingIssue {
  @Field(() => ListingIssueKind, { description: 'What the issue is about.' })
  kind!: ListingIssueKind;

  @Field(() => IssueSeverity, { description: 'How much it matters before publishing.' })
  severity!: IssueSeverity;

  @Field(() => Int, {
    nullable: true,
    description: 'The photo (0-based index of the input), or null for the description.',
  })
  photoIndex!: number | null;

  @Field(() => String, { description: 'What to fix, in one sentence.' })
  detail!: string;
}

@ObjectType({ description: 'The review of one photo.' })
export class ListingPhotoReview {
  @Field(() => Int, { description: '0-based index of the photo in the input.' })
  index!: number;

  @Field(() => String, { description: 'A short, factual caption for the photo.' })
  caption!: string;

  @Field(() => [ListingIssue], { description: "This photo's issues." })
  issues!: ListingIssue[];
}

@ObjectType({ description: 'What the model saw in the listing photos, and what to write and fix.' })
export class ListingPhotoAnalysis {
  @Field(() => [ListingPhotoReview], { description: 'One review per photo, in input order.' })
  photos!: ListingPhotoReview[];

  @Field(() => [ListingIssue], {
    description: 'Every flagged issue (photos and description), most severe first.',
  })
  issues!: ListingIssue[];

  @Field(() => [String], {
    description: 'Description text suggested from the photos; none states who the home suits (Fair Housing).',
  })
  descriptionSuggestions!: string[];

  @Field(() => Int, { description: 'Suggestions withheld because they stated a protected-class preference.' })
  withheldSuggestions!: number;

  @Field(() => String, { description: 'The model that answered.' })
  model!: string;

  @Field(() => Int, { description: 'Input tokens of the model call (photos included).' })
  tokensIn!: number;

  @Field(() => Int, { description: 'Output tokens of the model call.' })
  tokensOut!: number;

  @Field(() => Int, { description: 'Cost of the model call in micro-dollars.' })
  costMicros!: number;

  @Field(() => Int, { description: 'How long the model call took, in milliseconds.' })
  latencyMs!: number;
}

@Resolver()
export class ListingPhotosResolver {
  @Mutation(() => ListingPhotoAnalysis, {
    description:
      "Reviews listing photos with Claude (image content blocks): a caption and flagged issues per photo (clutter, people, personal information, quality, misleading), description suggestions in the caller's organization's vertical, and Fair Housing issues in the draft description. Needs scope coaching:write; needs a hint left in the allowance (QUOTA_EXCEEDED otherwise; the analysis keeps none). BAD_USER_INPUT for no photo or more than 10, a media type other than JPEG/PNG/WebP/GIF, bytes that are not that format, an upload over 3,750,000 bytes, or a URL that is not public https; MODEL_UNAVAILABLE when no model is configured or the model stays unreachable.",
  })
  analyzeListingPhotos(
    @Arg('input', () => AnalyzeListingPhotosInput, { description: 'The photos and the draft description.' })
    input: AnalyzeListingPhotosInput,
    @Ctx() ctx: CoachingContext,
  ): Promise<ListingPhotoAnalysisView> {
    return withService(ctx, (svc) => analyzeListingPhotos(svc, input));
  }
}
