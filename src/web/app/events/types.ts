import type { Translated } from '../catalogue/types.js';
import type { Gender, Sector } from '../people/types.js';

export const EVENT_KINDS = ['training_week', 'forum', 'conference', 'study_visit', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const PUBLICATION_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const SESSION_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const FEE_MODES = ['free', 'sponsored', 'invoice'] as const;
export type FeeMode = (typeof FEE_MODES)[number];

/** The zones of the associations' countries first; any other IANA zone may be typed. */
export const COMMON_ZONES = ['Asia/Tashkent', 'Asia/Almaty', 'Asia/Qostanay', 'Europe/Riga', 'Europe/Brussels', 'UTC'] as const;
export const COMMON_CURRENCIES = ['UZS', 'KZT', 'EUR', 'USD'] as const;
/** Languages of instruction offered first: the interface languages and their neighbours. */
export const INSTRUCTION_LANGUAGES = ['uz', 'ru', 'kk', 'lv', 'en', 'de', 'fr', 'tg', 'ky', 'tk'] as const;

export interface EventSummary {
  id: string;
  associationId: string;
  projectId: string | null;
  slug: string;
  kind: EventKind;
  title: Translated;
  description: Translated;
  city: string | null;
  country: string | null;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  status: PublicationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface SessionDay {
  id: string;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
}

export interface SessionSummary {
  id: string;
  associationId: string;
  eventId: string | null;
  courseId: string;
  course: { id: string; code: string; slug: string; title: Translated } | null;
  projectId: string | null;
  slug: string;
  status: PublicationStatus;
  cancelledReason: string | null;
  city: string | null;
  country: string | null;
  venue: string | null;
  timeZone: string;
  format: SessionFormat;
  onlineUrl: string | null;
  language: string;
  capacity: number;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  registrationOpensLocal: string | null;
  registrationClosesLocal: string | null;
  price: { amount: number; currency: string } | null;
  minAttendancePercent: number;
  requiresFinalTest: boolean;
  minTestScore: number | null;
  days: SessionDay[];
  counts: { confirmed: number; waitlisted: number; cancelled: number };
  seatsLeft: number;
  publicPath: string;
  createdAt: string;
  updatedAt: string;
}

export interface Session extends SessionSummary {
  trainers: Array<{ personId: string; fullName: string; nameLatin: string | null; role: string }>;
  partners: Array<{ organisationId: string; name: string; nameLatin: string | null; role: string }>;
  guests: Array<{ id: string; name: string; title: string | null; personId: string | null }>;
}

export interface EventDetail extends EventSummary {
  sessions: SessionSummary[];
}

export interface Registration {
  id: string;
  personId: string;
  fullName: string;
  nameLatin: string | null;
  email: string | null;
  gender: Gender;
  country: string | null;
  sector: Sector | null;
  organisation: string | null;
  status: RegistrationStatus;
  position: number | null;
  ticketCode: string;
  source: 'public' | 'staff' | 'import';
  feeMode: FeeMode;
  sponsorProjectId: string | null;
  locale: string;
  createdAt: string;
  confirmedAt: string | null;
  waitlistedAt: string | null;
  cancelledAt: string | null;
  cancelledReason: string | null;
}

export interface RegistrationImportPreview {
  id: string;
  fileName: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  known: number;
  columns: string[];
  rows: Array<{ row: number; errors: Array<{ column: string; message: string }> }>;
}

export interface RegistrationImportResult {
  confirmed: number;
  waitlisted: number;
  skipped: number;
  newPeople: number;
}

/** Dates and times as the place's clocks show them, whatever zone the browser is in. */
export function sessionWhen(session: Pick<SessionSummary, 'days' | 'timeZone'>, tag: string): string {
  const first = session.days[0];
  const last = session.days[session.days.length - 1];
  if (!first || !last) return '';
  const f = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: session.timeZone });
  const a = f.format(new Date(first.startsAt));
  const b = f.format(new Date(last.startsAt));
  return a === b ? `${a}, ${first.start}–${first.end}` : `${a} – ${b}`;
}
