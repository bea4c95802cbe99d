import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyFileError, parseKeys, serialiseKeys } from './key-file.js';
import { generateKey, jwkFromPublicKeyMultibase, publicKeyMultibaseFromJwk } from './key-pairs.js';
import { openKeyFile } from './key-store.js';

const did = 'did:web:certs.example.org';
const passphrase = 'correct horse battery staple';
const dirs: string[] = [];
async function tempFile() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'usta-keys-'));
  dirs.push(dir);
  return path.join(dir, 'keys', 'issuer-keys.json');
}
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

describe('issuer keys', () => {
  it('encode Ed25519 as z6Mk… and P-256 as zDn… Multikeys, and decode them back', () => {
    const ed = generateKey({ controller: did, algorithm: 'Ed25519' });
    const p256 = generateKey({ controller: did, algorithm: 'ES256' });
    expect(ed.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(p256.publicKeyMultibase).toMatch(/^zDn/);
    for (const key of [ed, p256]) {
      const { d: _d, ...publicJwk } = key.privateKeyJwk;
      expect(jwkFromPublicKeyMultibase(key.publicKeyMultibase)).toEqual(publicJwk);
      expect(publicKeyMultibaseFromJwk(publicJwk)).toBe(key.publicKeyMultibase);
    }
    expect(ed.id).toMatch(/^did:web:certs\.example\.org#eddsa-\d{8}-[0-9a-f]{6}$/);
    expect(ed.id).not.toContain(ed.publicKeyMultibase);
    expect(jwkFromPublicKeyMultibase('zNotAKey')).toBeNull();
  });

  it('round-trip as plain JSON and encrypted with a passphrase', () => {
    const keys = [generateKey({ controller: did, algorithm: 'Ed25519' }), generateKey({ controller: did, algorithm: 'ES256' })];
    expect(parseKeys(serialiseKeys(keys))).toEqual(keys);
    const sealed = serialiseKeys(keys, { passphrase });
    expect(sealed).not.toContain(keys[0]!.privateKeyJwk.d);
    expect(sealed).not.toContain(keys[0]!.publicKeyMultibase);
    expect(parseKeys(sealed, { passphrase })).toEqual(keys);
  });

  it('refuse a wrong passphrase, a missing one, a short one and any edited byte', () => {
    const sealed = serialiseKeys([generateKey({ controller: did, algorithm: 'Ed25519' })], { passphrase });
    expect(() => parseKeys(sealed, { passphrase: 'wrong horse battery staple' })).toThrow(/wrong passphrase/);
    expect(() => parseKeys(sealed)).toThrow(/encrypted/);
    expect(() => serialiseKeys([], { passphrase: 'short' })).toThrow(KeyFileError);
    const file = JSON.parse(sealed);
    const flipped = { ...file, ciphertext: `${file.ciphertext.slice(0, 10)}${file.ciphertext[10] === 'A' ? 'B' : 'A'}${file.ciphertext.slice(11)}` };
    expect(() => parseKeys(JSON.stringify(flipped), { passphrase })).toThrow(KeyFileError);
    const cheaper = { ...file, encryption: { ...file.encryption, N: 16384 } };
    expect(() => parseKeys(JSON.stringify(cheaper), { passphrase })).toThrow(KeyFileError);
    expect(() => parseKeys('{"format":"something-else"}')).toThrow(KeyFileError);
  });

  it('are created on first start in a 0600 file, reused on the next, and rotated with the old ones retired', async () => {
    const file = await tempFile();
    const first = await openKeyFile({ file, controller: did, passphrase });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const created = first.listKeys();
    expect(created.map((k) => [k.algorithm, k.status])).toEqual([
      ['Ed25519', 'current'],
      ['ES256', 'current'],
    ]);

    const again = await openKeyFile({ file, controller: did, passphrase });
    expect(again.listKeys()).toEqual(created);
    expect((await again.signer('Ed25519')).id).toBe(created[0]!.id);

    const fresh = await again.rotate(new Date('2027-05-01T00:00:00Z'));
    const reopened = (await openKeyFile({ file, controller: did, passphrase })).listKeys();
    expect(reopened.filter((k) => k.status === 'current').map((k) => k.id)).toEqual(fresh.map((k) => k.id));
    expect(reopened.filter((k) => k.status === 'retired')).toEqual(
      created.map((k) => ({ ...k, status: 'retired', retiredAt: '2027-05-01T00:00:00.000Z' })),
    );
    expect((await again.signer('ES256')).id).toBe(fresh[1]!.id);
  });

  it('refuse a key file made for another deployment', async () => {
    const file = await tempFile();
    await openKeyFile({ file, controller: did });
    await expect(openKeyFile({ file, controller: 'did:web:other.example.org' })).rejects.toThrow(/does not belong/);
  });
});
