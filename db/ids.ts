/**
 * Record ids: UUIDv7 (RFC 9562), time-ordered and, within this process, strictly increasing, as `uuid`'s own
 * `v7()` makes them. The randomness comes from a pool refilled 256 ids at a time: one `randomBytes` call per
 * id costs more here than writing the row it names.
 */
import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

const POOL_IDS = 256;
let pool = Buffer.alloc(0);
let used = 0;
let lastMs = -Infinity;
let seq = 0;

function nextRandom(): Uint8Array {
  if (used >= pool.length) {
    pool = randomBytes(16 * POOL_IDS);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

export function newId(): string {
  const random = nextRandom();
  const now = Date.now();
  if (now > lastMs) {
    // A fresh 31-bit counter each millisecond, as `uuid` seeds it; within one millisecond it counts up.
    seq = (((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!) >>> 0;
    lastMs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMs += 1;
  }
  return v7({ msecs: lastMs, seq, random });
}
