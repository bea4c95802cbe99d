import { describe, expect, it } from 'vitest';
import { testMessages } from '../../../test/app.js';
import { headerDay, SheetVocabulary } from './attendance-sheet-columns.js';

const vocabulary = new SheetVocabulary(testMessages());

describe('attendance sheet marks', () => {
  it('reads presence as people write it in the five languages', () => {
    for (const mark of ['1', 'x', 'X', 'х', '✓', '✔', '+', 'yes', 'да', 'Да', 'ha', 'иә', 'jā', 'Ja', 'v']) {
      expect({ mark, value: vocabulary.mark(mark) }).toEqual({ mark, value: true });
    }
  });

  it('reads absence, and leaves empty cells alone', () => {
    for (const mark of ['0', '-', '–', 'no', 'нет', 'н', 'нб', 'yoʻq', "yo'q", 'жоқ', 'nē']) {
      expect({ mark, value: vocabulary.mark(mark) }).toEqual({ mark, value: false });
    }
    expect(vocabulary.mark(null)).toBeNull();
    expect(vocabulary.mark('  ')).toBeNull();
  });

  it('does not guess at marks it does not know', () => {
    for (const mark of ['maybe', '2', '?', 'late']) expect(vocabulary.mark(mark)).toBeUndefined();
  });
});

describe('attendance sheet headers', () => {
  it('recognise the registrant’s identity columns in any interface language', () => {
    expect(vocabulary.field('Ticket code')).toBe('ticketCode');
    expect(vocabulary.field('Код билета')).toBe('ticketCode');
    expect(vocabulary.field('Chipta kodi')).toBe('ticketCode');
    expect(vocabulary.field('E-pasts')).toBe('email');
    expect(vocabulary.field('ФИО')).toBe('fullName');
    expect(vocabulary.field('Vārds, uzvārds')).toBe('fullName');
    expect(vocabulary.field('Signature')).toBeNull();
  });

  it('read a day from ISO, day-first and spreadsheet date headers; a day and month take the session’s year', () => {
    expect(headerDay('2026-05-12', 2026)).toBe('2026-05-12');
    expect(headerDay('12.05.2026', 2026)).toBe('2026-05-12');
    expect(headerDay('12/05/2026 (Tue)', 2026)).toBe('2026-05-12');
    expect(headerDay('Day 2 — 13.05', 2026)).toBe('2026-05-13');
    expect(headerDay('2026-05-14T00:00:00.000Z', 2026)).toBe('2026-05-14');
    expect(headerDay('31.02.2026', 2026)).toBeNull();
    expect(headerDay('Signature', 2026)).toBeNull();
    expect(headerDay('No.', 2026)).toBeNull();
  });
});
