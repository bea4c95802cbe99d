import crypto from 'node:crypto';
import { constants, gzipSync } from 'node:zlib';
import { normaliseCode } from '../certification/find-public-certificate.js';
import type { CertificateChangeListener } from '../certification/certificate-changes.js';
import type { DidDocument } from '../credentials/did-document.js';
import type { CertificateVerification } from './verify-certificate.js';

/**
 * The longest a kept answer is shown without asking the database again: the bound on how stale a
 * page can be should a change notification be lost (a dropped connection is noticed and flushes
 * everything; a notification lost otherwise is not).
 */
export const REVALIDATE_MS = 30_000;
const CAPACITY = 2000;

/** A rendered page, kept with what answering it needs. */
export interface KeptPage {
  html: string;
  body: Buffer;
  /** The body gzipped once, when that saves anything. */
  gzip: Buffer | null;
  etag: string;
}

interface Kept {
  verification: CertificateVerification;
  /** SHA-256 of the code that opened it, compared in constant time with each visitor's. */
  codeDigest: Buffer;
  didDocument: DidDocument;
  /** Shown until then; after it, asked again. */
  until: number;
  pages: Map<string, KeptPage>;
}

export type Verify = (number: string, code: string, didDocument: DidDocument, now: Date) => Promise<CertificateVerification | null>;

const digest = (code: string) => crypto.createHash('sha256').update(normaliseCode(code), 'utf8').digest();

/** The next moment the credential's validity check gives another answer, if it is ahead. */
function validityBoundaries(verification: CertificateVerification, now: number): number[] {
  const credential = verification.result?.credential as { validFrom?: unknown; validUntil?: unknown } | undefined;
  const moments: number[] = [];
  for (const value of [credential?.validFrom, credential?.validUntil]) {
    if (typeof value !== 'string') continue;
    // validUntil is the last valid second: the answer changes just after it.
    const at = Date.parse(value) + (value === credential?.validUntil ? 1000 : 0);
    if (Number.isFinite(at) && at > now) moments.push(at);
  }
  return moments;
}

/**
 * What the public verification address showed for each recently opened certificate, and its
 * rendered pages, so a page view in the steady state asks the database nothing. Kept answers are
 * dropped when the certificate changes (`changed`, from this process right after the commit and
 * from other instances by notification), all of them when notifications may have been missed
 * (`reset`), when the DID document changes, when the credential's validity period starts or ends,
 * and at the latest after REVALIDATE_MS. Unknown numbers and wrong codes are never kept: they are
 * answered by the database each time, after the same work, so keeping cannot tell them apart.
 */
export class KeptVerifications implements CertificateChangeListener {
  private readonly byNumber = new Map<string, Kept>();
  private readonly numberById = new Map<string, string>();
  private readonly loading = new Map<string, Promise<Kept | null>>();
  private readonly fingerprints = new WeakMap<DidDocument, string>();
  /** Counts invalidations: an answer read before one is not kept after it. */
  private generation = 0;

  constructor(
    private readonly verify: Verify,
    private readonly didDocument: () => Promise<DidDocument>,
    private readonly now: () => number = Date.now,
  ) {}

  changed(ids: readonly string[]): void {
    this.generation += 1;
    this.loading.clear();
    for (const id of ids) {
      const number = this.numberById.get(id);
      if (number === undefined) continue;
      this.numberById.delete(id);
      this.byNumber.delete(number);
    }
  }

  reset(): void {
    this.generation += 1;
    this.loading.clear();
    this.byNumber.clear();
    this.numberById.clear();
  }

  get size(): number {
    return this.byNumber.size;
  }

  /** The verification of this certificate, or null for an unknown number or a wrong code. */
  async lookup(number: string, code: string): Promise<{ verification: CertificateVerification; page(key: string, render: () => string): KeptPage } | null> {
    const kept = await this.current(number, code);
    if (!kept) return null;
    return {
      verification: kept.verification,
      page: (key, render) => {
        let page = kept.pages.get(key);
        if (!page) kept.pages.set(key, (page = keptPage(render())));
        return page;
      },
    };
  }

  private async current(number: string, code: string): Promise<Kept | null> {
    const kept = this.byNumber.get(number);
    if (kept && this.now() < kept.until && crypto.timingSafeEqual(kept.codeDigest, digest(code))) {
      const document = await this.didDocument();
      if (document === kept.didDocument) return kept;
      if (this.fingerprint(document) === this.fingerprint(kept.didDocument)) {
        kept.didDocument = document;
        return kept;
      }
    }
    const key = `${number}\u0000${code}`;
    let pending = this.loading.get(key);
    if (!pending) {
      const started = this.load(number, code).finally(() => {
        if (this.loading.get(key) === started) this.loading.delete(key);
      });
      this.loading.set(key, (pending = started));
    }
    return pending;
  }

  private async load(number: string, code: string): Promise<Kept | null> {
    const generation = this.generation;
    const didDocument = await this.didDocument();
    const now = this.now();
    const verification = await this.verify(number, code, didDocument, new Date(now));
    if (!verification) return null;
    const kept: Kept = {
      verification,
      codeDigest: digest(code),
      didDocument,
      until: Math.min(now + REVALIDATE_MS, ...validityBoundaries(verification, now)),
      pages: new Map(),
    };
    if (generation === this.generation) {
      const previous = this.byNumber.get(number);
      if (previous) this.numberById.delete(previous.verification.certificate.id);
      this.byNumber.set(number, kept);
      this.numberById.set(verification.certificate.id, number);
      while (this.byNumber.size > CAPACITY) {
        const [oldest, entry] = this.byNumber.entries().next().value as [string, Kept];
        this.byNumber.delete(oldest);
        this.numberById.delete(entry.verification.certificate.id);
      }
    }
    return kept;
  }

  private fingerprint(document: DidDocument): string {
    let text = this.fingerprints.get(document);
    if (text === undefined) this.fingerprints.set(document, (text = JSON.stringify(document)));
    return text;
  }
}

/** Pages smaller than this are sent as they are: gzip would save next to nothing. */
const GZIP_FROM_BYTES = 1024;

function keptPage(html: string): KeptPage {
  const body = Buffer.from(html, 'utf8');
  const gzip = body.length >= GZIP_FROM_BYTES ? gzipSync(body, { level: constants.Z_BEST_COMPRESSION }) : null;
  return { html, body, gzip: gzip && gzip.length < body.length ? gzip : null, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
