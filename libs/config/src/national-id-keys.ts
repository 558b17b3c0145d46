import { createHash } from 'node:crypto';

import type { NationalIdKeys } from './national-id-cipher';

/** `id:base64key` pairs, comma-separated; each key is 32 random bytes (`openssl rand -base64 32`). */
export const NATIONAL_ID_KEYS_PATTERN =
  /^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*)*$/;

/**
 * Fixed keys for development and tests only, so data survives restarts without any setup. Production
 * refuses to start without its own keys (see Environment).
 */
const developmentKey = (purpose: string) =>
  createHash('sha256').update(`OneGate development ${purpose}`).digest();
export const DEVELOPMENT_NATIONAL_ID_KEY_ID = 'dev';

/** The keys from NATIONAL_ID_KEYS and NATIONAL_ID_HASH_KEY (already validated), or the development ones. */
export function nationalIdKeysFrom(
  encryptionKeys: string | undefined,
  hashKey: string | undefined,
): NationalIdKeys {
  const encryption = encryptionKeys
    ? encryptionKeys.split(',').map((pair) => {
        const [id, key] = pair.trim().split(':');
        return { id, key: Buffer.from(key, 'base64') };
      })
    : [{ id: DEVELOPMENT_NATIONAL_ID_KEY_ID, key: developmentKey('national ID encryption key') }];
  return {
    encryption,
    hashKey: hashKey ? Buffer.from(hashKey, 'utf8') : developmentKey('national ID hash key'),
  };
}

/** Key ids named twice would make stored values ambiguous. */
export function duplicateKeyIds(keys: NationalIdKeys): string[] {
  const ids = keys.encryption.map((key) => key.id);
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}
