import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testMessages, type TestContext } from '../../../test/app.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { auditRowsFor } from '../audit/repository.js';
import { verifyAuditChain } from '../audit/verify-audit-chain.js';
import { issuerFor } from '../credentials/issuer.js';
import { createProofPool } from '../credentials/proof-pool.js';
import { verifyCredential } from '../credentials/verify-credential.js';
import { loadCertificateCredential, loadCertificateCredentialText } from './certificate-credential.js';
import { writeCertificate } from './certificate-issuance.js';
import { findCertificate } from './certificates-repository.js';
import { certificationDeps } from './routes.js';
import { signMissingCredentials } from './sign-missing-credentials.js';
import { certificateCredentials, certificates } from './tables.js';

let ctx: TestContext;
const pool = createProofPool({ size: 1 });

beforeAll(async () => {
  ctx = await createTestApp();
  // Demo certificates in every status, written as before credentials existed: without one.
  await seedDemo(ctx.database.db);
});
afterAll(async () => {
  await pool.close();
  await ctx.close();
});

const deps = () => certificationDeps({ config: ctx.config, database: ctx.database, messages: testMessages() });

async function allCertificates() {
  return ctx.database.db.select({ id: certificates.id, status: certificates.status, number: certificates.number }).from(certificates);
}

describe('certificates issued before credentials existed', () => {
  it('get their signed credential once, in batches a later pass resumes; certificates that have one keep it', async () => {
    const { db } = ctx.database;
    const before = await allCertificates();
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(new Set(before.map((c) => c.status))).toEqual(new Set(['active', 'suspended', 'revoked', 'expired']));
    expect(await db.select().from(certificateCredentials)).toEqual([]);

    // One issued since, with its credential: the pass must leave it exactly as signed.
    const model = (await findCertificate(db, before.find((c) => c.status === 'active')!.id))!;
    const signer = await deps().credentials.signer();
    const fresh = await db.transaction((tx) =>
      writeCertificate(tx, deps(), {
        associationId: model.associationId,
        schemeId: model.schemeId,
        numberPrefix: model.numberPrefix,
        levelId: model.levelId,
        personId: model.personId,
        applicationId: null,
        replacesId: null,
        origin: 'application',
        holderName: model.holderName,
        holderNameLatin: model.holderNameLatin,
        issuedOn: model.issuedOn,
        validUntil: model.validUntil,
        numberYear: model.year,
        actorId: null,
        signer,
      }),
    );
    const freshText = await loadCertificateCredentialText(db, fresh.id);
    // One so old it has no status-list positions either.
    const revoked = before.find((c) => c.status === 'revoked')!;
    await db.update(certificates).set({ revocationListId: null, revocationIndex: null, suspensionListId: null, suspensionIndex: null }).where(eq(certificates.id, revoked.id));

    // A pass cut short after its first batch keeps that batch.
    expect(await signMissingCredentials(db, deps(), { batch: 2, maxBatches: 1, pool: null })).toEqual({ signed: 2 });
    expect(await db.select({ id: certificateCredentials.certificateId }).from(certificateCredentials)).toHaveLength(3);

    // The next pass signs the rest, with the proofs made in a worker thread.
    expect(await signMissingCredentials(db, deps(), { batch: 2, pool })).toEqual({ signed: before.length - 2 });
    expect(await signMissingCredentials(db, deps(), { batch: 2, pool })).toEqual({ signed: 0 });
    expect(await loadCertificateCredentialText(db, fresh.id)).toBe(freshText);

    const sources = await issuerFor({ config: ctx.config, database: ctx.database }).verifySources();
    const expected = { active: 'valid', suspended: 'suspended', revoked: 'revoked', expired: 'expired' } as const;
    for (const certificate of before) {
      const stored = (await loadCertificateCredential(db, certificate.id))!;
      expect(stored, certificate.number).not.toBeNull();
      expect((stored.credential.credentialSubject as { licenseNumber: string }).licenseNumber).toBe(certificate.number);
      const result = await verifyCredential(stored.credential, { ...sources, trustedIssuers: [issuerFor(ctx).did] });
      const failed = result.checks.filter((c) => !c.ok).map((c) => c.name);
      if (certificate.status === 'active') expect(failed, certificate.number).toEqual([]);
      else expect(failed, `${certificate.number} ${expected[certificate.status]}`).toEqual([certificate.status === 'expired' ? 'validity' : 'status']);
      const jwt = await verifyCredential(stored.jwt, { ...sources, trustedIssuers: [issuerFor(ctx).did] });
      expect(jwt.form).toBe('jwt');
      expect(jwt.checks.find((c) => c.name === 'signature')?.ok).toBe(true);
      // Signed once: one audit entry each, however many passes ran.
      const audit = await auditRowsFor(db, `certificate:${certificate.id}`);
      expect(audit.filter((a) => a.action === 'credential_signed')).toHaveLength(1);
    }
    // The certificate that had no positions got them, and its revocation bit is set.
    const placed = (await db.select().from(certificates).where(inArray(certificates.id, [revoked.id])))[0]!;
    expect(placed.revocationListId).not.toBeNull();
    expect(placed.suspensionIndex).not.toBeNull();
    expect((await auditRowsFor(db, `certificate:${fresh.id}`)).map((a) => a.action)).toEqual(['issued']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
