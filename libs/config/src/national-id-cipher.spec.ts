import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { loadConfig } from './load-config';
import {
  decryptNationalId,
  encryptNationalId,
  hashNationalId,
  isSealedNationalId,
  NationalIdCipher,
  NationalIdCipherError,
  useNationalIdKeys,
} from './national-id-cipher';

const NUMBER = '022090001234';
const key = (id: string) => ({ id, key: randomBytes(32) });
const hashKey = randomBytes(32);

describe('NationalIdCipher', () => {
  const [first, second] = [key('k1'), key('k2')];
  const cipher = new NationalIdCipher({ encryption: [first], hashKey });

  it('stores a versioned, key-named value that hides the number and differs every time', () => {
    const sealed = cipher.encrypt(NUMBER);
    expect(sealed).toMatch(/^v1:k1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain(NUMBER);
    expect(Buffer.from(sealed.split(':')[2], 'base64').toString('latin1')).not.toContain(NUMBER);
    expect(cipher.encrypt(NUMBER)).not.toBe(sealed);
    expect(cipher.decrypt(sealed)).toBe(NUMBER);
  });

  it('refuses a value with any byte changed, a swapped key id, or a wrong format', () => {
    const sealed = cipher.encrypt(NUMBER);
    const bytes = Buffer.from(sealed.split(':')[2], 'base64');
    for (let index = 0; index < bytes.length; index++) {
      const tampered = Buffer.from(bytes);
      tampered[index] ^= 0x01;
      expect(() => cipher.decrypt(`v1:k1:${tampered.toString('base64')}`), `byte ${index}`).toThrow(
        NationalIdCipherError,
      );
    }
    const both = new NationalIdCipher({ encryption: [first, { id: 'k2', key: first.key }], hashKey });
    expect(() => both.decrypt(sealed.replace('v1:k1:', 'v1:k2:'))).toThrow(/failed authentication/);
    expect(() => cipher.decrypt(sealed.replace('v1:', 'v2:'))).toThrow(/unreadable/);
    expect(() => cipher.decrypt('v1:k1:AAAA')).toThrow(/truncated/);
    expect(() => cipher.decrypt(sealed.replace('v1:k1:', 'v1:gone:'))).toThrow(/unknown key gone/);
  });

  it('rotates: the new first key encrypts, the old one still decrypts, a dropped one does not', () => {
    const old = cipher.encrypt(NUMBER);
    const rotated = new NationalIdCipher({ encryption: [second, first], hashKey });
    expect(rotated.decrypt(old)).toBe(NUMBER);
    const fresh = rotated.encrypt(NUMBER);
    expect(fresh).toMatch(/^v1:k2:/);
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(rotated.isCurrent(old)).toBe(false);
    expect(() => cipher.decrypt(fresh)).toThrow(/unknown key k2/);
    expect(() => new NationalIdCipher({ encryption: [second], hashKey }).decrypt(old)).toThrow(
      NationalIdCipherError,
    );
  });

  it('hashes equal numbers equally, with the hash key and not the encryption keys', () => {
    const rotated = new NationalIdCipher({ encryption: [second, first], hashKey });
    expect(cipher.hash(NUMBER)).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.hash(NUMBER)).toBe(cipher.hash(NUMBER));
    expect(cipher.hash('022090001235')).not.toBe(cipher.hash(NUMBER));
    expect(new NationalIdCipher({ encryption: [first], hashKey: randomBytes(32) }).hash(NUMBER)).not.toBe(
      cipher.hash(NUMBER),
    );
  });
});

describe('national ID keys from the environment', () => {
  const keys = `2027:${randomBytes(32).toString('base64')}, 2026:${randomBytes(32).toString('base64')}`;

  it('reads id:key pairs, the first one encrypting, and the hash key', () => {
    const config = loadConfig({ NATIONAL_ID_KEYS: keys, NATIONAL_ID_HASH_KEY: 'h'.repeat(32) });
    expect(config.nationalIdKeys.encryption.map((entry) => entry.id)).toEqual(['2027', '2026']);
    expect(config.nationalIdKeys.encryption.every((entry) => entry.key.length === 32)).toBe(true);
    expect(new NationalIdCipher(config.nationalIdKeys).encrypt(NUMBER)).toMatch(/^v1:2027:/);
  });

  it('uses fixed development keys outside production, the same at every start', () => {
    const [a, b] = [loadConfig({}), loadConfig({ NODE_ENV: 'test' })];
    expect(a.nationalIdKeys).toEqual(b.nationalIdKeys);
    expect(
      new NationalIdCipher(b.nationalIdKeys).decrypt(new NationalIdCipher(a.nationalIdKeys).encrypt(NUMBER)),
    ).toBe(NUMBER);
  });

  it('refuses malformed keys, a repeated key id, and a production start without keys', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as { problems: string[] }).problems;
      }
    };
    expect(problems({ NATIONAL_ID_KEYS: 'k1:short' })).toEqual([
      'NATIONAL_ID_KEYS must be comma-separated id:key pairs, each key 32 bytes in base64',
    ]);
    expect(problems({ NATIONAL_ID_HASH_KEY: 'short' })).toEqual([
      'NATIONAL_ID_HASH_KEY must be at least 32 characters',
    ]);
    const pair = `k1:${randomBytes(32).toString('base64')}`;
    expect(problems({ NATIONAL_ID_KEYS: `${pair},${pair}` })).toEqual([
      'NATIONAL_ID_KEYS names key k1 twice',
    ]);
    expect(problems({ NODE_ENV: 'production' })).toEqual(
      expect.arrayContaining([
        'NATIONAL_ID_KEYS is required when NODE_ENV=production',
        'NATIONAL_ID_HASH_KEY is required when NODE_ENV=production',
      ]),
    );
  });
});

describe('the configured cipher used by the entity mapping and by code writing SQL itself', () => {
  it('seals, hashes and reads back; values stored before encryption are read as they are', () => {
    useNationalIdKeys({ encryption: [key('k1')], hashKey });
    const sealed = encryptNationalId(NUMBER);
    expect(isSealedNationalId(sealed)).toBe(true);
    expect(decryptNationalId(sealed)).toBe(NUMBER);
    expect(decryptNationalId(NUMBER)).toBe(NUMBER);
    expect(decryptNationalId('')).toBe('');
    expect(hashNationalId(NUMBER)).toBe(
      new NationalIdCipher({ encryption: [key('other')], hashKey }).hash(NUMBER),
    );
    expect(() => decryptNationalId(sealed.slice(0, -6))).toThrow(NationalIdCipherError);
  });
});
