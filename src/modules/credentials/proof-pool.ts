import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JsonObject } from './build-credential.js';
import type { KeySigner } from './key-store.js';
import { signCredential } from './sign-credential.js';

export type ProofRequest =
  | { kind: 'proof'; job: number; keyId: string; credential: JsonObject }
  | { kind: 'signature'; job: number; signature: Uint8Array }
  | { kind: 'signature_failed'; job: number; message: string };

export type ProofReply =
  | { kind: 'sign'; job: number; data: Uint8Array }
  | { kind: 'done'; job: number; credential: JsonObject }
  | { kind: 'failed'; job: number; message: string };

/** Adds eddsa-rdfc-2022 proofs on other cores: the same result as `signCredential`, made in worker threads. */
export interface ProofPool {
  readonly size: number;
  sign(credential: JsonObject, signer: KeySigner): Promise<JsonObject>;
  /** Stops the threads; signing afterwards starts them again. */
  close(): Promise<void>;
}

interface Job {
  credential: JsonObject;
  signer: KeySigner;
  resolve: (signed: JsonObject) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
}

/** `true` in the compiled server (scripts/build-server.mjs defines it); absent when the sources run. */
declare const USTA_COMPILED: boolean | undefined;

/**
 * The compiled worker is an entry point of its own beside the compiled server; from the sources
 * (tests, `npm run dev`) a boot file loads the TypeScript module through tsx.
 */
function startWorker(): Worker {
  if (typeof USTA_COMPILED !== 'undefined' && USTA_COMPILED) {
    return new Worker(new URL('../../../dist/server/proof-worker.js', import.meta.url));
  }
  const entry = new URL('./proof-worker.ts', import.meta.url).href;
  return new Worker(new URL('./proof-worker-boot.mjs', import.meta.url), { workerData: { entry } });
}

/**
 * Worker threads that canonicalise and hash credentials with the reference implementation while
 * this thread goes on (a bulk issue writes the previous certificates meanwhile). The signature
 * itself is made here by the key store's signer. Idle threads do not keep the process alive; a
 * thread that fails hands its credentials back to be signed on this thread.
 */
export function createProofPool(options: { size?: number } = {}): ProofPool {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  let threads: Thread[] = [];
  let nextJob = 1;
  let broken = false;

  const idle = (thread: Thread) => {
    if (thread.jobs.size === 0) thread.worker.unref();
  };

  const signHere = (job: Job) => {
    signCredential(job.credential, job.signer).then(job.resolve, job.reject);
  };

  const start = (): Thread => {
    const worker = startWorker();
    const thread: Thread = { worker, jobs: new Map() };
    worker.on('message', (reply: ProofReply) => {
      const job = thread.jobs.get(reply.job);
      if (!job) return;
      if (reply.kind === 'sign') {
        job.signer.sign({ data: reply.data }).then(
          (signature) => worker.postMessage({ kind: 'signature', job: reply.job, signature } satisfies ProofRequest),
          (error: unknown) => worker.postMessage({ kind: 'signature_failed', job: reply.job, message: String(error) } satisfies ProofRequest),
        );
        return;
      }
      thread.jobs.delete(reply.job);
      idle(thread);
      if (reply.kind === 'done') job.resolve(reply.credential);
      else job.reject(new Error(`eddsa-rdfc-2022 proof failed: ${reply.message}`));
    });
    const lost = () => {
      broken = true;
      threads = threads.filter((t) => t !== thread);
      const jobs = [...thread.jobs.values()];
      thread.jobs.clear();
      jobs.forEach(signHere);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    worker.unref();
    return thread;
  };

  return {
    size,
    sign(credential, signer) {
      return new Promise<JsonObject>((resolve, reject) => {
        const job: Job = { credential, signer, resolve, reject };
        if (broken) {
          signHere(job);
          return;
        }
        if (threads.length === 0) threads = Array.from({ length: size }, start);
        const thread = threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
        const id = nextJob++;
        thread.jobs.set(id, job);
        thread.worker.ref();
        thread.worker.postMessage({ kind: 'proof', job: id, keyId: signer.id, credential } satisfies ProofRequest);
      });
    },
    async close() {
      const stopping = threads;
      threads = [];
      for (const thread of stopping) thread.worker.removeAllListeners('exit');
      await Promise.all(stopping.map((t) => t.worker.terminate()));
      for (const thread of stopping) [...thread.jobs.values()].forEach(signHere);
    },
  };
}

let shared: ProofPool | null = null;

/**
 * The process's pool, started on first use: a thread per core, at most four (each holds its own
 * JSON-LD stack in memory, and the thread writing the certificates is the limit beyond that).
 */
export function sharedProofPool(): ProofPool {
  shared ??= createProofPool({ size: Math.min(os.availableParallelism(), 4) });
  return shared;
}
