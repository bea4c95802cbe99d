/**
 * The part of Node's Buffer that the shared verification code uses (base64url, UTF-8 and Latin-1
 * text, concat), so the same modules run in the browser unchanged.
 */
type Encoding = 'utf8' | 'utf-8' | 'base64url' | 'base64' | 'latin1' | 'hex';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes that print themselves as Node's Buffer does. */
export class BufferBytes extends Uint8Array {
  override toString(encoding: Encoding = 'utf8'): string {
    switch (encoding) {
      case 'base64':
        return toBase64(this);
      case 'base64url':
        return toBase64(this).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      case 'latin1':
        return Array.from(this, (byte) => String.fromCharCode(byte)).join('');
      case 'hex':
        return Array.from(this, (byte) => byte.toString(16).padStart(2, '0')).join('');
      case 'utf8':
      case 'utf-8':
        return new TextDecoder().decode(this);
    }
  }
}

function bytesOf(values: ArrayLike<number>): BufferBytes {
  const out = new BufferBytes(values.length);
  out.set(values);
  return out;
}

function fromText(value: string, encoding: Encoding): BufferBytes {
  switch (encoding) {
    case 'base64url':
    case 'base64': {
      const text = value.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
      const binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, '='));
      return bytesOf(Array.from(binary, (c) => c.charCodeAt(0)));
    }
    case 'latin1':
      return bytesOf(Array.from(value, (c) => c.charCodeAt(0) & 255));
    case 'hex':
      return bytesOf((value.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
    case 'utf8':
    case 'utf-8':
      return bytesOf(new TextEncoder().encode(value));
  }
}

export const BrowserBuffer = {
  from(value: string | ArrayLike<number> | ArrayBuffer, encoding: Encoding = 'utf8'): BufferBytes {
    if (typeof value === 'string') return fromText(value, encoding);
    return bytesOf(value instanceof ArrayBuffer ? new Uint8Array(value) : value);
  },
  of: (...items: number[]): BufferBytes => bytesOf(items),
  concat(parts: readonly Uint8Array[]): BufferBytes {
    const out = new BufferBytes(parts.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  },
  isBuffer: (value: unknown): value is BufferBytes => value instanceof BufferBytes,
};

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= BrowserBuffer;
