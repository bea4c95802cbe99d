import { LOCALES, type Locale } from '../i18n.js';

export type Translated = Partial<Record<Locale, string>>;

export const COMPETENCY_AREAS = ['technical', 'technological', 'financial', 'economic', 'environmental', 'regulatory', 'legal'] as const;
export type CompetencyArea = (typeof COMPETENCY_AREAS)[number];
export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export type MaterialVisibility = 'public' | 'participants';

export interface Programme {
  id: string;
  associationId: string;
  code: string;
  title: Translated;
  summary: Translated;
  createdAt: string;
  updatedAt: string;
}

export interface CourseSummary {
  id: string;
  associationId: string;
  programmeId: string | null;
  code: string;
  slug: string;
  title: Translated;
  summary: Translated;
  competencyAreas: CompetencyArea[];
  sectors: string[];
  hours: number;
  cpdCredits: number;
  eqfLevel: number | null;
  status: CourseStatus;
  updatedAt: string;
}

export interface Material {
  id: string;
  courseId: string;
  kind: 'file' | 'link';
  title: Translated;
  url: string | null;
  file: { fileName: string; contentType: string; size: number; downloadUrl: string } | null;
  position: number;
  visibility: MaterialVisibility;
  createdAt: string;
}

export interface Course extends CourseSummary {
  learningOutcomes: Translated[];
  prerequisites: Translated;
  escoSkills: Array<{ uri: string; label: string }>;
  materials: Material[];
  createdAt: string;
}

/** The text in the reader's language, else English, else any language that has it (as on the server). */
export function pick(text: Translated | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.en ?? LOCALES.map((l) => text[l]).find((v) => v) ?? '';
}

/** The languages filled in, for a short "en, ru" note in lists. */
export function filledLocales(text: Translated): Locale[] {
  return LOCALES.filter((l) => (text[l] ?? '').trim() !== '');
}
