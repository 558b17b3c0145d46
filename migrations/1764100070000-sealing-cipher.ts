import { createCipheriv, createDecipheriv, createHash, createHmac, randomFillSync } from 'node:crypto';

/*
 * Frozen with EncryptNationalIds1764100070000 and used by the data migrations that seal values after it
 * (EncryptFormData1764100100000, SealPersonalText1764200013000): the sealing format (AES-256-GCM,
 * `v1:<key id>:<base64 of IV, ciphertext, tag>`, the version and key id authenticated), the HMAC-SHA256
 * lookup hash and the keys read from NATIONAL_ID_KEYS and NATIONAL_ID_HASH_KEY, exactly as they were
 * when these migrations were written. A migration replays history, so this file never follows later
 * changes to the runtime cipher (libs/config); a new sealing format gets a migration and a file of its own.
 */

interface SealingKey {
  readonly id: string;
  readonly key: Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const SEALED = /^v\d+:/;
const IVS_PER_DRAW = 1024;
const DEVELOPMENT_KEY_ID = 'dev';

const developmentKey = (purpose: string) =>
  createHash('sha256').update(`OneGate development ${purpose}`).digest();

class RandomIvs {
  private readonly pool = Buffer.alloc(IV_BYTES * IVS_PER_DRAW);
  private next = this.pool.length;

  public take(): Buffer {
    if (this.next === this.pool.length) {
      randomFillSync(this.pool);
      this.next = 0;
    }
    const iv = Buffer.from(this.pool.subarray(this.next, this.next + IV_BYTES));
    this.next += IV_BYTES;
    return iv;
  }
}

const header = (keyId: string) => `${VERSION}:${keyId}`;

export class SealingCipher {
  private readonly keysById: ReadonlyMap<string, Buffer>;
  private readonly ivs = new RandomIvs();

  public constructor(
    private readonly encryption: readonly SealingKey[],
    private readonly hashKey: Buffer,
  ) {
    if (encryption.length === 0) throw new Error('no national ID encryption key');
    for (const { id, key } of encryption) {
      if (key.length !== KEY_BYTES) throw new Error(`national ID key ${id} is not 32 bytes`);
    }
    this.keysById = new Map(encryption.map(({ id, key }) => [id, key]));
  }

  public get currentKeyId(): string {
    return this.encryption[0].id;
  }

  public seal(plain: string): string {
    const { id, key } = this.encryption[0];
    const iv = this.ivs.take();
    const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(header(id)));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${id}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64')}`;
  }

  /** The text in a stored value; values written before encryption are returned as they are. */
  public open(stored: string): string {
    if (!SEALED.test(stored)) return stored;
    const [version, id, payload, ...rest] = stored.split(':');
    if (version !== VERSION || payload === undefined || rest.length > 0) {
      throw new Error('unreadable encrypted value');
    }
    const key = this.keysById.get(id);
    if (!key) throw new Error(`value sealed with unknown key ${id}`);
    const bytes = Buffer.from(payload, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('truncated encrypted value');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
      .setAAD(Buffer.from(header(id)))
      .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const body = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('encrypted value failed authentication');
    }
  }

  /** Hex HMAC-SHA256 of a national ID number: the lookup hash. */
  public hash(plain: string): string {
    return createHmac('sha256', this.hashKey).update(plain, 'utf8').digest('hex');
  }

  /** Whether `stored` is already sealed with the first key. */
  public isCurrent(stored: string): boolean {
    return stored.startsWith(`${header(this.currentKeyId)}:`);
  }
}

/**
 * The keys of NATIONAL_ID_KEYS (`id:base64key` pairs, comma-separated; the first seals, all open) and
 * NATIONAL_ID_HASH_KEY, or the fixed development keys when they are not set. The configuration has
 * validated both variables before any migration runs.
 */
export function sealingCipherFromEnvironment(env: NodeJS.ProcessEnv = process.env): SealingCipher {
  const encryptionKeys = env.NATIONAL_ID_KEYS;
  const hashKey = env.NATIONAL_ID_HASH_KEY;
  const encryption = encryptionKeys
    ? encryptionKeys.split(',').map((pair) => {
        const [id, key] = pair.trim().split(':');
        return { id, key: Buffer.from(key, 'base64') };
      })
    : [{ id: DEVELOPMENT_KEY_ID, key: developmentKey('national ID encryption key') }];
  return new SealingCipher(
    encryption,
    hashKey ? Buffer.from(hashKey, 'utf8') : developmentKey('national ID hash key'),
  );
}
