export const ORGANISATION_KINDS = [
  'company',
  'ministry',
  'utility',
  'university',
  'association',
  'ngo',
  'international',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  associationId: string;
  name: string;
  nameLatin: string | null;
  kind: OrganisationKind;
  country: string | null;
  city: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}
