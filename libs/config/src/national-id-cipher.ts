import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';

/**
 * One AES-256 key that encrypts national ID numbers, and the form answers that carry them, named so
 * stored values say which key sealed them.
 */
export interface NationalIdKey {
  readonly id: string;
  readonly key: Buffer;
}

export interface NationalIdKeys {
  /** The first key encrypts; every key listed decrypts (rotation). */
  readonly encryption: readonly NationalIdKey[];
  /** The HMAC-SHA256 key of the lookup hash; a different secret from the encryption keys. */
  readonly hashKey: Buffer;
}

export class NationalIdCipherError extends Error {}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
/** `v1:<key id>:<base64 of IV, ciphertext, tag>`; any other version prefix is refused. */
const SEALED = /^v\d+:/;
/** IVs drawn from the system's random source at once: one call per this many values, not one each. */
const IVS_PER_DRAW = 1024;

/** Fresh random IVs, never handed out twice. */
class RandomIvs {
  private readonly pool = Buffer.alloc(IV_BYTES * IVS_PER_DRAW);
  private next = this.pool.length;

  public take(): Buffer {
    if (this.next === this.pool.length) {
      randomFillSync(this.pool);
      this.next = 0;
    }
    // A copy: the pool is refilled in place later.
    const iv = Buffer.from(this.pool.subarray(this.next, this.next + IV_BYTES));
    this.next += IV_BYTES;
    return iv;
  }
}

/**
 * AES-256-GCM with a random IV per value, so equal numbers never look alike at rest; the version and
 * key id are authenticated too. Lookups use the keyed hash, which is equal for equal numbers.
 */
export class NationalIdCipher {
  private readonly keysById: ReadonlyMap<string, Buffer>;
  private readonly ivs = new RandomIvs();
  private readonly currentHeader: Buffer;

  public constructor(private readonly keys: NationalIdKeys) {
    if (keys.encryption.length === 0) throw new NationalIdCipherError('no national ID encryption key');
    for (const { id, key } of keys.encryption) {
      if (key.length !== KEY_BYTES) throw new NationalIdCipherError(`national ID key ${id} is not 32 bytes`);
    }
    this.keysById = new Map(keys.encryption.map(({ id, key }) => [id, key]));
    this.currentHeader = Buffer.from(header(keys.encryption[0].id));
  }

  public get currentKeyId(): string {
    return this.keys.encryption[0].id;
  }

  public encrypt(plain: string): string {
    const { id, key } = this.keys.encryption[0];
    const iv = this.ivs.take();
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(this.currentHeader);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
  }

  /** The text sealed in `stored`; refuses an unknown key, a wrong format or any altered byte. */
  public decrypt(stored: string): string {
    const [version, id, payload, ...rest] = stored.split(':');
    if (version !== VERSION || payload === undefined || rest.length > 0) {
      throw new NationalIdCipherError('unreadable encrypted value');
    }
    const key = this.keysById.get(id);
    if (!key) throw new NationalIdCipherError(`value sealed with unknown key ${id}`);
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new NationalIdCipherError('truncated encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      .setAAD(Buffer.from(header(id)))
      .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new NationalIdCipherError('encrypted value failed authentication');
    }
  }

  /** Hex HMAC-SHA256: what unique indexes and lookups use instead of the number. */
  public hash(plain: string): string {
    return createHmac('sha256', this.keys.hashKey).update(plain, 'utf8').digest('hex');
  }

  /** Whether `stored` is already sealed with the current key (rotation skips it). */
  public isCurrent(stored: string): boolean {
    return stored.startsWith(`${header(this.currentKeyId)}:`);
  }
}

const header = (keyId: string) => `${VERSION}:${keyId}`;

/** Whether a stored value is sealed (else it is a value written before encryption, or an empty one). */
export const isSealedNationalId = (stored: string): boolean => SEALED.test(stored);

let active: NationalIdCipher | null = null;

/**
 * Sets the keys every entity mapping and helper below uses. The persistence layer calls it with the
 * validated configuration before any database work.
 */
export function useNationalIdKeys(keys: NationalIdKeys): void {
  active = new NationalIdCipher(keys);
}

export function nationalIdCipher(): NationalIdCipher {
  if (!active) throw new NationalIdCipherError('national ID keys are not configured');
  return active;
}

/** The stored form of a national ID number, for code that writes SQL itself. */
export const encryptNationalId = (plain: string): string => nationalIdCipher().encrypt(plain);

/** The lookup hash of a national ID number, for code that writes SQL itself. */
export const hashNationalId = (plain: string): string => nationalIdCipher().hash(plain);

/** The number in a stored value; values written before encryption are returned as they are. */
export const decryptNationalId = (stored: string): string =>
  isSealedNationalId(stored) ? nationalIdCipher().decrypt(stored) : stored;

/**
 * Other personal text sealed with the same keys and format, such as an application's form answers,
 * which carry national ID numbers of their own.
 */
export const encryptPersonalText = (plain: string): string => nationalIdCipher().encrypt(plain);

/** The text in a stored value; values written before encryption are returned as they are. */
export const decryptPersonalText = decryptNationalId;
