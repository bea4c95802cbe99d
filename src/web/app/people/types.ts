export const GENDERS = ['female', 'male', 'another', 'not_stated'] as const;
export type Gender = (typeof GENDERS)[number];

export const SECTORS = [
  'water_supply',
  'wastewater',
  'rainwater',
  'heat_supply',
  'waste_management',
  'energy_efficiency',
  'smart_city',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export interface PersonSummary {
  id: string;
  associationId: string;
  fullName: string;
  nameLatin: string | null;
  gender: Gender;
  country: string | null;
  city: string | null;
  sector: Sector | null;
  employerId: string | null;
  employerName: string | null;
  position: string | null;
  email: string | null;
}

export interface Person extends PersonSummary {
  birthDate: string | null;
  phone: string | null;
  registryConsent: boolean;
  registryConsentAt: string | null;
  emailConsent: boolean;
  emailConsentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const PAGE_SIZE = 25;

/** The page number from `?page=`, never below 1. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page > 0 ? page : 1;
}
