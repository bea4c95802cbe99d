import crypto from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testMessages, type Agent, type TestContext } from '../../../test/app.js';
import type { Database } from '../../db/client.js';
import { resumeJobs } from '../../platform/jobs/runner.js';
import { readPdfAttachments } from '../../platform/pdf/attachments.js';
import { checkCertificatePdf } from '../../platform/pdf/visible-fields.js';
import { auditRowsFor } from '../audit/repository.js';
import { expectedCertificateFields } from '../credentials/certificate-fields.js';
import { verifyEddsaRdfc2022Independently } from '../credentials/independent-eddsa-verifier.js';
import { issuerFor } from '../credentials/issuer.js';
import { validateOb3Schema } from '../credentials/ob3-schema.js';
import { rotateDatabaseKeys } from '../credentials/rotate-issuer-keys.js';
import { verifyCredential, type VerificationResult } from '../credentials/verify-credential.js';
import { certificationJobHandlers } from './bulk-issue-certificates.js';
import { credentialsFor, loadCertificateCredential } from './certificate-credential.js';
import { renderCertificateDocument } from './certificate-document.js';
import { approvedApplication, certificationWorld, createScheme, mailsTo, signedInAgent, type CertificationWorld, type SchemeBody } from './certification-test-data.js';
import { certificationDeps } from './routes.js';
import { certificateCredentials, certificates } from './tables.js';

let ctx: TestContext;
let uz: CertificationWorld;
let scheme: SchemeBody;

beforeAll(async () => {
  ctx = await createTestApp();
  uz = await certificationWorld(ctx, { country: 'UZ', defaultLocale: 'uz', timeZone: 'Asia/Tashkent', name: 'Oʻzbekiston muhandislar assotsiatsiyasi' });
  // The Engineer level requires the rain course: give it ESCO skills and an EQF level to align to.
  const course = await uz.staff.request({
    method: 'PATCH',
    url: `/api/v1/courses/${uz.courses.rain}`,
    payload: { eqfLevel: 6, escoSkills: [{ uri: 'http://data.europa.eu/esco/skill/0b8e8b3e-7ff8-4bb4-8b6a-b5a0b1c7e8a2', label: 'design drainage systems' }] },
  });
  expect(course.statusCode, course.body).toBe(200);
  scheme = await createScheme(uz, { certificateLocales: ['uz', 'en'] });
});
afterAll(async () => ctx.close());

interface Issued {
  id: string;
  number: string;
  verificationCode: string;
  issuedOn: string;
  validUntil: string;
}

/** An engineer's application for a level, approved with all its requirements ticked by the assessor. */
async function approved(level: number, fullName: string, nameLatin: string | null, target: SchemeBody = scheme): Promise<{ engineer: Agent; id: string }> {
  return approvedApplication(ctx, uz, target.levels[level]!.id, { fullName, nameLatin });
}

/** An approved application's certificate, issued by staff. */
async function issueFor(level: number, fullName: string, nameLatin: string | null): Promise<{ engineer: Agent; certificate: Issued; applicationId: string }> {
  const { engineer, id } = await approved(level, fullName, nameLatin);
  const base = `/api/v1/applications/${id}`;
  const issued = await uz.staff.request({ method: 'POST', url: `${base}/certificate`, payload: {} });
  expect(issued.statusCode, issued.body).toBe(201);
  return { engineer, certificate: issued.json<Issued>(), applicationId: id };
}

async function verify(credential: unknown, database: Database = ctx.database, now?: Date): Promise<VerificationResult> {
  const sources = await issuerFor({ config: ctx.config, database }).verifySources();
  return verifyCredential(credential, { ...sources, trustedIssuers: [issuerFor(ctx).did], ...(now ? { now } : {}) });
}

const check = (result: VerificationResult, name: string) => result.checks.find((c) => c.name === name);

/** The same database behind a new handle: a new issuer that reads its keys again, as after a restart. */
function restarted(): Database {
  return { ...ctx.database };
}

