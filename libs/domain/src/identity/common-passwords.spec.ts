import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';

describe('COMMON_PASSWORDS', () => {
  it('holds at least the 1,000 most common passwords', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(1_000);
  });

  it('holds lower-case entries without whitespace', () => {
    for (const entry of COMMON_PASSWORDS) {
      expect(entry).toBe(entry.toLowerCase());
      expect(entry).not.toMatch(/\s/);
    }
  });

  it.each([
    '123456',
    'password',
    'qwerty',
    'iloveyou',
    'passw0rd',
    '1q2w3e4r5t',
    'matkhau',
    'matkhau123',
    'anhyeuem',
    'vietnam',
    '123456789',
    '12345678910',
    'abc@123',
  ])('contains %j', (entry) => {
    expect(COMMON_PASSWORDS.has(entry)).toBe(true);
  });
});
