import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { Bitstring, buildStatusListCredential, createStatusList, MIN_STATUS_LIST_LENGTH, pickFreeIndex } from './status-list.js';

interface W3cExample {
  credentialSubject: { encodedList: string };
  credentialStatus?: unknown;
}
const w3c = (name: string) => JSON.parse(fs.readFileSync(new URL(`./fixtures/w3c/${name}`, import.meta.url), 'utf8')) as W3cExample;

describe('Bitstring Status List', () => {
  it.each([
    'status-list-credential-example.json',
    'status-list-credential-unsigned.json',
    'status-list-credential-eddsa-rdfc-2022.json',
    'status-list-credential-ecdsa-rdfc-2019.json',
  ])('decodes the W3C example %s to 131,072 clear bits', (name) => {
    const list = Bitstring.decode(w3c(name).credentialSubject.encodedList);
    expect(list?.length).toBe(MIN_STATUS_LIST_LENGTH);
    expect(list?.bytes.every((b) => b === 0)).toBe(true);
    // The example credential points at index 94567 of this list: not revoked.
    expect(list?.get(94567)).toBe(false);
  });

  it('reads the entries of the W3C multi-status example against the decoded list', () => {
    const entries = w3c('credential-with-multiple-status-entries.json').credentialStatus as { statusPurpose: string; statusListIndex: string }[];
    expect(entries.map((e) => e.statusPurpose)).toEqual(['revocation', 'suspension']);
    const list = Bitstring.decode(w3c('status-list-credential-example.json').credentialSubject.encodedList)!;
    for (const entry of entries) expect(list.get(Number(entry.statusListIndex))).toBe(false);
  });

  it('decodes the 1EdTech revocation test list with bit 23 set', () => {
    const testlist = JSON.parse(fs.readFileSync(new URL('./fixtures/1edtech/bit-string-list/testlist.json', import.meta.url), 'utf8'));
    const list = Bitstring.decode(testlist.credentialSubject.encodedList)!;
    const set = [...Array(list.length).keys()].filter((i) => list.get(i));
    expect(set).toEqual([23]);
  });

  it('sets, clears and round-trips bits, left-most bit first', () => {
    const list = createStatusList();
    list.set(0, true);
    list.set(9, true);
    list.set(MIN_STATUS_LIST_LENGTH - 1, true);
    expect(list.bytes[0]).toBe(0x80);
    expect(list.bytes[1]).toBe(0x40);
    const decoded = Bitstring.decode(list.encode())!;
    expect([0, 1, 9, MIN_STATUS_LIST_LENGTH - 1].map((i) => decoded.get(i))).toEqual([true, false, true, true]);
    decoded.set(9, false);
    expect(decoded.get(9)).toBe(false);
    expect(list.encode()).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(() => list.get(MIN_STATUS_LIST_LENGTH)).toThrow(RangeError);
    expect(() => list.set(-1, true)).toThrow(RangeError);
  });

  it('refuses lists shorter than the privacy minimum and undecodable input', () => {
    expect(() => createStatusList(1024)).toThrow(RangeError);
    expect(Bitstring.decode('zABC')).toBeNull();
    expect(Bitstring.decode('u!!!')).toBeNull();
    expect(Bitstring.decode(42)).toBeNull();
  });

  it('picks free indices uniformly at random and never a taken one', () => {
    const taken = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const index = pickFreeIndex(taken);
      expect(taken.has(index)).toBe(false);
      taken.add(index);
    }
    // Issued in order, the indices are nonetheless spread over the whole list.
    const sorted = [...taken].sort((a, b) => a - b);
    expect(sorted[0]!).toBeLessThan(MIN_STATUS_LIST_LENGTH / 10);
    expect(sorted[sorted.length - 1]!).toBeGreaterThan((MIN_STATUS_LIST_LENGTH * 9) / 10);
    const first = [...taken].slice(0, 1000);
    expect(first.filter((i) => i < MIN_STATUS_LIST_LENGTH / 2).length).toBeGreaterThan(400);
  });

  it('finds the last free index of a nearly full list and reports a full one', () => {
    const length = 64;
    const taken = new Set([...Array(length).keys()].filter((i) => i !== 37));
    expect(pickFreeIndex(taken, length)).toBe(37);
    taken.add(37);
    expect(() => pickFreeIndex(taken, length)).toThrow(AppError);
  });

  it('builds a BitstringStatusListCredential carrying the encoded list', () => {
    const list = createStatusList();
    list.set(5, true);
    const credential = buildStatusListCredential({
      url: 'https://certs.example.org/status/revocation/1',
      issuer: 'did:web:certs.example.org',
      statusPurpose: 'revocation',
      list,
      validFrom: new Date('2026-03-01T10:00:00.123Z'),
      ttl: 300_000,
    });
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      validFrom: '2026-03-01T10:00:00Z',
      credentialSubject: { id: 'https://certs.example.org/status/revocation/1#list', type: 'BitstringStatusList', statusPurpose: 'revocation', ttl: 300_000 },
    });
    const subject = credential.credentialSubject as { encodedList: string };
    expect(Bitstring.decode(subject.encodedList)?.get(5)).toBe(true);
  });
});