describe('the credential of an issued certificate', () => {
  it('is signed in the issuing transaction: an OB 3.0 credential that validates, verifies with two implementations, and as a VC-JWT', async () => {
    const { certificate } = await issueFor(0, 'Ғуломов Ўктам Шавкатович', 'G‘ulomov O‘ktam');
    const stored = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    expect(stored).not.toBeNull();
    const { credential, jwt } = stored;

    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    const subject = credential.credentialSubject as Record<string, unknown>;
    expect(subject.licenseNumber).toBe(certificate.number);
    expect(subject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Ғуломов Ўктам Шавкатович' },
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'G‘ulomov O‘ktam' },
    ]);
    const achievement = subject.achievement as Record<string, unknown>;
    expect(achievement).toMatchObject({ achievementType: 'Certification', inLanguage: 'uz', name: 'Muhandis — Maslahatchi muhandislarni milliy sertifikatlash' });
    expect(achievement.related).toEqual([{ id: expect.stringContaining('lang=en'), type: ['Related'], inLanguage: 'en' }]);
    expect(achievement.alignment).toEqual([
      expect.objectContaining({ targetFramework: 'ESCO', targetName: 'design drainage systems', targetType: 'ext:ESCOSkill' }),
      expect.objectContaining({ targetCode: '6', targetType: 'ext:EQFLevel' }),
    ]);
    // The dates are the certificate's days in Tashkent, written with Tashkent's offset.
    expect(credential.validFrom).toBe(`${certificate.issuedOn}T00:00:00+05:00`);
    expect(credential.validUntil).toBe(`${certificate.validUntil}T23:59:59+05:00`);
    const issuer = issuerFor(ctx);
    const row = (await ctx.database.db.select().from(certificates).where(eq(certificates.id, certificate.id)))[0]!;
    const statuses = credential.credentialStatus as Array<Record<string, string>>;
    expect(statuses.map((s) => [s.statusPurpose, s.statusListIndex])).toEqual([
      ['revocation', String(row.revocationIndex)],
      ['suspension', String(row.suspensionIndex)],
    ]);
    expect(statuses[0]!.statusListCredential).toMatch(new RegExp(`^${issuer.baseUrl}/credentials/status/revocation/\\d+$`));
    expect((credential.issuer as { id: string }).id).toBe(issuer.did);

    // The official schema copy allows one status entry: check each of the two in turn.
    for (const entry of statuses) {
      const schema = validateOb3Schema({ ...credential, credentialStatus: entry });
      expect(schema.errors).toEqual([]);
      expect(schema.ok).toBe(true);
    }
    const result = await verify(credential);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.valid).toBe(true);
    const proof = credential.proof as { verificationMethod: string; cryptosuite: string };
    expect(proof.cryptosuite).toBe('eddsa-rdfc-2022');
    const key = (await issuer.didDocument()).verificationMethod.find((m) => m.id === proof.verificationMethod)!;
    expect(await verifyEddsaRdfc2022Independently(credential, key.publicKeyMultibase)).toBe(true);
    expect(await verifyEddsaRdfc2022Independently({ ...credential, validUntil: '2199-01-01T00:00:00Z' }, key.publicKeyMultibase)).toBe(false);

    const fromJwt = await verify(jwt);
    expect(fromJwt.form).toBe('jwt');
    expect(fromJwt.valid).toBe(true);
    expect(fromJwt.credential?.credentialSubject).toEqual(subject);

    const audit = await auditRowsFor(ctx.database.db, `certificate:${certificate.id}`);
    expect(audit.map((a) => a.action)).toEqual(['issued']);
    expect(audit[0]!.data).toMatchObject({ credentialKey: proof.verificationMethod });
  });

  it('is made once: a retried issue answers with the same certificate and signs nothing again', async () => {
    const { engineer, certificate, applicationId } = await issueFor(1, 'Jānis Bērziņš', null);
    const before = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    const [a, b] = await Promise.all([1, 2].map(() => uz.staff.request({ method: 'POST', url: `/api/v1/applications/${applicationId}/certificate`, payload: {} })));
    expect([a!.statusCode, b!.statusCode]).toEqual([200, 200]);
    const rows = await ctx.database.db.select({ n: count() }).from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id));
    expect(rows[0]!.n).toBe(1);
    expect(await loadCertificateCredential(ctx.database.db, certificate.id)).toEqual(before);
    expect(await mailsTo(ctx, engineer.email, 'certification.mail.certificate_issued')).toHaveLength(1);
    // A Latin name needs no second name identifier.
    expect((before.credential.credentialSubject as { identifier: unknown[] }).identifier).toHaveLength(1);
  });

  it('is reported suspended, revoked and expired as the certificate is', async () => {
    const { certificate } = await issueFor(1, 'Бахтиёр Назаров', 'Baxtiyor Nazarov');
    const { credential } = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    const base = `/api/v1/certificates/${certificate.id}`;
    await uz.staff.request({ method: 'POST', url: `${base}/suspend`, payload: { category: 'misconduct', reason: 'Under investigation.' } });
    const suspended = await verify(credential);
    expect(suspended.valid).toBe(false);
    expect(suspended.status).toMatchObject({ suspended: true, revoked: false });
    expect(check(suspended, 'status')).toMatchObject({ ok: false, code: 'suspended' });

    await uz.staff.request({ method: 'POST', url: `${base}/revoke`, payload: { category: 'false_information', reason: 'Forged diploma.' } });
    const revoked = await verify(credential);
    expect(revoked.status).toMatchObject({ revoked: true });
    expect(check(revoked, 'status')).toMatchObject({ ok: false, code: 'revoked' });

    const { certificate: other } = await issueFor(1, 'Nodira Ergasheva', null);
    const later = new Date(Date.parse(`${other.validUntil}T23:59:59+05:00`) + 1000);
    const expired = await verify((await loadCertificateCredential(ctx.database.db, other.id))!.credential, ctx.database, later);
    expect(expired.valid).toBe(false);
    expect(check(expired, 'validity')).toMatchObject({ ok: false, code: 'expired' });
  });

  it('still verifies after a restart and after a key rotation; new certificates are signed with the new key', async () => {
    const { certificate } = await issueFor(1, 'Шерзод Алиев', 'Sherzod Aliev');
    const { credential: before } = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    expect((await verify(before, restarted())).valid).toBe(true);

    const issuer = issuerFor(ctx);
    await rotateDatabaseKeys(ctx.database.db, { controller: issuer.did, passphrase: ctx.config.keyPassphrase, actor: 'cli' });
    const fresh = restarted();
    expect((await verify(before, fresh)).valid).toBe(true);
    const { jwt } = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    expect((await verify(jwt, fresh)).valid).toBe(true);

    // The running app notices the rotation on its next check; a restart sees it at once.
    const newKey = (await credentialsFor({ config: ctx.config, database: fresh, messages: testMessages() }).signer()).keyId;
    expect(newKey).not.toBe((before.proof as { verificationMethod: string }).verificationMethod);
  });
});

