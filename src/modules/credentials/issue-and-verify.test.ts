import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCertificateCredential, type CertificateCredentialInput, type JsonObject } from './build-credential.js';
import { buildDidDocument, didWebFromUrl } from './did-document.js';
import { verifyEddsaRdfc2022Independently } from './independent-eddsa-verifier.js';
import { generateKey, jwkFromPublicKeyMultibase } from './key-pairs.js';
import { didDocumentKeyResolver } from './key-resolver.js';
import { createKeyStore, openKeyFile, type KeyStore } from './key-store.js';
import { validateOb3Schema } from './ob3-schema.js';
import { signCredential } from './sign-credential.js';
import { signCredentialJwt } from './sign-credential-jwt.js';
import { buildStatusListCredential, createStatusList, type StatusPurpose } from './status-list.js';
import { verifyCredential, type VerificationResult, type VerifyOptions } from './verify-credential.js';

const base = 'https://certs.example.uz';
const did = didWebFromUrl(base);
const now = new Date('2027-06-01T00:00:00Z');
const listUrl = (purpose: StatusPurpose) => `${base}/credentials/status/${purpose}/1`;

function input(overrides: Partial<CertificateCredentialInput> = {}): CertificateCredentialInput {
  return {
    id: `${base}/verify/UZ-ENG-2026-000123/credential.json`,
    issuer: { id: did, name: 'Oʻzbekiston muhandislar assotsiatsiyasi', url: base },
    certificateNumber: 'UZ-ENG-2026-000123',
    holder: { name: 'Шоҳруҳ Мирзаев', email: 'Shohruh@Example.uz' },
    achievement: {
      idFor: (language) => `${base}/schemes/eng/levels/2?lang=${language}`,
      texts: [
        { language: 'uz', name: 'Yetakchi muhandis', description: 'Milliy sertifikatlash sxemasi', criteria: 'Imtihon va 5 yil tajriba' },
        { language: 'en', name: 'Lead Engineer', description: 'National certification scheme', criteria: 'Exam and 5 years of experience' },
      ],
      humanCode: 'UZ-ENG-L2',
      creditsAvailable: 120,
      alignment: [
        { targetName: 'Civil engineer', targetUrl: 'http://data.europa.eu/esco/occupation/example', targetFramework: 'ESCO', targetType: 'ext:ESCOOccupation' },
        { targetName: 'EQF level 6', targetUrl: 'https://europa.eu/europass/en/description-eight-eqf-levels', targetCode: '6', targetType: 'ext:EQFLevel' },
      ],
    },
    creditsEarned: 120,
    validFrom: new Date('2026-03-01T09:30:00Z'),
    validUntil: new Date('2029-03-01T09:30:00Z'),
    revocation: { listUrl: listUrl('revocation'), index: 4242 },
    suspension: { listUrl: listUrl('suspension'), index: 77_001 },
    ...overrides,
  };
}

let store: KeyStore;
let signed: JsonObject;
let jwt: string;
const lists = { revocation: createStatusList(), suspension: createStatusList() };

async function statusLists(keys: KeyStore): Promise<Map<string, JsonObject>> {
  const signer = await keys.signer('Ed25519');
  const entries = await Promise.all(
    (['revocation', 'suspension'] as const).map(async (purpose) => {
      const unsigned = buildStatusListCredential({ url: listUrl(purpose), issuer: did, statusPurpose: purpose, list: lists[purpose], validFrom: now, ttl: 300_000 });
      return [listUrl(purpose), await signCredential(unsigned, signer)] as const;
    }),
  );
  return new Map(entries);
}

/** What a verifier sees: the issuer's DID document and its signed status lists, as published now. */
async function options(extra: Partial<VerifyOptions> = {}, keys: KeyStore = store): Promise<VerifyOptions> {
  const published = await statusLists(keys);
  return {
    resolveKey: didDocumentKeyResolver([buildDidDocument(did, keys.listKeys())]),
    fetchStatusList: async (url) => published.get(url) ?? null,
    now,
    ...extra,
  };
}

