import { fileTypeFromBuffer } from 'file-type';

export interface DetectedType {
  /** The usual extension, without the dot. */
  ext: string;
  mime: string;
}

/**
 * What a file is, read from its first bytes (magic numbers, and the parts list of ZIP-based
 * office documents). The name and the browser's claim are never trusted: a PNG called
 * "handout.pdf" is a PNG. Null when the content is not a recognised binary format.
 */
export async function detectFileType(content: Uint8Array): Promise<DetectedType | null> {
  const found = await fileTypeFromBuffer(content);
  return found ? { ext: found.ext, mime: found.mime } : null;
}

/** The name to keep: the base of the uploaded name, with the extension of what the file really is. */
export function fileNameFor(uploadedName: string, detected: DetectedType): string {
  const base = uploadedName
    .replace(/^.*[\\/]/, '')
    .replace(/\p{Cc}|"/gu, '')
    .trim();
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return `${(stem || 'file').slice(0, 150)}.${detected.ext}`;
}