describe('the certificate PDF', () => {
  it('prints what the credential says, in the scheme’s two languages, with credential.json attached as signed', async () => {
    const { certificate } = await issueFor(0, 'Ғуломов Ўктам', 'G‘ulomov O‘ktam');
    const pdf = await renderCertificateDocument({ db: ctx.database.db, messages: testMessages(), config: ctx.config }, certificate.id);
    const stored = (await loadCertificateCredential(ctx.database.db, certificate.id))!;
    const [attached] = await readPdfAttachments(pdf);
    expect(attached).toMatchObject({ name: 'credential.json', mimeType: 'application/ld+json' });
    expect(JSON.parse(new TextDecoder().decode(attached!.bytes))).toEqual(stored.credential);
    const comparison = await checkCertificatePdf(pdf, expectedCertificateFields(stored.credential)!);
    expect(comparison.checks.filter((c) => !c.ok)).toEqual([]);
    expect(comparison.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['number', 'holderName', 'holderNameLatin', 'issuedOn', 'validUntil']));
    // A credential of another certificate does not match what this one prints.
    const other = await issueFor(1, 'Gulnora Yusupova', null);
    const otherCredential = (await loadCertificateCredential(ctx.database.db, other.certificate.id))!.credential;
    expect((await checkCertificatePdf(pdf, expectedCertificateFields(otherCredential)!)).ok).toBe(false);
  });
});