const failed = (result: VerificationResult) => result.checks.filter((c) => !c.ok).map((c) => [c.name, c.code]);

async function freshStore(): Promise<KeyStore> {
  return createKeyStore({
    controller: did,
    keys: [generateKey({ controller: did, algorithm: 'Ed25519' }), generateKey({ controller: did, algorithm: 'ES256' })],
  });
}

beforeAll(async () => {
  store = await freshStore();
  const credential = buildCertificateCredential(input());
  signed = await signCredential(credential, await store.signer('Ed25519'));
  jwt = await signCredentialJwt(credential, await store.signer('ES256'));
});

describe('an issued certificate credential', () => {
  it('is an OpenBadgeCredential on VC Data Model 2.0 with one achievement per language', () => {
    expect(signed).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:web:certs.example.uz', type: ['Profile'] },
      validFrom: '2026-03-01T09:30:00Z',
      validUntil: '2029-03-01T09:30:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        licenseNumber: 'UZ-ENG-2026-000123',
        creditsEarned: 120,
        achievement: {
          achievementType: 'Certification',
          inLanguage: 'uz',
          name: 'Yetakchi muhandis',
          related: [{ id: `${base}/schemes/eng/levels/2?lang=en`, type: ['Related'], inLanguage: 'en' }],
        },
      },
      credentialStatus: [
        { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '4242', statusListCredential: listUrl('revocation') },
        { type: 'BitstringStatusListEntry', statusPurpose: 'suspension', statusListIndex: '77001', statusListCredential: listUrl('suspension') },
      ],
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: store.listKeys()[0]!.id },
    });
  });

  it('names the holder and carries only a salted hash of the e-mail address', () => {
    const [name, email] = (signed.credentialSubject as { identifier: Record<string, string>[] }).identifier;
    expect(name).toEqual({ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Шоҳруҳ Мирзаев' });
    expect(JSON.stringify(signed).toLowerCase()).not.toContain('shohruh@example.uz');
    const expected = crypto.createHash('sha256').update(`shohruh@example.uz${email!.salt}`).digest('hex');
    expect(email).toMatchObject({ identityType: 'emailAddress', hashed: true, identityHash: `sha256$${expected}` });
  });

  it('validates against the official OB 3.0 schema, with the two-entry credentialStatus adaptation stated', () => {
    const result = validateOb3Schema(signed);
    expect(result.errors).toEqual([]);
    expect(result.adaptations).toEqual([
      'proof: a single proof object was validated as a one-element array',
      "credentialStatus: 2 entries were each validated against the schema's CredentialStatus definition",
    ]);
    const revocationOnly = { ...signed, credentialStatus: (signed.credentialStatus as unknown[])[0], proof: [signed.proof] };
    expect(validateOb3Schema(revocationOnly)).toEqual({ ok: true, errors: [], adaptations: [] });
    expect(validateOb3Schema({ ...signed, credentialSubject: { type: ['AchievementSubject'] } }).ok).toBe(false);
  });

  it('verifies with the reference library and with the independent verifier', async () => {
    const result = await verifyCredential(signed, await options());
    expect(failed(result)).toEqual([]);
    expect(result).toMatchObject({ valid: true, form: 'json', status: { revoked: false, suspended: false } });
    expect(await verifyEddsaRdfc2022Independently(signed, store.listKeys()[0]!.publicKeyMultibase)).toBe(true);
  });

  it('fails both verifiers once any claim is edited', async () => {
    const renamed = structuredClone(signed) as { credentialSubject: { identifier: { identityHash: string }[] } };
    renamed.credentialSubject.identifier[0]!.identityHash = 'Someone Else';
    const relicensed = structuredClone(signed) as { credentialSubject: { licenseNumber: string } };
    relicensed.credentialSubject.licenseNumber = 'UZ-ENG-2026-000124';
    const extended = { ...structuredClone(signed), validUntil: '2039-03-01T09:30:00Z' };
    for (const tampered of [renamed, relicensed, extended] as JsonObject[]) {
      const result = await verifyCredential(tampered, await options());
      expect(failed(result)).toContainEqual(['signature', 'bad_signature']);
      expect(await verifyEddsaRdfc2022Independently(tampered, store.listKeys()[0]!.publicKeyMultibase)).toBe(false);
    }
  });

  it('is also a VC-JWT (ES256) that jose verifies against the DID document key', async () => {
    const header = decodeProtectedHeader(jwt);
    expect(header).toEqual({ alg: 'ES256', typ: 'JWT', kid: store.listKeys()[1]!.id });
    const method = buildDidDocument(did, store.listKeys()).verificationMethod.find((m) => m.id === header.kid)!;
    const key = await importJWK(jwkFromPublicKeyMultibase(method.publicKeyMultibase)!, 'ES256');
    const { payload } = await jwtVerify(jwt, key, { issuer: did, currentDate: now });
    expect(payload).toMatchObject({
      iss: did,
      jti: signed.id,
      nbf: Date.parse('2026-03-01T09:30:00Z') / 1000,
      exp: Date.parse('2029-03-01T09:30:00Z') / 1000,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      credentialSubject: { licenseNumber: 'UZ-ENG-2026-000123' },
    });
    expect(payload.sub).toBeUndefined();
    const result = await verifyCredential(jwt, await options());
    expect(failed(result)).toEqual([]);
    expect(result.form).toBe('jwt');
  });

  it('rejects a VC-JWT with an edited payload or signed by a key outside the DID document', async () => {
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.credentialSubject.licenseNumber = 'UZ-ENG-2026-999999';
    const edited = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect(failed(await verifyCredential(edited, await options()))).toContainEqual(['signature', 'bad_signature']);

    const stranger = createKeyStore({ controller: did, keys: [generateKey({ controller: did, algorithm: 'ES256' })] });
    const forged = await signCredentialJwt(buildCertificateCredential(input()), await stranger.signer('ES256'));
    expect(failed(await verifyCredential(forged, await options()))).toContainEqual(['signature', 'unknown_key']);
  });

  it('rejects a VC-JWT whose claims disagree with the credential it carries', async () => {
    const signer = await store.signer('ES256');
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const credential = buildCertificateCredential(input());
    const payload = { ...credential, iss: did, jti: 'urn:uuid:00000000-0000-4000-8000-000000000000', nbf: Date.parse('2026-03-01T09:30:00Z') / 1000 };
    const signingInput = `${encode({ alg: 'ES256', typ: 'JWT', kid: signer.id })}.${encode(payload)}`;
    const signature = await signer.sign({ data: new TextEncoder().encode(signingInput) });
    const result = await verifyCredential(`${signingInput}.${Buffer.from(signature).toString('base64url')}`, await options());
    expect(failed(result)).toEqual([['format', 'jwt_claims']]);
  });

  it('does not let our key vouch for another issuer', async () => {
    const other = buildCertificateCredential(input({ issuer: { id: 'did:web:other.example.org', name: 'Other' } }));
    const result = await verifyCredential(await signCredential(other, await store.signer('Ed25519')), await options());
    expect(failed(result)).toContainEqual(['issuer', 'issuer_mismatch']);
    expect(result.checks.find((c) => c.name === 'signature')?.ok).toBe(true);
  });

  it('keeps verifying after a key rotation while the retired key is published', async () => {
    const rotating = await freshStore();
    const older = await signCredential(buildCertificateCredential(input()), await rotating.signer('Ed25519'));
    await rotating.rotate(now);
    const newer = await signCredential(buildCertificateCredential(input()), await rotating.signer('Ed25519'));
    expect(rotating.listKeys().map((k) => k.status)).toEqual(['current', 'current', 'retired', 'retired']);
    expect((older.proof as { verificationMethod: string }).verificationMethod).toBe(rotating.listKeys()[2]!.id);
    for (const credential of [older, newer]) expect(failed(await verifyCredential(credential, await options({}, rotating)))).toEqual([]);

    // Withdrawing a key from the DID document (e.g. after a compromise) stops what it signed from verifying.
    const withdrawn = buildDidDocument(did, rotating.listKeys().filter((k) => k.status === 'current'));
    const result = await verifyCredential(older, await options({ resolveKey: didDocumentKeyResolver([withdrawn]) }, rotating));
    expect(failed(result)).toContainEqual(['signature', 'unknown_key']);
  });

  it('keeps verifying after a restart from the encrypted key file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'usta-restart-'));
    try {
      const file = path.join(dir, 'issuer-keys.json');
      const passphrase = 'a long enough passphrase';
      const before = await openKeyFile({ file, controller: did, passphrase });
      const credential = await signCredential(buildCertificateCredential(input()), await before.signer('Ed25519'));
      const after = await openKeyFile({ file, controller: did, passphrase });
      expect(failed(await verifyCredential(credential, await options({}, after)))).toEqual([]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the status of an issued credential', () => {
  const fresh = () => ({ revocation: createStatusList(), suspension: createStatusList() });

  it('is reported revoked once its revocation bit is set in the signed list', async () => {
    Object.assign(lists, fresh());
    lists.revocation.set(4242, true);
    const result = await verifyCredential(signed, await options());
    expect(failed(result)).toEqual([['status', 'revoked']]);
    expect(result.status).toMatchObject({ revoked: true, suspended: false });
  });

  it('is reported suspended, and valid again once reinstated', async () => {
    Object.assign(lists, fresh());
    lists.suspension.set(77_001, true);
    const suspended = await verifyCredential(jwt, await options());
    expect(failed(suspended)).toEqual([['status', 'suspended']]);
    expect(suspended.status).toMatchObject({ revoked: false, suspended: true });
    lists.suspension.set(77_001, false);
    expect((await verifyCredential(jwt, await options())).valid).toBe(true);
  });

  it('ignores bits of other credentials', async () => {
    Object.assign(lists, fresh());
    lists.revocation.set(4241, true);
    lists.suspension.set(77_002, true);
    expect((await verifyCredential(signed, await options())).valid).toBe(true);
  });

  it('fails when the list cannot be fetched or was signed by someone else', async () => {
    Object.assign(lists, fresh());
    const unreachable = await verifyCredential(signed, await options({ fetchStatusList: async () => null }));
    expect(failed(unreachable)).toEqual([['status', 'status_unavailable']]);
    const impostor = await statusLists(await freshStore());
    const foreign = await verifyCredential(signed, await options({ fetchStatusList: async (url) => impostor.get(url) ?? null }));
    expect(failed(foreign)).toEqual([['status', 'status_unavailable']]);
  });

  it('is reported expired after validUntil and not yet valid before validFrom', async () => {
    Object.assign(lists, fresh());
    const expired = await verifyCredential(signed, await options({ now: new Date('2029-03-02T00:00:00Z') }));
    expect(failed(expired)).toContainEqual(['validity', 'expired']);
    const early = await verifyCredential(jwt, await options({ now: new Date('2026-02-01T00:00:00Z') }));
    expect(failed(early)).toContainEqual(['validity', 'not_yet_valid']);
  });

  it('names an untrusted issuer when the caller restricts issuers', async () => {
    Object.assign(lists, fresh());
    expect((await verifyCredential(signed, await options({ trustedIssuers: [did] }))).valid).toBe(true);
    const result = await verifyCredential(signed, await options({ trustedIssuers: ['did:web:other.example.org'] }));
    expect(failed(result)).toEqual([['issuer', 'untrusted_issuer']]);
  });
});
