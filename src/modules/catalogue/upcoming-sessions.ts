import type { Translator } from '../../platform/i18n/catalogue.js';

/** One upcoming delivery of a course, already worded in the reader's language by the module that owns sessions. */
export interface UpcomingSessionItem {
  /** Where the session's own page is. */
  href: string;
  /** E.g. the dates and the city. */
  label: string;
  /** Further facts, each shown on its own: format, language, seats left, price. */
  details: string[];
}

/**
 * How the course page learns of upcoming sessions without knowing their tables: the app passes a
 * function from the events module. Without one the page shows no sessions list.
 */
export type ListUpcomingSessions = (courseId: string, tr: Translator) => Promise<UpcomingSessionItem[]>;
