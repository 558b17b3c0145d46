import { randomFillSync } from 'node:crypto';

const POOL_IDS = 512;
const pool = Buffer.alloc(POOL_IDS * 8);
let poolOffset = pool.length;
const id = Buffer.alloc(16);
let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): the time in milliseconds, a sequence within the millisecond, then
 * random bits. Imported rows get ids that grow with time, so a large import appends to the primary-key
 * indexes instead of writing all over them; the ids are still ordinary UUIDs.
 */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMs += 1;
    sequence = 0;
  }
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  pool.copy(id, 8, poolOffset, poolOffset + 8);
  poolOffset += 8;
  id.writeUIntBE(lastMs, 0, 6);
  id[6] = 0x70 | (sequence >> 8);
  id[7] = sequence & 0xff;
  id[8] = 0x80 | (id[8]! & 0x3f);
  const hex = id.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
