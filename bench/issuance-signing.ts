/**
 * Baseline for the issuance figure: how fast the reference implementation signs one OB 3.0
 * credential with eddsa-rdfc-2022 (Digital Bazaar vc + data-integrity + eddsa-rdfc-2022 +
 * ed25519-multikey, offline contexts), and how fast the same credential is signed as an ES256
 * VC-JWT. The end-to-end issuance bench divides its own rate by the first figure (goal >= 0.8).
 *
 *   npx tsx bench/issuance-signing.ts [seconds per figure, default 5]
 */
import { buildCertificateCredential } from '../src/modules/credentials/build-credential.js';
import { didWebFromUrl } from '../src/modules/credentials/did-document.js';
import { generateKey } from '../src/modules/credentials/key-pairs.js';
import { createKeyStore } from '../src/modules/credentials/key-store.js';
import { signCredential } from '../src/modules/credentials/sign-credential.js';
import { signCredentialJwt } from '../src/modules/credentials/sign-credential-jwt.js';

const seconds = Number(process.argv[2] ?? 5);
const base = 'https://certs.example.uz';
const did = didWebFromUrl(base);
const store = createKeyStore({
  controller: did,
  keys: [generateKey({ controller: did, algorithm: 'Ed25519' }), generateKey({ controller: did, algorithm: 'ES256' })],
});
const credential = buildCertificateCredential({
  id: `${base}/verify/UZ-ENG-2026-000123/credential.json`,
  issuer: { id: did, name: 'Oʻzbekiston muhandislar assotsiatsiyasi', url: base },
  certificateNumber: 'UZ-ENG-2026-000123',
  holder: { name: 'Шоҳруҳ Мирзаев', email: 'shohruh@example.uz' },
  achievement: {
    idFor: (language) => `${base}/schemes/eng/levels/2?lang=${language}`,
    texts: [
      { language: 'uz', name: 'Yetakchi muhandis', description: 'Milliy sertifikatlash sxemasi', criteria: 'Imtihon va 5 yil tajriba' },
      { language: 'en', name: 'Lead Engineer', description: 'National certification scheme', criteria: 'Exam and 5 years of experience' },
    ],
    alignment: [{ targetName: 'EQF level 6', targetUrl: 'https://europa.eu/europass/en/description-eight-eqf-levels', targetType: 'ext:EQFLevel' }],
  },
  validFrom: new Date('2026-03-01T09:30:00Z'),
  validUntil: new Date('2029-03-01T09:30:00Z'),
  revocation: { listUrl: `${base}/credentials/status/revocation/1`, index: 4242 },
  suspension: { listUrl: `${base}/credentials/status/suspension/1`, index: 77_001 },
});

/** Signs one at a time (as an issuance transaction does) for `seconds`, after a warm-up. */
async function rate(sign: () => Promise<unknown>): Promise<{ perSecond: number; count: number }> {
  for (let i = 0; i < 20; i++) await sign();
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let count = 0;
  let now = start;
  while (now < deadline) {
    await sign();
    count++;
    now = process.hrtime.bigint();
  }
  return { perSecond: count / (Number(now - start) / 1e9), count };
}

const eddsaSigner = await store.signer('Ed25519');
const es256Signer = await store.signer('ES256');
const eddsa = await rate(() => signCredential(credential, eddsaSigner));
const jwt = await rate(() => signCredentialJwt(credential, es256Signer));

console.log(`eddsa-rdfc-2022 (reference library): ${eddsa.perSecond.toFixed(1)} signatures/s (${eddsa.count} in ${seconds} s)`);
console.log(`VC-JWT ES256: ${jwt.perSecond.toFixed(1)} signatures/s (${jwt.count} in ${seconds} s)`);
console.log(`baseline for the issuance bench: ${eddsa.perSecond.toFixed(1)} credentials/s; goal >= ${(0.8 * eddsa.perSecond).toFixed(1)}`);
