import { inflateSync } from 'node:zlib';
import {
  AFRelationship,
  FileEmbedder,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { AppError } from '../errors.js';
import type { AttachedFile } from './certificate-types.js';

/**
 * Files carried inside a PDF: listed in the catalogue's EmbeddedFiles name tree (what viewers show
 * as attachments) and in its AF array (PDF 2.0 / PDF/A-3 associated files), with a relationship.
 */
export async function attachFiles(doc: PDFDocument, files: readonly AttachedFile[]): Promise<void> {
  if (files.length === 0) return;
  const { context, catalog } = doc;
  const entries: [string, PDFRef][] = [];
  for (const file of files) {
    const embedder = FileEmbedder.for(file.bytes, file.name, {
      mimeType: file.mimeType,
      afRelationship: AFRelationship[file.relationship ?? 'Data'],
      ...(file.description ? { description: file.description } : {}),
      ...(file.modifiedAt ? { creationDate: file.modifiedAt, modificationDate: file.modifiedAt } : {}),
    });
    entries.push([file.name, await embedder.embedIntoContext(context)]);
  }
  // A name tree's keys are sorted.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  catalog.set(PDFName.of('Names'), context.obj({ EmbeddedFiles: { Names: entries.flatMap(([name, ref]) => [PDFHexString.fromText(name), ref]) } }));
  catalog.set(PDFName.of('AF'), context.obj(entries.map(([, ref]) => ref)));
}

export interface PdfAttachment {
  name: string;
  mimeType?: string;
  description?: string;
  relationship?: string;
  bytes: Uint8Array;
}

export interface ReadAttachmentsOptions {
  /** Largest file accepted once decompressed; a larger one is refused, not inflated. */
  maxBytes?: number;
}

/** The files attached to a PDF (e.g. the signed credential inside a certificate). */
export async function readPdfAttachments(pdf: Uint8Array, options: ReadAttachmentsOptions = {}): Promise<PdfAttachment[]> {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw new AppError('unsupported_file');
  }
  const specs = new Set<PDFDict>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  if (tree) collectNameTree(doc, tree, specs, 0);
  const associated = doc.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
  for (let i = 0; i < (associated?.size() ?? 0); i++) {
    const spec = resolve(doc, associated?.get(i));
    if (spec instanceof PDFDict) specs.add(spec);
  }
  const attachments: PdfAttachment[] = [];
  for (const spec of specs) {
    const attachment = readFileSpec(doc, spec, maxBytes);
    if (attachment) attachments.push(attachment);
  }
  return attachments;
}

function resolve(doc: PDFDocument, object: PDFObject | undefined): PDFObject | undefined {
  return object instanceof PDFRef ? doc.context.lookup(object) : object;
}

function collectNameTree(doc: PDFDocument, node: PDFDict, specs: Set<PDFDict>, depth: number): void {
  if (depth > 16) return;
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  for (let i = 1; i < (pairs?.size() ?? 0); i += 2) {
    const spec = resolve(doc, pairs?.get(i));
    if (spec instanceof PDFDict) specs.add(spec);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; i < (kids?.size() ?? 0); i++) {
    const kid = resolve(doc, kids?.get(i));
    if (kid instanceof PDFDict) collectNameTree(doc, kid, specs, depth + 1);
  }
}

function text(object: PDFObject | undefined): string | undefined {
  if (object instanceof PDFHexString || object instanceof PDFString) return object.decodeText();
  if (object instanceof PDFName) return object.decodeText();
  return undefined;
}

function readFileSpec(doc: PDFDocument, spec: PDFDict, maxBytes: number): PdfAttachment | undefined {
  const files = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const stream = resolve(doc, files?.get(PDFName.of('UF')) ?? files?.get(PDFName.of('F')));
  if (!(stream instanceof PDFRawStream)) return undefined;
  const filter = resolve(doc, stream.dict.get(PDFName.of('Filter')));
  const filterName = filter instanceof PDFArray && filter.size() === 1 ? resolve(doc, filter.get(0)) : filter;
  let bytes: Uint8Array;
  if (filterName === undefined) {
    bytes = stream.contents;
  } else if (filterName instanceof PDFName && filterName.asString() === '/FlateDecode' && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      bytes = inflateSync(stream.contents, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error instanceof RangeError) throw new AppError('payload_too_large');
      return undefined;
    }
  } else {
    return undefined;
  }
  if (bytes.length > maxBytes) throw new AppError('payload_too_large');
  const name = text(resolve(doc, spec.get(PDFName.of('UF')))) ?? text(resolve(doc, spec.get(PDFName.of('F')))) ?? '';
  const mimeType = text(resolve(doc, stream.dict.get(PDFName.of('Subtype'))));
  const description = text(resolve(doc, spec.get(PDFName.of('Desc'))));
  const relationship = text(resolve(doc, spec.get(PDFName.of('AFRelationship'))));
  return {
    name,
    bytes,
    ...(mimeType ? { mimeType } : {}),
    ...(description ? { description } : {}),
    ...(relationship ? { relationship } : {}),
  };
}
