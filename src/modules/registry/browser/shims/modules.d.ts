declare module 'virtual:ob3-validators' {
  import type { ValidateFunction } from 'ajv';
  export const credential: ValidateFunction;
  export const status: ValidateFunction;
}

declare module 'pako' {
  const pako: {
    inflate(data: Uint8Array): Uint8Array;
    ungzip(data: Uint8Array): Uint8Array;
    gzip(data: Uint8Array): Uint8Array;
  };
  export default pako;
}

declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
