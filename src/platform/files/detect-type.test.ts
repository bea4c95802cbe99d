import { describe, expect, it } from 'vitest';
import { detectFileType, fileNameFor } from './detect-type.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('file types', () => {
  it('are read from the content, whatever the name says', async () => {
    expect(await detectFileType(PNG)).toEqual({ ext: 'png', mime: 'image/png' });
    expect(await detectFileType(Buffer.from('%PDF-1.7\n'))).toEqual({ ext: 'pdf', mime: 'application/pdf' });
    expect(await detectFileType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(254)]))).toMatchObject({ ext: 'exe' });
    expect(await detectFileType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
  });

  it('give the kept file the extension of what it is, and no path or control characters', () => {
    expect(fileNameFor('handout.pdf', { ext: 'png', mime: 'image/png' })).toBe('handout.png');
    expect(fileNameFor('C:\\Users\\x\\Лекция 1.PDF', { ext: 'pdf', mime: 'application/pdf' })).toBe('Лекция 1.pdf');
    expect(fileNameFor('../../"evil"\n.docx', { ext: 'pdf', mime: 'application/pdf' })).toBe('evil.pdf');
    expect(fileNameFor('', { ext: 'pdf', mime: 'application/pdf' })).toBe('file.pdf');
  });
});
