/** The public enums of listing-photo analysis (coaching's `analyzeListingPhotos`). */

/** What a flagged issue in a listing photo or its description is about. */
export enum ListingIssueKind {
  CLUTTER = 'CLUTTER',
  PEOPLE = 'PEOPLE',
  PERSONAL_INFO = 'PERSONAL_INFO',
  LOW_QUALITY = 'LOW_QUALITY',
  FAIR_HOUSING = 'FAIR_HOUSING',
  MISLEADING = 'MISLEADING',
  OTHER = 'OTHER',
}

export enum IssueSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
