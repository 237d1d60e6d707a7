/** The service-layer input shapes the GraphQL input classes implement. */
export type {
  BrandingInput,
  CreateOrganizationInput,
  UpdateOrganizationBrandingInput,
} from '../service/organizations';
export type { CreateLocationInput, UpdateLocationInput } from '../service/locations';
export type { AddMemberInput, UpdateMemberInput } from '../service/members';
export type { CreatePartnerAppInput } from '../service/partner-apps';
export type { CreateApiKeyInput } from '../service/api-keys';
