import { describe, expect, it } from 'vitest';
import { newVerificationCode, normaliseVerificationCode } from './completion-code.js';
import { TICKET_ALPHABET } from './ticket-code.js';

describe('verification codes', () => {
  it('are four groups of four symbols that cannot be misread, all different', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('use every symbol of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) for (const c of newVerificationCode().replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...TICKET_ALPHABET].sort().join(''));
    // 48,000 symbols over 30: 1,600 each on average; none is rare.
    for (const n of counts.values()) expect(n).toBeGreaterThan(1350);
  });

  it('are read back from what someone typed', () => {
    expect(normaliseVerificationCode(' 7kqm 4xpz-h2n9rt3b ')).toBe('7KQM-4XPZ-H2N9-RT3B');
    expect(normaliseVerificationCode('7KQM-4XPZ-H2N9-RT3')).toBeNull();
    expect(normaliseVerificationCode('0KQM-4XPZ-H2N9-RT3B')).toBeNull();
  });
});
