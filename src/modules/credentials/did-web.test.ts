import { describe, expect, it } from 'vitest';
import { didWebFromUrl } from './did-document.js';
import { didWebDocumentUrl } from './did-web.js';

describe('did:web resolution', () => {
  it('finds the DID document of a host, a host with a port, and a path', () => {
    expect(didWebDocumentUrl('did:web:certs.example.uz')?.href).toBe('https://certs.example.uz/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:certs.example.uz%3A8443')?.href).toBe('https://certs.example.uz:8443/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:example.lv:usta:riga')?.href).toBe('https://example.lv/usta/riga/did.json');
  });

  it('uses plain HTTP only for the machine itself', () => {
    expect(didWebDocumentUrl('did:web:localhost%3A3000')?.href).toBe('http://localhost:3000/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:127.0.0.1%3A4567')?.href).toBe('http://127.0.0.1:4567/.well-known/did.json');
    expect(didWebDocumentUrl('did:web:localhost.example.org')?.protocol).toBe('https:');
  });

  it('round-trips the DID of a public URL', () => {
    for (const url of ['https://certs.example.uz', 'https://example.kz:8443', 'https://example.lv/usta']) {
      const expected = new URL(url);
      const resolved = didWebDocumentUrl(didWebFromUrl(url))!;
      expect(resolved.origin).toBe(expected.origin);
    }
  });

  it('refuses what is not a plain did:web, rather than fetching something else', () => {
    for (const did of [
      'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      'did:web:',
      'did:web:evil.example%2Fpath',
      'did:web:user%40evil.example',
      'did:web:example.org:..:secret',
      'did:web:example.org#key-1',
      'https://example.org',
    ]) {
      expect(didWebDocumentUrl(did), did).toBeNull();
    }
  });
});
