import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { SERVER_DIR, serverBuildState } from '../../scripts/build-server.mjs';
import type { JsonObject } from '../../src/modules/credentials/build-credential.js';
import { generateKey } from '../../src/modules/credentials/key-pairs.js';
import { explicitKeyResolver } from '../../src/modules/credentials/key-resolver.js';
import type { ProofReply, ProofRequest } from '../../src/modules/credentials/proof-pool.js';
import { verifyDataIntegrity } from '../../src/modules/credentials/verify-data-integrity.js';
import { ROOT } from '../backend.js';
import { serverForFile } from './file-server.js';
import { signIn, PROCESS_TIMEOUT } from './server.js';

// Demo data: certificates whose PDFs the test downloads.
const { live } = serverForFile({ USTA_DEMO: '1' });

describe('the compiled server (dist/server)', { timeout: PROCESS_TIMEOUT }, () => {
  it('is what the process tests run, built from the sources as they are', () => {
    const commandLine = fs.readFileSync(`/proc/${live().pid}/cmdline`, 'utf8').split('\0');
    expect(commandLine).toContain(path.join(SERVER_DIR, 'main.js'));
    expect(serverBuildState()).toEqual({ current: true });
  });

  it('migrates, answers /readyz and serves the pages, their translations and the public files from the checkout', async () => {
    const { url } = live();
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready', backend: 'pglite' });
    // Signing in needs the migrated tables and the administrator created on the first start.
    await signIn(url);
    const home = await fetch(`${url}/?lang=ru`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Usta — обучение, сертификация и реестр инженеров');
    const css = await fetch(`${url}/static/site.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe(fs.readFileSync(path.join(ROOT, 'src', 'web', 'public', 'site.css'), 'utf8'));
  });

  it('renders a certificate PDF, loading the PDF libraries and fonts on the first one', async () => {
    const { url } = live();
    const session = await signIn(url);
    const list = await fetch(`${url}/api/v1/certificates`, { headers: { cookie: session.cookie } });
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: Array<{ id: string }> };
    expect(items.length).toBeGreaterThan(0);
    const pdf = await fetch(`${url}/api/v1/certificates/${items[0]!.id}/certificate.pdf`, { headers: { cookie: session.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('the compiled proof worker (dist/server/proof-worker.js)', { timeout: PROCESS_TIMEOUT }, () => {
  it('adds an eddsa-rdfc-2022 proof that verifies, asking this thread for the signature', async () => {
    const did = 'did:web:certs.example.uz';
    const key = generateKey({ controller: did, algorithm: 'Ed25519' });
    const privateKey = crypto.createPrivateKey({ key: key.privateKeyJwk as crypto.JsonWebKey, format: 'jwk' });
    const credential: JsonObject = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: did,
      validFrom: '2027-06-01T00:00:00Z',
      credentialSubject: { id: 'urn:uuid:4f0c3c5e-8d3b-4c55-9a53-1d8a3c0b2e11', name: 'Шоҳруҳ Мирзаев' },
    };
    const worker = new Worker(path.join(SERVER_DIR, 'proof-worker.js'));
    try {
      const signed = await new Promise<JsonObject>((resolve, reject) => {
        worker.on('error', reject);
        worker.on('message', (reply: ProofReply) => {
          if (reply.kind === 'sign') {
            const signature = new Uint8Array(crypto.sign(null, reply.data, privateKey));
            worker.postMessage({ kind: 'signature', job: reply.job, signature } satisfies ProofRequest);
          } else if (reply.kind === 'done') resolve(reply.credential);
          else reject(new Error(reply.message));
        });
        worker.postMessage({ kind: 'proof', job: 1, keyId: key.id, credential } satisfies ProofRequest);
      });
      expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: key.id });
      const resolver = explicitKeyResolver([{ id: key.id, controller: did, publicKeyMultibase: key.publicKeyMultibase }]);
      expect((await verifyDataIntegrity(signed, resolver)).ok).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});
