import type { Issuer } from './issuer.js';
import type { StatusEntry } from './allocate-status-entries.js';
import { buildCertificateCredential, type CertificateCredentialInput, type JsonObject } from './build-credential.js';
import type { StatusPurpose } from './status-list.js';

/** A certification credential as the certificate module will issue it, for tests and demos of the credential machinery. */
export function sampleCredential(issuer: Pick<Issuer, 'did' | 'baseUrl' | 'statusListUrl'>, entries: Record<StatusPurpose, StatusEntry>, overrides: Partial<CertificateCredentialInput> = {}): JsonObject {
  const position = (entry: StatusEntry) => ({ listUrl: issuer.statusListUrl(entry.purpose, entry.listNumber), index: entry.index });
  const number = overrides.certificateNumber ?? 'UZ-ENG-2026-000123';
  return buildCertificateCredential({
    id: `${issuer.baseUrl}/verify/${number}/credential.json`,
    issuer: { id: issuer.did, name: 'Oʻzbekiston muhandislar assotsiatsiyasi', url: issuer.baseUrl },
    certificateNumber: number,
    holder: { name: 'Ғуломов Ўктам Шавкатович' },
    achievement: {
      idFor: (language) => `${issuer.baseUrl}/schemes/eng/levels/2?lang=${language}`,
      texts: [
        { language: 'uz', name: 'Yetakchi muhandis', description: 'Milliy sertifikatlash sxemasi', criteria: 'Imtihon va 5 yil tajriba' },
        { language: 'en', name: 'Lead Engineer', description: 'National certification scheme', criteria: 'Exam and 5 years of experience' },
      ],
    },
    validFrom: new Date('2026-03-01T00:00:00Z'),
    validUntil: new Date('2099-03-01T00:00:00Z'),
    revocation: position(entries.revocation),
    suspension: position(entries.suspension),
    ...overrides,
  });
}
