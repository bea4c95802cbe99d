import { cleanText, type FieldProblems } from '../../platform/field-problems.js';
import { cleanTranslated } from '../../platform/i18n/translated-input.js';
import type { Translated } from '../../platform/i18n/translated.js';

export const MATERIAL_VISIBILITIES = ['public', 'participants'] as const;
export type MaterialVisibility = (typeof MATERIAL_VISIBILITIES)[number];

/**
 * The kinds of file a course may carry, recognised by content: documents, slides, sheets, images,
 * recordings and archives. Executables, scripts and web pages are refused.
 */
export const MATERIAL_FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/epub+zip',
  'application/zip',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'video/mp4',
  'audio/mpeg',
] as const;

export const MATERIAL_LIMITS = { title: 300, url: 2000 } as const;

export function cleanMaterialTitle(raw: Translated | undefined, problems: FieldProblems, required: boolean): Translated | undefined {
  if (raw === undefined && !required) return undefined;
  return cleanTranslated(raw, 'title', problems, { required, max: MATERIAL_LIMITS.title });
}

/** Only web links: a material must open in a browser, never run a script or a local program. */
export function cleanUrl(raw: string | undefined, problems: FieldProblems): string | undefined {
  if (raw === undefined) return undefined;
  const url = cleanText(raw) ?? '';
  if (url === '') {
    problems.add('url', 'required');
    return url;
  }
  let ok = url.length <= MATERIAL_LIMITS.url;
  try {
    const parsed = new URL(url);
    ok &&= (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.');
  } catch {
    ok = false;
  }
  if (!ok) problems.add('url', 'url');
  return url;
}
