import { createHash } from 'node:crypto';

import { canonicalJson, sha256Hex } from '../canonical';

describe('canonicalJson', () => {
  it('sorts keys at every level, inside arrays too, and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for the same value whatever order its keys were written in', () => {
    const one = { wage: 2800, terms: { startDate: '2027-03-01', probationMonths: 2 }, parties: ['甲', '乙'] };
    const other = { parties: ['甲', '乙'], terms: { probationMonths: 2, startDate: '2027-03-01' }, wage: 2800 };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('keeps the order of arrays: a different order is a different value', () => {
    expect(canonicalJson([2, 1])).toBe('[2,1]');
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });

  it('writes what JSON writes for strings, dates and missing values: Chinese unescaped, dates as ISO, undefined left out', () => {
    expect(canonicalJson({ name: '李秀英', quote: '"甲"\n' })).toBe('{"name":"李秀英","quote":"\\"甲\\"\\n"}');
    expect(canonicalJson({ at: new Date('2027-03-01T02:00:00Z') })).toBe('{"at":"2027-03-01T02:00:00.000Z"}');
    expect(canonicalJson({ kept: null, dropped: undefined })).toBe('{"kept":null}');
  });

  it('refuses a value that has no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow('Value has no JSON form');
    expect(() => canonicalJson(() => 1)).toThrow('Value has no JSON form');
  });
});

describe('sha256Hex', () => {
  it('gives the SHA-256 of the text (test vectors of FIPS 180-2) in lower-case hex', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes text as UTF-8, the same as its bytes', () => {
    const text = '劳动合同：资源县瓜里乡';
    expect(sha256Hex(text)).toBe(sha256Hex(Buffer.from(text, 'utf8')));
    expect(sha256Hex(text)).toBe(createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'));
    expect(sha256Hex(text)).not.toBe(sha256Hex(Buffer.from(text, 'utf16le')));
  });
});
