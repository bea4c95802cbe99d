/**
 * Issuance end to end, on the embedded database (PGlite) and on PostgreSQL (a throw-away cluster):
 * certificates per second with everything a certificate is (status-list positions, gap-free
 * number, row, history, credential built and signed with eddsa-rdfc-2022 and as an ES256 VC-JWT,
 * stored, audit entry), against the reference library's own signing rate measured in the same
 * run (Digital Bazaar vc.issue with the same DataIntegrityProof suite, signer and offline
 * contexts, nothing else, on one thread). Goal: >= 0.8 of it.
 *
 *  - bulk: the way many certificates are issued (a bulk issue, an upgrade pass): one transaction,
 *    proofs made in worker threads while the next certificates are written, each finished in order.
 *  - one at a time: one transaction each, as staff issue a single certificate, signed on this thread.
 *
 * Then the PDF of every certificate of the bulk run (credential attached), in ms per document.
 *
 * The machine may be shared: besides wall-clock rates it prints CPU time per certificate (this
 * process with its worker threads and, on PostgreSQL, the server's processes) and the load average.
 *
 *   npx tsx bench/issuance.ts [bulk certificates, default 10000] [one at a time, default 300] [baseline seconds, default 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { eq } from 'drizzle-orm';
import { startCluster, type Cluster } from '../scripts/pg-cluster.mjs';
import { openDatabase, type Database } from '../src/db/client.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { certificateCredentials, loadCertificateCredential } from '../src/modules/certification/certificate-credential.js';
import { renderCertificateDocument } from '../src/modules/certification/certificate-document.js';
import { BATCH_SIZE, writeCertificate, writeCertificates, type NewCertificate } from '../src/modules/certification/certificate-issuance.js';
import { addYears } from '../src/modules/certification/certificate-numbers.js';
import { findCertificate } from '../src/modules/certification/certificates-repository.js';
import { issueRun } from '../src/modules/certification/issue-run.js';
import { credentialStatusLists } from '../src/modules/certification/status-lists.js';
import { certificates, certificationSchemes } from '../src/modules/certification/tables.js';
import { documentLoader } from '../src/modules/credentials/document-loader.js';
import { issuerFor } from '../src/modules/credentials/issuer.js';
import { sharedProofPool } from '../src/modules/credentials/proof-pool.js';
import { Messages } from '../src/platform/i18n/catalogue.js';

const bulkCount = Number(process.argv[2] ?? 10_000);
const singleCount = Number(process.argv[3] ?? 300);
const baselineSeconds = Number(process.argv[4] ?? 5);
const publicUrl = 'https://usta.example.org';
const TICKS = 100; // clock ticks per second in /proc

/** CPU time of this process, its threads included, in ms. */
function processCpu(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** CPU time of a PostgreSQL server (postmaster, its live children, and the children it has reaped), in ms. */
function serverCpu(cluster: Cluster | null): number {
  if (!cluster) return 0;
  const pid = Number(fs.readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [ppid, utime, stime, cutime, cstime] = [fields[1], fields[11], fields[12], fields[13], fields[14]].map(Number) as [number, number, number, number, number];
    if (Number(entry) === pid) ticks += utime + stime + cutime + cstime;
    else if (ppid === pid) ticks += utime + stime;
  }
  return (ticks * 1000) / TICKS;
}

interface Figures {
  label: string;
  reference: number;
  referenceCpuMs: number;
  bulk: { count: number; seconds: number; cpuMs: number };
  single: { count: number; seconds: number; cpuMs: number };
  pdf: { count: number; seconds: number; cpuMs: number; bytes: number } | null;
}

async function measure(label: string, database: Database, cluster: Cluster | null, withPdfs: boolean): Promise<Figures> {
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
  const year = Number(template.issuedOn.slice(0, 4));
  const values: NewCertificate = {
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
  };

  // The reference library alone: vc.issue with one suite, on a credential the platform issued (its proof removed).
  const sample = (await loadCertificateCredential(db, template.id))!.credential;
  const { proof: _proof, ...credential } = sample;
  const eddsa = await (await issuer.keys()).signer('Ed25519');
  const suite = new DataIntegrityProof({ signer: eddsa, cryptosuite: eddsaRdfc2022 });
  const baseline = async (): Promise<{ rate: number; cpuMs: number }> => {
    for (let i = 0; i < 20; i++) await vc.issue({ credential: structuredClone(credential), suite, documentLoader });
    const cpu = processCpu();
    const start = performance.now();
    let n = 0;
    while (performance.now() - start < baselineSeconds * 1000) {
      await vc.issue({ credential: structuredClone(credential), suite, documentLoader });
      n++;
    }
    return { rate: n / ((performance.now() - start) / 1000), cpuMs: (processCpu() - cpu) / n };
  };
  const timed = async (work: () => Promise<void>, count: number) => {
    const cpu = processCpu() + serverCpu(cluster);
    const start = performance.now();
    await work();
    return { count, seconds: (performance.now() - start) / 1000, cpuMs: processCpu() + serverCpu(cluster) - cpu };
  };

  const before = await baseline();
  // Warm the proof threads up (they load the JSON-LD stack once, then compile it) before the clock starts.
  const pool = sharedProofPool();
  await db.transaction((tx) => writeCertificates(tx, deps, Array.from({ length: BATCH_SIZE * 8 }, () => values), issueRun(pool)));

  const issued: string[] = [];
  const bulk = await timed(
    () =>
      db.transaction((tx) =>
        writeCertificates(tx, deps, Array.from({ length: bulkCount }, () => values), issueRun(pool), (rows) => {
          issued.push(...rows.map((r) => r.id));
        }),
      ),
    bulkCount,
  );
  const single = await timed(async () => {
    for (let i = 0; i < singleCount; i++) await db.transaction((tx) => writeCertificate(tx, deps, values));
  }, singleCount);
  const after = await baseline();

  let pdf: Figures['pdf'] = null;
  if (withPdfs) {
    const services = { db, messages, config: { publicUrl } };
    let bytes = 0;
    const rendered = await timed(async () => {
      for (const id of issued) bytes += (await renderCertificateDocument(services, id)).length;
    }, issued.length);
    pdf = { ...rendered, bytes };
  }
  return { label, reference: (before.rate + after.rate) / 2, referenceCpuMs: (before.cpuMs + after.cpuMs) / 2, bulk, single, pdf };
}

function report(f: Figures): void {
  const rate = (r: { count: number; seconds: number }) => r.count / r.seconds;
  console.log(`\n${f.label}`);
  console.log(`  reference vc.issue (eddsa-rdfc-2022, one thread): ${f.reference.toFixed(1)} /s (${(1000 / f.reference).toFixed(2)} ms each, CPU ${f.referenceCpuMs.toFixed(2)} ms)`);
  for (const [name, r] of [
    [`bulk (one transaction, batches of ${BATCH_SIZE}, proofs in worker threads)`, f.bulk],
    ['one at a time (a transaction each, signed on this thread)', f.single],
  ] as const) {
    console.log(
      `  ${name}: ${r.count} in ${r.seconds.toFixed(1)} s = ${rate(r).toFixed(1)} /s, CPU ${(r.cpuMs / r.count).toFixed(2)} ms per certificate; ` +
        `ratio to the reference ${(rate(r) / f.reference).toFixed(2)}${name.startsWith('bulk') ? ' (goal >= 0.8)' : ''}`,
    );
  }
  if (f.pdf) {
    console.log(
      `  certificate PDFs with the credential attached: ${f.pdf.count} in ${f.pdf.seconds.toFixed(1)} s = ${((f.pdf.seconds * 1000) / f.pdf.count).toFixed(2)} ms per document ` +
        `(CPU ${(f.pdf.cpuMs / f.pdf.count).toFixed(2)} ms), ${(f.pdf.bytes / f.pdf.count / 1024).toFixed(1)} KiB each`,
    );
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-bench-issuance-'));
console.log(`load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; proof threads: ${sharedProofPool().size}`);
try {
  const embedded = await openDatabase({ databaseUrl: null, dataDir: path.join(dir, 'pglite') });
  try {
    report(await measure('embedded database (PGlite, in this process)', embedded, null, true));
  } finally {
    await embedded.close();
  }
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster({ log: () => undefined });
  } catch (error) {
    console.log(`\nPostgreSQL: skipped, no server could be started (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (cluster) {
    const postgres = await openDatabase({ databaseUrl: cluster.url, dataDir: path.join(dir, 'pg') });
    try {
      report(await measure('PostgreSQL (throw-away local cluster; CPU includes the server)', postgres, cluster, false));
    } finally {
      await postgres.close();
      cluster.stop();
    }
  }
  console.log(`\nload average ${os.loadavg()[0]!.toFixed(1)} at the end`);
} finally {
  await sharedProofPool().close();
  fs.rmSync(dir, { recursive: true, force: true });
}
