import { concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator } from 'pdf-lib';
import QRCode from 'qrcode';

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
 * Vector drawing of the symbol with its lower-left corner at (x, y), `side` points wide (quiet zone
 * not included: keep four modules of white around it). A single filled path, so it stays sharp at
 * any zoom and prints crisply.
 */
export function qrOperators(matrix: QrMatrix, x: number, y: number, side: number): PDFOperator[] {
  const module = side / matrix.size;
  // Drawn in module units (whole numbers), scaled once: exact edges and a short content stream.
  const operators: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(round(module), 0, 0, round(module), round(x), round(y)), setFillingRgbColor(0, 0, 0)];
  for (const run of qrRuns(matrix)) operators.push(rectangle(run.column, matrix.size - 1 - run.row, run.length, 1));
  operators.push(fill(), popGraphicsState());
  return operators;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
