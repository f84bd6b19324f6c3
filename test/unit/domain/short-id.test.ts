import fc from 'fast-check';
import {
  isShortId,
  SHORT_ID_ALPHABET,
  shortIdBytesNeeded,
  shortIdFromBytes,
} from '../../../cloudfunctions/_shared/domain/short-id';

describe('shortIdFromBytes', () => {
  it('makes 10 base62 characters by default', () => {
    const id = shortIdFromBytes(Uint8Array.from({ length: 20 }, (_, i) => i * 12));
    expect(id).toMatch(/^[0-9A-Za-z]{10}$/);
  });
  it('maps byte values onto the alphabet in order, so 0 is "0" and 61 is "z"', () => {
    expect(shortIdFromBytes(Uint8Array.from([0, 61, 62, 123]), 4)).toBe('0z0z');
  });
  it('skips bytes 248–255, which would favour the first 8 characters', () => {
    expect(shortIdFromBytes(Uint8Array.from([248, 255, 1, 250, 2]), 2)).toBe('12');
  });
  it('gives each character exactly four of the 248 byte values it keeps', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 248; byte += 1) {
      const char = shortIdFromBytes(Uint8Array.of(byte), 1);
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(SHORT_ID_ALPHABET.length);
    expect([...new Set(counts.values())]).toEqual([4]);
  });
  it('honours a custom length', () => {
    expect(shortIdFromBytes(new Uint8Array(shortIdBytesNeeded(16)).fill(7), 16)).toBe('7'.repeat(16));
  });
  it('refuses when the bytes run out rather than making a short id', () => {
    expect(() => shortIdFromBytes(new Uint8Array(9))).toThrow(RangeError);
    expect(() => shortIdFromBytes(new Uint8Array(20).fill(250))).toThrow(RangeError);
  });
  it('refuses a length that is not a positive integer', () => {
    expect(() => shortIdFromBytes(new Uint8Array(20), 0)).toThrow(RangeError);
    expect(() => shortIdFromBytes(new Uint8Array(20), 2.5)).toThrow(RangeError);
  });
  it('always makes an id isShortId accepts, from any bytes that suffice', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), (bytes) => {
        const enoughKept = bytes.filter((b) => b < 248).length >= 10;
        fc.pre(enoughKept);
        expect(isShortId(shortIdFromBytes(bytes))).toBe(true);
      }),
      { seed: 20261123, numRuns: 200 },
    );
  });
});

describe('isShortId', () => {
  it('accepts 10 base62 characters', () => {
    expect(isShortId('aZ09bY18cX')).toBe(true);
  });
  it('rejects other lengths, other characters and non-strings', () => {
    expect(isShortId('aZ09bY18c')).toBe(false);
    expect(isShortId('aZ09bY18cXW')).toBe(false);
    expect(isShortId('aZ09bY18c-')).toBe(false);
    expect(isShortId('aZ09bY18c\n')).toBe(false);
    expect(isShortId(1234567890)).toBe(false);
    expect(isShortId(null)).toBe(false);
  });
  it('checks a custom length', () => {
    expect(isShortId('abc', 3)).toBe(true);
    expect(isShortId('abc')).toBe(false);
  });
});
