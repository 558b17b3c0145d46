import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { loadConfig, NationalIdCipher } from '@onegate/config';

import { sealingCipherFromEnvironment } from '../../../../migrations/1764100070000-sealing-cipher';

const NUMBER = '022090001234';
const FORM = JSON.stringify({ fullName: 'Nguyễn Văn A', nationalId: NUMBER, phone: '0912345678' });
const keyPair = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/** The migrations' frozen copy of the sealing code and today's runtime cipher, from the same variables. */
function bothCiphers(env: NodeJS.ProcessEnv) {
  return {
    frozen: sealingCipherFromEnvironment(env),
    runtime: new NationalIdCipher(loadConfig(env).nationalIdKeys),
  };
}

describe('the sealing code frozen in migrations/ and the runtime cipher', () => {
  const configured = {
    NATIONAL_ID_KEYS: `${keyPair('k2027')}, ${keyPair('k2026')}`,
    NATIONAL_ID_HASH_KEY: 'h'.repeat(40),
  };

  for (const [name, env] of [
    ['NATIONAL_ID_KEYS and NATIONAL_ID_HASH_KEY', configured],
    ['the development keys', {}],
  ] as const) {
    describe(`with ${name}`, () => {
      const { frozen, runtime } = bothCiphers(env);

      it('open what the other sealed, with the same first key', () => {
        for (const plain of [NUMBER, FORM, '']) {
          const byMigration = frozen.seal(plain);
          const byRuntime = runtime.encrypt(plain);
          expect(runtime.decrypt(byMigration)).toBe(plain);
          expect(frozen.open(byRuntime)).toBe(plain);
          expect(byMigration.split(':').slice(0, 2)).toEqual(byRuntime.split(':').slice(0, 2));
          expect(frozen.isCurrent(byRuntime)).toBe(true);
          expect(runtime.isCurrent(byMigration)).toBe(true);
        }
        expect(frozen.currentKeyId).toBe(runtime.currentKeyId);
      });

      it('compute the same lookup hash', () => {
        expect(frozen.hash(NUMBER)).toBe(runtime.hash(NUMBER));
      });

      it('leave a value written before encryption as it is', () => {
        expect(frozen.open(NUMBER)).toBe(NUMBER);
        expect(frozen.open(FORM)).toBe(FORM);
      });
    });
  }

  it('open values sealed with an older key still listed in NATIONAL_ID_KEYS, as the runtime does', () => {
    const older = keyPair('k2026');
    const sealedBefore = bothCiphers({ NATIONAL_ID_KEYS: older }).runtime.encrypt(NUMBER);
    const { frozen } = bothCiphers({ NATIONAL_ID_KEYS: `${keyPair('k2027')},${older}` });
    expect(frozen.open(sealedBefore)).toBe(NUMBER);
    expect(frozen.isCurrent(sealedBefore)).toBe(false);
  });
});
