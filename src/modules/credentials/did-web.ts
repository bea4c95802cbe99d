/** Hosts a developer's own machine answers for; did:web is resolved over plain HTTP only there. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where a did:web DID document lives (did:web method, section 3.2): `did:web:host%3Aport` at
 * https://host:port/.well-known/did.json, `did:web:host:a:b` at https://host/a/b/did.json. Null for
 * anything that is not a well-formed did:web.
 */
export function didWebDocumentUrl(did: string): URL | null {
  const match = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (!match) return null;
  let host: string;
  let segments: string[];
  try {
    host = decodeURIComponent(match[1]!);
    segments = match[2]!.split(':').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) && !/^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) return null;
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('/'))) return null;
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  const scheme = LOOPBACK.has(hostname) ? 'http' : 'https';
  const path = segments.length > 0 ? `/${segments.map(encodeURIComponent).join('/')}/did.json` : '/.well-known/did.json';
  try {
    return new URL(`${scheme}://${host}${path}`);
  } catch {
    return null;
  }
}
