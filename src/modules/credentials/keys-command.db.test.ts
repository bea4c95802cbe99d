import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../../test/backend.js';
import { createDataTarget, runUsta, startUsta, PROCESS_TIMEOUT, type DataTarget } from '../../../test/process/server.js';
import { openDatabase } from '../../db/client.js';

const PASSPHRASE = 'Latvijas inženieru atslēga 2026';

let target: DataTarget;
let env: Record<string, string>;
beforeAll(async () => {
  target = await createDataTarget();
  env = { ...target.env, USTA_KEY_PASSPHRASE: PASSPHRASE };
}, PROCESS_TIMEOUT);
afterAll(async () => target.remove(), PROCESS_TIMEOUT);

interface DidDocument {
  id: string;
  verificationMethod: { id: string }[];
  assertionMethod: string[];
}

/** Starts `usta serve`, reads its DID document, stops it. */
async function servedDidDocument(): Promise<DidDocument> {
  const server = await startUsta(env);
  try {
    const res = await fetch(`${server.url}/.well-known/did.json`);
    expect(res.status).toBe(200);
    return (await res.json()) as DidDocument;
  } finally {
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  }
}

describe(`issuer keys and the audit trail from the command line (${testBackend()})`, { timeout: PROCESS_TIMEOUT }, () => {
  let first: DidDocument;

  it('creates the keys on the first start and serves the same DID document on the next', async () => {
    first = await servedDidDocument();
    expect(first.verificationMethod).toHaveLength(2);
    expect(await servedDidDocument()).toEqual(first);
  });

  it('refuses to start with a wrong passphrase, saying so', async () => {
    const result = await runUsta(['serve'], { ...env, USTA_KEY_PASSPHRASE: 'a passphrase nobody set' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('usta: USTA_KEY_PASSPHRASE does not open the issuer keys');
    const none = await runUsta(['serve'], target.env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('usta: The issuer keys are encrypted: set USTA_KEY_PASSPHRASE');
  });

  it('rotates: new current keys, the old ones still in the DID document', async () => {
    const rotated = await runUsta(['keys', 'rotate'], env);
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain('The previous keys are retired');
    const after = await servedDidDocument();
    expect(after.id).toBe(first.id);
    expect(after.verificationMethod).toHaveLength(4);
    expect(after.assertionMethod).toEqual(expect.arrayContaining(first.assertionMethod));
    const listed = await runUsta(['keys', 'list'], env);
    expect(listed.stdout.match(/^\s+current\s/gm)).toHaveLength(2);
    expect(listed.stdout.match(/^\s+retired\s/gm)).toHaveLength(2);
    const wrong = await runUsta(['keys', 'rotate'], { ...env, USTA_KEY_PASSPHRASE: 'a mistyped passphrase!' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--force');
  });

  it('audit verify: exit 0 on an intact trail, 1 naming the first entry edited', async () => {
    const intact = await runUsta(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('Audit trail intact: 6 entries.');
    const anchor = /Anchor: (\d+:[0-9a-f]{64})/.exec(intact.stdout)![1]!;
    expect((await runUsta(['audit', 'verify', '--anchor', anchor], env)).code).toBe(0);

    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger user`);
        await tx.execute(sql`update audit_log set actor = 'user:someone-else' where seq = 3`);
        await tx.execute(sql`alter table audit_log enable trigger user`);
      });
    } finally {
      await database.close();
    }
    const broken = await runUsta(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('Audit trail BROKEN at entry 3 (altered)');
    expect(broken.stdout).toContain('2 entries before it are intact.');
  });
});
