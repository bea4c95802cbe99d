import type { Translated } from '../catalogue/types.js';

export const PARTNER_ROLES = ['coordinator', 'partner', 'associated'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

export interface Partner {
  organisationId: string;
  name: string;
  nameLatin: string | null;
  country: string | null;
  role: PartnerRole;
}

export interface Project {
  id: string;
  associationId: string;
  name: string;
  donor: string;
  programme: string | null;
  agreementNumber: string | null;
  startsOn: string | null;
  endsOn: string | null;
  acknowledgement: Translated;
  partners: Partner[];
  createdAt: string;
}