describe('downloads', () => {
  it('give staff, assessors and the holder the PDF and the credential as signed; nobody else', async () => {
    const { engineer, certificate } = await issueFor(1, 'Әлімжанова Гүлнұр', 'Alimzhanova Gulnur');
    const base = `/api/v1/certificates/${certificate.id}`;
    const stored = (await ctx.database.db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id)))[0]!;
    for (const agent of [uz.staff, uz.assessor, engineer]) {
      const json = await agent.request({ method: 'GET', url: `${base}/credential.json` });
      expect(json.statusCode, json.body).toBe(200);
      expect(json.headers['content-type']).toContain('application/ld+json');
      expect(json.body).toBe(stored.credential);
    }
    const pdf = await engineer.request({ method: 'GET', url: `${base}/certificate.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${certificate.number}.pdf"`);
    const [attached] = await readPdfAttachments(new Uint8Array(pdf.rawPayload));
    expect(new TextDecoder().decode(attached!.bytes)).toBe(stored.credential);

    const kz = await certificationWorld(ctx, { country: 'KZ', defaultLocale: 'kk', timeZone: 'Asia/Almaty' });
    const stranger = await signedInAgent(ctx);
    for (const agent of [kz.staff, stranger, uz.trainer]) {
      expect((await agent.request({ method: 'GET', url: `${base}/certificate.pdf` })).statusCode).toBe(403);
      expect((await agent.request({ method: 'GET', url: `${base}/credential.json` })).statusCode).toBe(403);
    }
    expect((await ctx.app.inject({ method: 'GET', url: `${base}/credential.json` })).statusCode).toBe(401);
    expect((await uz.staff.request({ method: 'GET', url: `/api/v1/certificates/${crypto.randomUUID()}/credential.json` })).statusCode).toBe(404);
  });
});

describe('bulk issue', () => {
  it('signs every certificate of the run, and archives their PDFs as a ZIP in a job staff can download', async () => {
    const bulk = await createScheme(uz, { certificateLocales: ['uz', 'en'] });
    const applicants = [await approved(1, 'Шерзод Алиев', 'Sherzod Aliev', bulk), await approved(1, 'Gulnora Yusupova', null, bulk)];
    const started = await uz.staff.request({ method: 'POST', url: `/api/v1/schemes/${bulk.id}/certificates/bulk`, payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    const issueJobId = started.json<{ id: string }>().id;
    const handlers = certificationJobHandlers(certificationDeps({ config: ctx.config, database: ctx.database, messages: testMessages() }));
    await resumeJobs(ctx.database.db, handlers);
    expect((await uz.staff.request({ method: 'GET', url: `/api/v1/jobs/${issueJobId}` })).json()).toMatchObject({ status: 'done', result: { created: 2 } });
    const list = (await uz.staff.request({ method: 'GET', url: `/api/v1/certificates?schemeId=${bulk.id}` })).json<{ items: Issued[] }>().items;
    expect(list).toHaveLength(2);
    for (const certificate of list) expect((await verify((await loadCertificateCredential(ctx.database.db, certificate.id))!.credential)).valid).toBe(true);
    // A second run finds nothing to do, and signs nothing.
    expect((await uz.staff.request({ method: 'POST', url: `/api/v1/schemes/${bulk.id}/certificates/bulk`, payload: {} })).json()).toMatchObject({ total: 0 });
    for (const a of applicants) expect(await mailsTo(ctx, a.engineer.email, 'certification.mail.certificate_issued')).toHaveLength(1);

    expect((await uz.assessor.request({ method: 'POST', url: '/api/v1/certificate-archives', payload: { issueJobId } })).statusCode).toBe(403);
    const queued = await uz.staff.request({ method: 'POST', url: '/api/v1/certificate-archives', payload: { issueJobId } });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ status: 'queued', total: 2 });
    const archiveId = queued.json<{ id: string }>().id;
    expect((await uz.staff.request({ method: 'GET', url: `/api/v1/certificate-archives/${archiveId}` })).statusCode).toBe(404);
    await resumeJobs(ctx.database.db, handlers);
    expect((await uz.staff.request({ method: 'GET', url: `/api/v1/jobs/${archiveId}` })).json()).toMatchObject({ status: 'done', processed: 2 });

    const zip = await uz.staff.request({ method: 'GET', url: `/api/v1/certificate-archives/${archiveId}` });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(entries).sort()).toEqual(list.map((c) => `${c.number}.pdf`).sort());
    for (const certificate of list) {
      const [attached] = await readPdfAttachments(entries[`${certificate.number}.pdf`]!);
      const stored = (await ctx.database.db.select().from(certificateCredentials).where(eq(certificateCredentials.certificateId, certificate.id)))[0]!;
      expect(new TextDecoder().decode(attached!.bytes)).toBe(stored.credential);
    }
    const kz = await certificationWorld(ctx, { country: 'KZ', defaultLocale: 'kk', timeZone: 'Asia/Almaty' });
    expect((await kz.staff.request({ method: 'GET', url: `/api/v1/certificate-archives/${archiveId}` })).statusCode).toBe(403);
  });
});
