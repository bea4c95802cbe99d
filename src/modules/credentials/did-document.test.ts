import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { buildDidDocument, didWebFromUrl } from './did-document.js';
import { BUNDLED_CONTEXTS, createDocumentLoader, documentLoader, UnknownDocumentError } from './document-loader.js';
import { generateKey, publicPart } from './key-pairs.js';
import { didDocumentKeyResolver } from './key-resolver.js';

describe('did:web identity', () => {
  it.each([
    ['https://certs.example.uz', 'did:web:certs.example.uz'],
    ['https://certs.example.uz/', 'did:web:certs.example.uz'],
    ['http://localhost:3000', 'did:web:localhost%3A3000'],
    ['https://example.lv:8443/usta', 'did:web:example.lv%3A8443:usta'],
  ])('%s is %s', (url, did) => {
    expect(didWebFromUrl(url)).toBe(did);
  });

  it('publishes current and retired keys as Multikey assertion methods', () => {
    const did = 'did:web:certs.example.kz';
    const current = generateKey({ controller: did, algorithm: 'Ed25519' });
    const jwtKey = generateKey({ controller: did, algorithm: 'ES256' });
    const retired = { ...generateKey({ controller: did, algorithm: 'Ed25519' }), status: 'retired' as const };
    const doc = buildDidDocument(did, [current, jwtKey, retired].map(publicPart));
    expect(doc).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [current, jwtKey, retired].map((k) => ({ id: k.id, type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase })),
      assertionMethod: [current.id, jwtKey.id, retired.id],
    });
    expect(JSON.stringify(doc)).not.toContain('"d"');
  });

  it('is well-formed JSON-LD under the bundled contexts', async () => {
    const did = 'did:web:certs.example.kz';
    const doc = buildDidDocument(did, [publicPart(generateKey({ controller: did, algorithm: 'Ed25519' }))]);
    const [expanded] = (await jsonld.expand(doc, { documentLoader, safe: true })) as Record<string, unknown>[];
    expect(expanded?.['https://w3id.org/security#assertionMethod']).toEqual([{ '@id': doc.assertionMethod[0] }]);
  });

  it('resolves only keys the DID document lists for assertionMethod, under its own DID', async () => {
    const did = 'did:web:certs.example.kz';
    const listed = generateKey({ controller: did, algorithm: 'Ed25519' });
    const unlisted = generateKey({ controller: did, algorithm: 'Ed25519' });
    const foreign = generateKey({ controller: 'did:web:evil.example', algorithm: 'Ed25519' });
    const doc = buildDidDocument(did, [listed].map(publicPart));
    doc.verificationMethod.push(
      { id: unlisted.id, type: 'Multikey', controller: did, publicKeyMultibase: unlisted.publicKeyMultibase },
      { id: foreign.id, type: 'Multikey', controller: did, publicKeyMultibase: foreign.publicKeyMultibase },
    );
    doc.assertionMethod.push(foreign.id);
    const resolve = didDocumentKeyResolver([doc]);
    expect(await resolve(listed.id)).toEqual({ id: listed.id, controller: did, publicKeyMultibase: listed.publicKeyMultibase });
    expect(await resolve(unlisted.id)).toBeNull();
    expect(await resolve(foreign.id)).toBeNull();
    expect(await resolve(`${did}#${listed.publicKeyMultibase}`)).toBeNull();
  });
});

describe('offline document loader', () => {
  it('serves every bundled context and refuses anything else without fetching it', async () => {
    for (const url of BUNDLED_CONTEXTS.keys()) {
      const { document } = await documentLoader(url);
      expect(document).toHaveProperty('@context');
    }
    await expect(documentLoader('https://www.w3.org/2018/credentials/examples/v1')).rejects.toThrow(UnknownDocumentError);
    await expect(documentLoader('https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi')).rejects.toThrow(
      /refused rather than fetched/,
    );
  });

  it('adds only the extra documents its caller vouches for', async () => {
    const loader = createDocumentLoader(new Map([['did:web:a#k', { id: 'did:web:a#k' }]]));
    expect((await loader('did:web:a#k')).document).toEqual({ id: 'did:web:a#k' });
    await expect(documentLoader('did:web:a#k')).rejects.toThrow(UnknownDocumentError);
  });
});
