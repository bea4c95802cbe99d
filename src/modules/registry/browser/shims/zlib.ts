import pako from 'pako';

/** node:zlib's synchronous calls used by the shared code, over pako (which pdf-lib already brings). */
function limited(bytes: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array {
  if (options?.maxOutputLength !== undefined && bytes.length > options.maxOutputLength) throw new RangeError('Cannot create a Buffer larger than maxOutputLength');
  return bytes;
}

export function gunzipSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array {
  return limited(pako.ungzip(data), options);
}

export function inflateSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array {
  return limited(pako.inflate(data), options);
}

export function gzipSync(data: Uint8Array): Uint8Array {
  return pako.gzip(data);
}

export default { gunzipSync, inflateSync, gzipSync };
