import { describe, expect, it } from 'vitest';
import { invoiceCode, invoiceDueOn, invoiceNumber } from './invoice-terms.js';

describe('invoice numbers', () => {
  it('join the association code, the year and six digits', () => {
    expect(invoiceNumber('ACEC-UZ', 2026, 17)).toBe('ACEC-UZ-2026-000017');
    expect(invoiceNumber('KWSA', 2027, 1)).toBe('KWSA-2027-000001');
    expect(invoiceNumber('KWSA', 2027, 1_234_567)).toBe('KWSA-2027-1234567');
  });

  it('take the code from the short name, in capitals, with single hyphens', () => {
    expect(invoiceCode('ACEC-UZ')).toBe('ACEC-UZ');
    expect(invoiceCode('CleanTech Latvia')).toBe('CLEANTECH-LATVIA');
    expect(invoiceCode('  kwsa / kz ')).toBe('KWSA-KZ');
    expect(invoiceCode('Қазсу')).toBe('ҚАЗСУ');
    expect(invoiceCode('---')).toBe('INV');
  });
});

describe('invoice due dates', () => {
  it('are 14 days after issue when the session is further away', () => {
    expect(invoiceDueOn('2026-05-01', '2026-06-15')).toBe('2026-05-15');
    expect(invoiceDueOn('2026-12-25', null)).toBe('2027-01-08');
  });

  it('fall on the eve of the first day when the session starts sooner', () => {
    expect(invoiceDueOn('2026-05-01', '2026-05-10')).toBe('2026-05-09');
    expect(invoiceDueOn('2026-02-27', '2026-03-01')).toBe('2026-02-28');
  });

  it('are never before the day of issue', () => {
    expect(invoiceDueOn('2026-05-10', '2026-05-10')).toBe('2026-05-10');
    expect(invoiceDueOn('2026-05-12', '2026-05-10')).toBe('2026-05-12');
  });
});
