import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { testBackend } from '../../../test/backend.js';
import { runUsta, PROCESS_TIMEOUT, type CommandResult } from '../../../test/process/server.js';
import { renderCertificatePdf } from '../../platform/pdf/render-certificate.js';
import { sampleCertification } from '../../platform/pdf/sample-certificates.js';
import { allocateStatusEntries, type StatusEntry } from './allocate-status-entries.js';
import { issuerFor, type Issuer } from './issuer.js';
import { sampleCredential } from './sample-credential.js';
import { setStatus } from './set-status.js';
import { signCredential } from './sign-credential.js';
import { signCredentialJwt } from './sign-credential-jwt.js';
import type { StatusPurpose } from './status-list.js';
import { runVerifyCommand } from './verify-command.js';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let ctx: TestContext;
let issuer: Issuer;
let dir: string;
let cache: string;
let entries: Record<StatusPurpose, StatusEntry>;
const files = { json: '', jwt: '', pdf: '', tampered: '', elsewhere: '' };
/** A second server standing for any other host: it counts the requests it gets. */
let otherHost: http.Server;
let otherHostRequests = 0;

beforeAll(async () => {
  const port = await freePort();
  ctx = await createTestApp({ USTA_PUBLIC_URL: `http://127.0.0.1:${port}` });
  await ctx.app.listen({ port, host: '127.0.0.1' });
  issuer = issuerFor(ctx);
  otherHost = http.createServer((_request, response) => {
    otherHostRequests += 1;
    response.end('{}');
  });
  await new Promise<void>((resolve) => otherHost.listen(0, '127.0.0.1', resolve));

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usta-verify-'));
  cache = path.join(dir, 'cache');
  entries = await ctx.database.db.transaction((tx) => allocateStatusEntries(tx));
  const keys = await issuer.keys();
  const credential = sampleCredential(issuer, entries, { holder: { name: 'Әлімжанова Гүлнұр Қайратқызы' }, certificateNumber: 'KZ-ENG-2026-000123' });
  const signed = await signCredential(credential, await keys.signer('Ed25519'));
  const write = (name: string, content: string | Uint8Array) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  files.json = write('credential.json', JSON.stringify(signed, null, 2));
  files.jwt = write('credential.jwt', await signCredentialJwt(credential, await keys.signer('ES256')));
  files.tampered = write('tampered.json', JSON.stringify({ ...signed, validUntil: '2199-03-01T00:00:00Z' }));
  const pdf = await renderCertificatePdf(
    sampleCertification({
      holder: { name: 'Әлімжанова Гүлнұр Қайратқызы' },
      number: 'KZ-ENG-2026-000123',
      issuedOn: '2026-03-01',
      validUntil: '2099-03-01',
      credential: { name: 'credential.json', bytes: new TextEncoder().encode(JSON.stringify(signed)), mimeType: 'application/ld+json' },
    }),
  );
  files.pdf = write('certificate.pdf', pdf);
  const { port: otherPort } = otherHost.address() as net.AddressInfo;
  const elsewhere = sampleCredential(issuer, entries);
  (elsewhere.credentialStatus as { statusListCredential: string }[])[0]!.statusListCredential = `http://127.0.0.1:${otherPort}/status/1`;
  files.elsewhere = write('elsewhere.json', JSON.stringify(await signCredential(elsewhere, await keys.signer('Ed25519'))));
}, PROCESS_TIMEOUT);

afterAll(async () => {
  await new Promise((resolve) => otherHost.close(resolve));
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
}, PROCESS_TIMEOUT);

const withCache = (args: string[]) => [...args, ...(args.includes('--cache') ? [] : ['--cache', cache])];

/** `usta verify` as a separate process: what a user runs. */
const verifyProcess = (args: string[], env: Record<string, string> = {}): Promise<CommandResult> =>
  runUsta(['verify', ...withCache(args)], { LANG: 'en_GB.UTF-8', ...env }, 120_000);

