import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * HarfBuzz's subsetter (the WebAssembly build shipped by harfbuzzjs), with each font face parsed
 * once and kept in WebAssembly memory for the life of the process. Subsetting a face per
 * document then costs well under a millisecond (docs/decisions: how certificates are made fast).
 */

interface HarfBuzzSubsetExports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, setType: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
/** Glyph ids stay those of the full font, so the code-point map and widths are computed once. */
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
/** Layout tables serve shaping; a PDF shows glyphs already chosen, so they are dead weight. */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'GDEF', 'kern', 'gasp', 'FFTM'];

function tag(name: string): number {
  let value = 0;
  for (const char of name) value = (value << 8) + char.charCodeAt(0);
  return value >>> 0;
}

let harfBuzz: Promise<HarfBuzzSubsetExports> | undefined;

function loadHarfBuzz(): Promise<HarfBuzzSubsetExports> {
  harfBuzz ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath));
    const hb = instance.exports as unknown as HarfBuzzSubsetExports;
    hb._initialize();
    return hb;
  })();
  return harfBuzz;
}

export interface SubsetFace {
  /** A TrueType font holding the glyphs of these code points, each at its original glyph id. */
  subset(codePoints: Iterable<number>): Uint8Array;
}

/** Parses a TrueType font into HarfBuzz once; the face lives as long as the process. */
export async function loadSubsetFace(fontBytes: Uint8Array): Promise<SubsetFace> {
  const hb = await loadHarfBuzz();
  const pointer = hb.malloc(fontBytes.byteLength);
  new Uint8Array(hb.memory.buffer).set(fontBytes, pointer);
  const blob = hb.hb_blob_create(pointer, fontBytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);

  return {
    subset(codePoints) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('The font subsetter ran out of memory.');
      let result = 0;
      try {
        hb.hb_set_clear(hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
        const dropped = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const table of DROPPED_TABLES) hb.hb_set_add(dropped, tag(table));
        hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_RETAIN_GIDS);
        const unicodes = hb.hb_subset_input_unicode_set(input);
        for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
        result = hb.hb_subset_or_fail(face, input);
      } finally {
        hb.hb_subset_input_destroy(input);
      }
      if (result === 0) throw new Error('The font subsetter failed.');
      const resultBlob = hb.hb_face_reference_blob(result);
      try {
        const offset = hb.hb_blob_get_data(resultBlob, 0);
        const length = hb.hb_blob_get_length(resultBlob);
        // Copy out: the WebAssembly heap is reused (and may grow) on the next call.
        return new Uint8Array(hb.memory.buffer).slice(offset, offset + length);
      } finally {
        hb.hb_blob_destroy(resultBlob);
        hb.hb_face_destroy(result);
      }
    },
  };
}
