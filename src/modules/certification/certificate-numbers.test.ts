import { describe, expect, it } from 'vitest';
import { addYears, certificateNumber, localDate, localDayEnd, localDayStart, newVerificationCode } from './certificate-numbers.js';

describe('certificate numbers and dates', () => {
  it('formats the number from prefix, year and a six-digit sequence', () => {
    expect(certificateNumber('UZ-ENG', 2026, 123)).toBe('UZ-ENG-2026-000123');
    expect(certificateNumber('KZ-WS', 2027, 1_234_567)).toBe('KZ-WS-2027-1234567');
  });

  it('makes unguessable base32 codes of 24 characters, never the same twice', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newVerificationCode()));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{24}$/);
  });

  it('dates a certificate in the zone where it is issued', () => {
    const lateEvening = new Date('2026-03-01T20:30:00Z');
    expect(localDate(lateEvening, 'Asia/Tashkent')).toBe('2026-03-02');
    expect(localDate(lateEvening, 'Europe/Riga')).toBe('2026-03-01');
  });

  it('adds whole years, keeping 29 February in range', () => {
    expect(addYears('2026-03-02', 3)).toBe('2029-03-02');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('finds where a calendar day begins and ends in a zone, clock changes included', () => {
    expect(localDayStart('2026-03-02', 'Asia/Tashkent').toISOString()).toBe('2026-03-01T19:00:00.000Z');
    expect(localDayEnd('2026-03-02', 'Asia/Almaty').toISOString()).toBe('2026-03-02T18:59:59.999Z');
    expect(localDayStart('2026-07-01', 'Europe/Riga').toISOString()).toBe('2026-06-30T21:00:00.000Z');
    expect(localDayStart('2026-03-29', 'Europe/Riga').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(localDayEnd('2026-03-29', 'Europe/Riga').toISOString()).toBe('2026-03-29T20:59:59.999Z');
  });
});