/** The same command in this process (starting one costs seconds of module loading per call). */
async function verify(args: string[], env: Record<string, string> = {}): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const code = await runVerifyCommand(withCache(args), {
    env: { LANG: 'en_GB.UTF-8', ...env },
    cwd: dir,
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { code, signal: null, stdout, stderr };
}

describe(`usta verify (${testBackend()})`, { timeout: PROCESS_TIMEOUT }, () => {
  it('verifies a credential online, fetching only the issuer’s DID document and status lists, and caches them', async () => {
    const result = await verifyProcess([files.json]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const base = issuer.baseUrl;
    expect(result.stdout).toContain('credential.json: credential (JSON with an embedded proof)');
    expect(result.stdout).toContain('✓ Signature: valid');
    expect(result.stdout).toContain(`✓ Issuer: ${issuer.did} holds the signing key`);
    expect(result.stdout).toContain('✓ Revocation and suspension: neither revoked nor suspended');
    expect(result.stdout).toContain(`DID document of ${issuer.did}: fetched just now from ${base}/.well-known/did.json`);
    expect(result.stdout).toContain(`Status list ${base}/credentials/status/revocation/1: fetched just now`);
    expect(result.stdout).toContain(`Status list ${base}/credentials/status/suspension/1: fetched just now`);
    expect(result.stdout.trim().endsWith('Result: VALID')).toBe(true);
    expect(fs.readdirSync(path.join(cache, 'v1', 'status'))).toHaveLength(2);
  });

  it('verifies the VC-JWT and the certificate PDF with its attached credential', async () => {
    const jwt = await verify([files.jwt]);
    expect(jwt.code).toBe(0);
    expect(jwt.stdout).toContain('credential.jwt: credential (VC-JWT)');
    const pdf = await verify([files.pdf]);
    expect(pdf.stdout).toContain('certificate.pdf: certificate PDF with an attached credential');
    expect(pdf.stdout).toContain('✓ Certificate number on the page: matches the credential');
    expect(pdf.stdout).toContain('✓ Holder’s name on the page: matches the credential');
    expect(pdf.code).toBe(0);
  });

  it('verifies offline from the cache, saying how old each cached document is, in the reader’s language', async () => {
    // The cache as an earlier online run left it three hours ago.
    const threeHoursAgo = new Date(Date.now() - 3 * 3600_000 - 60_000).toISOString();
    for (const kind of ['did', 'status']) {
      for (const name of fs.readdirSync(path.join(cache, 'v1', kind))) {
        const file = path.join(cache, 'v1', kind, name);
        fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), fetchedAt: threeHoursAgo }));
      }
    }
    const en = await verify([files.json, '--offline']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`Checked offline, with the documents cached in ${cache}.`);
    expect(en.stdout).toMatch(new RegExp(`Status list ${issuer.baseUrl}/credentials/status/revocation/1: from the cache, fetched 3 hours ago \\(`));
    expect(en.stdout).toContain('from the cache, fetched 3 hours ago');
    const ru = await verify([files.jwt, '--offline'], { LANG: 'ru_RU.UTF-8' });
    expect(ru.code).toBe(0);
    expect(ru.stdout).toContain('✓ Подпись: действительна');
    expect(ru.stdout).toContain('из кэша, загружен 3 часа назад');
    expect(ru.stdout).toContain('Итог: ДЕЙСТВИТЕЛЬНО');
    const uz = await verify([files.json, '--offline', '--lang', 'uz']);
    expect(uz.stdout).toContain('Natija: HAQIQIY');
  });

  it('reports a revoked credential as revoked, online at once and offline after a refresh', async () => {
    await ctx.database.db.transaction((tx) => setStatus(tx, entries.revocation, true));
    const online = await verify([files.json]);
    expect(online.stderr).toBe('');
    expect(online.code).toBe(1);
    expect(online.stdout).toContain('✗ Revocation and suspension: REVOKED by the issuer');
    expect(online.stdout.trim().endsWith('Result: NOT VALID')).toBe(true);

    const refreshed = await verify(['--refresh']);
    expect(refreshed.code).toBe(0);
    expect(refreshed.stdout).toContain(`3 cached documents refreshed in ${cache}.`);
    const offline = await verify([files.jwt, '--offline', '--lang', 'kk']);
    expect(offline.code).toBe(1);
    expect(offline.stdout).toContain('беруші КЕРІ ҚАЙТАРҒАН');
    await ctx.database.db.transaction((tx) => setStatus(tx, entries.revocation, false));
  });

  it('still verifies a credential signed before a key rotation', async () => {
    const before = (await issuer.didDocument()).verificationMethod.length;
    await (await issuer.keys()).rotate();
    expect((await issuer.didDocument()).verificationMethod).toHaveLength(before + 2);
    for (const file of [files.json, files.jwt]) {
      const result = await verify([file]);
      expect(result.code, file).toBe(0);
      expect(result.stdout).toContain('✓ Signature: valid');
    }
  });

  it('fails an edited credential, and one whose status list lies on another host without asking that host', async () => {
    const tampered = await verify([files.tampered]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('✗ Signature: the signature does not match the content');
    const elsewhere = await verify([files.elsewhere]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain('not fetched, as it is not on the issuer’s own address');
    expect(elsewhere.stdout).toContain('✗ Revocation and suspension: could not be checked');
    expect(otherHostRequests).toBe(0);
  });

  it('says what is missing when the cache has never been filled', async () => {
    const result = await verify([files.json, '--offline', '--cache', path.join(dir, 'empty-cache')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('not in the cache; run usta verify once while online');
  });

  it('exits with 2 on a usage error', async () => {
    const processResult = await verifyProcess([files.json, '--colour']);
    expect(processResult.code).toBe(2);
    expect(processResult.stderr).toMatch(/^usta verify: /);
    for (const args of [[], [path.join(dir, 'no-such-file.json')], [files.json, '--offline', '--refresh'], [files.json, '--colour'], [files.json, '--lang', 'de']]) {
      const result = await verify(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^usta verify: /);
    }
  });
});
