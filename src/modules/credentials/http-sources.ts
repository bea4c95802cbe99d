import type { CredentialSources, FetchedDocument } from './credential-sources.js';

export interface HttpSourcesOptions {
  timeoutMs?: number;
  /** Largest body accepted; a status list of 131,072 entries is a few kilobytes. */
  maxBytes?: number;
  fetch?: typeof globalThis.fetch;
  /** Told about each failed fetch, so a command line can say why. */
  onError?: (url: URL, reason: string) => void;
}

async function readLimited(response: Response, maxBytes: number): Promise<string | null> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * Fetches exactly the URL asked for: no redirects are followed (they could lead to another host),
 * bodies are size-limited and every request has a timeout. Uses only fetch, so it runs in a
 * browser as well as in Node.
 */
export function httpSources(options: HttpSourcesOptions = {}): CredentialSources {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const doFetch = options.fetch ?? globalThis.fetch;
  const get = async (kind: FetchedDocument['kind'], key: string, url: URL): Promise<FetchedDocument | null> => {
    try {
      const response = await doFetch(url, {
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json, application/did+json, application/vc+ld+json;q=0.9' },
      });
      if (response.status !== 200) {
        options.onError?.(url, `HTTP ${response.status}`);
        await response.body?.cancel();
        return null;
      }
      const text = await readLimited(response, maxBytes);
      if (text === null) {
        options.onError?.(url, `larger than ${maxBytes} bytes`);
        return null;
      }
      return { kind, key, url: url.href, document: JSON.parse(text) as unknown, fetchedAt: new Date(), fromCache: false };
    } catch (error) {
      options.onError?.(url, (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message);
      return null;
    }
  };
  return {
    didDocument: (did, url) => get('did', did, url),
    statusList: (url) => get('status', url.href, url),
  };
}
