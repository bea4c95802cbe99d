/** Pieces of PDF content-stream syntax (PDF 32000-1 §7.3). */

/** A number with at most three decimals, as short as it gets ("12", "0.5", "-3.125"). */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A name object, with any character outside the printable ASCII regular set written as #xx. */
export function pdfName(name: string): string {
  let out = '/';
  for (const byte of new TextEncoder().encode(name)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x21 || byte > 0x7e || '()<>[]{}/%#'.includes(char) ? `#${byte.toString(16).toUpperCase().padStart(2, '0')}` : char;
  }
  return out;
}
