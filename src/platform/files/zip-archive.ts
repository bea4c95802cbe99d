import { Zip, ZipPassThrough } from 'fflate';

/**
 * A ZIP built in memory as entries are added. Entries are stored, not deflated: they are PDFs,
 * compressed already, so deflating them again costs time and saves nothing.
 */
export class ZipArchive {
  private readonly chunks: Uint8Array[] = [];
  private readonly failures: Error[] = [];
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failures.push(error);
    else this.chunks.push(chunk);
  });

  add(name: string, bytes: Uint8Array, modified: Date): void {
    const entry = new ZipPassThrough(name);
    entry.mtime = modified;
    this.zip.add(entry);
    entry.push(bytes, true);
  }

  finish(): Buffer {
    this.zip.end();
    if (this.failures[0]) throw this.failures[0];
    return Buffer.concat(this.chunks);
  }
}
