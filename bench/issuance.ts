/**
 * Issuance end to end: certificates per second, each in its own transaction as staff issue them
 * (status-list positions, gap-free number, row, history, credential built and signed with
 * eddsa-rdfc-2022 and as an ES256 VC-JWT, stored, audit entry), against the reference library's
 * own signing rate measured in the same run (Digital Bazaar vc.issue with the same
 * DataIntegrityProof suite and offline contexts, nothing else). Goal: >= 0.8 of it.
 * Then the PDF of every certificate issued (credential attached), in ms per document.
 *
 * The machine may be shared: besides wall-clock rates it prints the CPU time of this process per
 * certificate (the embedded database runs in it) and the load average.
 *
 *   npx tsx bench/issuance.ts [certificates, default 10000] [baseline seconds, default 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { certificateCredentials, loadCertificateCredential } from '../src/modules/certification/certificate-credential.js';
import { renderCertificateDocument } from '../src/modules/certification/certificate-document.js';
import { writeCertificate } from '../src/modules/certification/certificate-issuance.js';
import { addYears } from '../src/modules/certification/certificate-numbers.js';
import { findCertificate } from '../src/modules/certification/certificates-repository.js';
import { credentialStatusLists } from '../src/modules/certification/status-lists.js';
import { certificates, certificationSchemes } from '../src/modules/certification/tables.js';
import { documentLoader } from '../src/modules/credentials/document-loader.js';
import { issuerFor } from '../src/modules/credentials/issuer.js';
import { Messages } from '../src/platform/i18n/catalogue.js';

const count = Number(process.argv[2] ?? 10_000);
const baselineSeconds = Number(process.argv[3] ?? 5);
const publicUrl = 'https://usta.example.org';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-issuance-'));
const database = await openDatabase({ databaseUrl: null, dataDir: dir });
await database.migrate();
const { db } = database;
const messages = new Messages();
const issuer = issuerFor({ config: { publicUrl, keyPassphrase: null, keyFile: null }, database });
const credentials = certificateCredentials({ issuer, messages, backend: database.kind });
await seedDemo(db, credentials);

// A demo certificate stands for the holder, scheme and level of every certificate issued here.
const [model] = await db
  .select({ id: certificates.id, prefix: certificationSchemes.numberPrefix })
  .from(certificates)
  .innerJoin(certificationSchemes, eq(certificationSchemes.id, certificates.schemeId))
  .where(eq(certificates.status, 'active'))
  .limit(1);
const template = (await findCertificate(db, model!.id))!;
const signer = await credentials.signer();
const deps = { statusLists: credentialStatusLists };

/** The reference library alone: vc.issue with one suite, on a credential the platform issued (its proof removed). */
const sample = (await loadCertificateCredential(db, template.id))!.credential;
const { proof: _proof, ...credential } = sample;
const eddsa = await (await issuer.keys()).signer('Ed25519');
const suite = new DataIntegrityProof({ signer: eddsa, cryptosuite: eddsaRdfc2022 });

async function baseline(): Promise<number> {
  for (let i = 0; i < 20; i++) await vc.issue({ credential: structuredClone(credential), suite, documentLoader });
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < baselineSeconds * 1000) {
    await vc.issue({ credential: structuredClone(credential), suite, documentLoader });
    n++;
  }
  return n / ((performance.now() - start) / 1000);
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

const before = await baseline();
const year = Number(template.issuedOn.slice(0, 4));
const issued: string[] = [];
const cpuIssue = process.cpuUsage();
const startIssue = performance.now();
for (let i = 0; i < count; i++) {
  const row = await db.transaction((tx) =>
    writeCertificate(tx, deps, {
      associationId: template.associationId,
      schemeId: template.schemeId,
      numberPrefix: template.numberPrefix,
      levelId: template.levelId,
      personId: template.personId,
      applicationId: null,
      replacesId: null,
      origin: 'application',
      holderName: template.holderName,
      holderNameLatin: template.holderNameLatin,
      issuedOn: template.issuedOn,
      validUntil: addYears(template.issuedOn, 3),
      numberYear: year,
      actorId: null,
      signer,
    }),
  );
  issued.push(row.id);
}
const issueSeconds = (performance.now() - startIssue) / 1000;
const issueCpu = cpuMs(cpuIssue);
const after = await baseline();

const services = { db, messages, config: { publicUrl } };
const cpuPdf = process.cpuUsage();
const startPdf = performance.now();
let bytes = 0;
for (const id of issued) bytes += (await renderCertificateDocument(services, id)).length;
const pdfSeconds = (performance.now() - startPdf) / 1000;
const pdfCpu = cpuMs(cpuPdf);

const reference = (before + after) / 2;
const rate = count / issueSeconds;
console.log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; embedded database (PGlite) in this process`);
console.log(`reference vc.issue (eddsa-rdfc-2022): ${before.toFixed(1)} /s before, ${after.toFixed(1)} /s after (${reference.toFixed(1)} /s mean; ${(1000 / reference).toFixed(2)} ms each)`);
console.log(
  `issuance end to end (row, status index, proof + VC-JWT, audit entry; one transaction each): ${count} in ${issueSeconds.toFixed(1)} s = ${rate.toFixed(1)} /s, ` +
    `CPU ${(issueCpu / count).toFixed(2)} ms per certificate`,
);
console.log(`ratio to the reference library: ${(rate / reference).toFixed(2)} (goal >= 0.8)`);
console.log(
  `certificate PDFs with the credential attached: ${count} in ${pdfSeconds.toFixed(1)} s = ${((pdfSeconds * 1000) / count).toFixed(2)} ms per document ` +
    `(CPU ${(pdfCpu / count).toFixed(2)} ms), ${(bytes / count / 1024).toFixed(1)} KiB each`,
);
await database.close();
fs.rmSync(dir, { recursive: true, force: true });
