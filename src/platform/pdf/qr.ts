import QRCode from 'qrcode';
import { num } from './content-syntax.js';

/** A QR symbol as rows of dark (true) and light modules, without the quiet zone. */
export interface QrMatrix {
  size: number;
  isDark(row: number, column: number): boolean;
}

/** Level M survives a crease or a smudge on a printed certificate and keeps the symbol small. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => modules.data[row * modules.size + column] === 1 };
}

/** One rectangle per horizontal run of dark modules, in the symbol's own module units. */
export function qrRuns(matrix: QrMatrix): { row: number; column: number; length: number }[] {
  const runs: { row: number; column: number; length: number }[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      runs.push({ row, column: start, length: column - start });
    }
  }
  return runs;
}

/**
 * Content-stream syntax drawing the symbol with its lower-left corner at (x, y), `side` points wide (quiet zone
 * not included: keep four modules of white around it). A single filled path, so it stays sharp at
 * any zoom and prints crisply.
 */
export function qrContent(matrix: QrMatrix, x: number, y: number, side: number): string {
  const module = side / matrix.size;
  // Drawn in module units (whole numbers), scaled once: exact edges and a short content stream.
  const runs = qrRuns(matrix).map((run) => `${run.column} ${matrix.size - 1 - run.row} ${run.length} 1 re`);
  return `q ${num(module)} 0 0 ${num(module)} ${num(x)} ${num(y)} cm 0 0 0 rg\n${runs.join('\n')}\nf Q`;
}
