import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInAgent, testMessages, type Agent, type TestContext } from '../../test/app.js';
import { verifyAuditChain } from '../modules/audit/verify-audit-chain.js';
import { credentialsFor, loadCertificateCredential } from '../modules/certification/certificate-credential.js';
import { issuerFor } from '../modules/credentials/issuer.js';
import { verifyCredential } from '../modules/credentials/verify-credential.js';
import { seedDemo } from './seed-demo.js';

let ctx: TestContext;
let admin: Agent;

interface Certificate {
  id: string;
  number: string;
  status: string;
  origin: string;
  holder: { name: string };
  replaces: { number: string } | null;
  replacedBy: { number: string } | null;
  statusReasonCategory: string | null;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await seedDemo(ctx.database.db, credentialsFor({ config: ctx.config, database: ctx.database, messages: testMessages() }));
  admin = await signedInAgent(ctx, { platformAdmin: true });
});
afterAll(async () => ctx.close());

async function certificatesOf(prefix: string): Promise<Certificate[]> {
  const res = await admin.request({ method: 'GET', url: `/api/v1/certificates?holder=${prefix}&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Certificate[] }>().items;
}

describe('demo certification', () => {
  it('runs the pilot schemes of Uzbekistan and Kazakhstan, open for applications', async () => {
    const schemes = (await admin.request({ method: 'GET', url: '/api/v1/schemes' })).json<{ items: Array<{ numberPrefix: string; status: string; name: { en: string }; levels: Array<{ name: { en: string } }> }> }>().items;
    const uz = schemes.find((s) => s.numberPrefix === 'UZ-ENG');
    const kz = schemes.find((s) => s.numberPrefix === 'KZ-WS');
    expect(uz).toMatchObject({ status: 'open', name: { en: 'National certification of consulting engineers' } });
    expect(uz!.levels.map((l) => l.name.en)).toEqual(['Engineer', 'Lead Engineer']);
    expect(kz).toMatchObject({ status: 'open', name: { en: 'Certification of water supply engineers' } });
  });

  it('has certified engineers with certificates in every status, a renewal and its predecessor', async () => {
    const uz = await certificatesOf('UZ-ENG');
    const kz = await certificatesOf('KZ-WS');
    for (const list of [uz, kz]) {
      expect(new Set(list.map((c) => c.status))).toEqual(new Set(['active', 'suspended', 'revoked', 'expired']));
    }
    const renewal = uz.find((c) => c.origin === 'renewal')!;
    expect(renewal.status).toBe('active');
    const predecessor = uz.find((c) => c.number === renewal.replaces!.number)!;
    expect(predecessor).toMatchObject({ status: 'expired', replacedBy: { number: renewal.number } });
    expect(uz.find((c) => c.status === 'revoked')).toMatchObject({ statusReasonCategory: 'false_information' });
    expect(kz.some((c) => /[А-Яа-яӘәҚқҢңҰұҮүІі]/.test(c.holder.name))).toBe(true);
  });

  it('has applications in every state of the review', async () => {
    const queue = await admin.request({ method: 'GET', url: '/api/v1/applications?pageSize=100' });
    const statuses = new Set(queue.json<{ items: Array<{ status: string }> }>().items.map((a) => a.status));
    expect(statuses).toEqual(new Set(['draft', 'submitted', 'in_review', 'needs_info', 'approved', 'rejected']));
  });

  it('leaves an intact audit trail', async () => {
    const result = await verifyAuditChain(ctx.database.db);
    expect(result).toMatchObject({ ok: true });
  });

  it('gives every certificate a signed credential that verifies, or says why not: suspended, revoked or expired', async () => {
    const all = [...(await certificatesOf('UZ-ENG')), ...(await certificatesOf('KZ-WS'))];
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['active', 'suspended', 'revoked', 'expired']));
    const sources = await issuerFor(ctx).verifySources();
    for (const certificate of all) {
      const stored = await loadCertificateCredential(ctx.database.db, certificate.id);
      expect(stored, certificate.number).not.toBeNull();
      const result = await verifyCredential(stored!.credential, sources);
      expect(result.checks.find((c) => c.name === 'signature')?.ok, certificate.number).toBe(true);
      const failed = result.checks.filter((c) => !c.ok).map((c) => c.code);
      const expected = { active: [], suspended: ['suspended'], revoked: ['revoked'], expired: ['expired'] }[certificate.status];
      expect(failed, `${certificate.number} (${certificate.status})`).toEqual(expected);
    }
  });
});
