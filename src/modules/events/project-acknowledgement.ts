import type { Locale } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { LOCALES } from '../../config.js';
import { findProject } from './projects-repository.js';

export interface ProjectAcknowledgement {
  /** The statement, in the wanted language when the project has it there. */
  text: string;
  /** The language the text is in (English or another one when the wanted one is missing). */
  lang: Locale;
  projectName: string;
  donor: string;
}

/**
 * The donor's acknowledgement to print at the end of every public page, document and
 * certificate produced under the project. Null when there is no such project or it has no text.
 */
export async function getProjectAcknowledgement(db: DbOrTx, projectId: string, locale: Locale): Promise<ProjectAcknowledgement | null> {
  const project = await findProject(db, projectId);
  if (!project) return null;
  const { acknowledgement } = project;
  const lang = acknowledgement[locale] ? locale : acknowledgement.en ? 'en' : LOCALES.find((l) => acknowledgement[l]);
  if (!lang) return null;
  return { text: acknowledgement[lang]!, lang, projectName: project.name, donor: project.donor };
}
