/**
 * A ToUnicode CMap (PDF 32000-1 §9.10.3): maps each glyph id drawn to the text it stands for, so
 * copy and paste, search and screen readers get the exact characters back.
 */
export function toUnicodeCMap(textOfGlyph: ReadonlyMap<number, string>): string {
  const glyphIds = [...textOfGlyph.keys()].sort((a, b) => a - b);
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  // A bfchar block holds at most 100 entries.
  for (let start = 0; start < glyphIds.length; start += 100) {
    const chunk = glyphIds.slice(start, start + 100);
    lines.push(`${chunk.length} beginbfchar`);
    for (const id of chunk) lines.push(`<${hex4(id)}> <${utf16Hex(textOfGlyph.get(id) ?? '')}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return lines.join('\n');
}

export function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}
