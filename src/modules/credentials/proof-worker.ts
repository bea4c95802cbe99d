import { parentPort } from 'node:worker_threads';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { documentLoader } from './document-loader.js';
import type { ProofReply, ProofRequest } from './proof-pool.js';

/**
 * A thread that adds eddsa-rdfc-2022 proofs with the reference implementation (vc.issue): the
 * canonicalisation and hashing, which is nearly all of the cost, run here; the bytes to sign go
 * back to the thread that holds the key, so the key never leaves its key store.
 */
const port = parentPort!;
const signatures = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

function remoteSigner(job: number, keyId: string) {
  return {
    id: keyId,
    algorithm: 'Ed25519',
    sign: ({ data }: { data: Uint8Array }) =>
      new Promise<Uint8Array>((resolve, reject) => {
        signatures.set(job, { resolve, reject });
        port.postMessage({ kind: 'sign', job, data } satisfies ProofReply);
      }),
  };
}

async function addProof(request: Extract<ProofRequest, { kind: 'proof' }>): Promise<void> {
  try {
    const suite = new DataIntegrityProof({ signer: remoteSigner(request.job, request.keyId), cryptosuite: eddsaRdfc2022 });
    const signed = (await vc.issue({ credential: request.credential, suite, documentLoader })) as Record<string, unknown>;
    port.postMessage({ kind: 'done', job: request.job, credential: signed } satisfies ProofReply);
  } catch (error) {
    port.postMessage({ kind: 'failed', job: request.job, message: error instanceof Error ? error.message : String(error) } satisfies ProofReply);
  }
}

port.on('message', (request: ProofRequest) => {
  if (request.kind === 'proof') {
    void addProof(request);
    return;
  }
  const waiting = signatures.get(request.job);
  signatures.delete(request.job);
  if (!waiting) return;
  if (request.kind === 'signature') waiting.resolve(request.signature);
  else waiting.reject(new Error(request.message));
});
