import { PersonalDataCipher } from './personal-data-cipher';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher({ encryptionKey: 'a'.repeat(64), hashKey: 'b'.repeat(64) });

  it('opens what it sealed, with a fresh IV every time, also past one pool of IVs', () => {
    const sealed = Array.from({ length: 2100 }, () => cipher.encrypt('450329199001011234'));
    expect(new Set(sealed.map((s) => s.split('.')[1])).size).toBe(2100);
    expect(sealed.every((s) => cipher.decrypt(s) === '450329199001011234')).toBe(true);
  });

  it('refuses a value that was tampered with', () => {
    const [version, iv, tag, body] = cipher.encrypt('13812345678').split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });
});
