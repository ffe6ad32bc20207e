/**
 * A set of natural persons, each kept as a 64-bit hash of (part, measure, person key) in an
 * open-addressing table of two Uint32Arrays: 8 bytes a slot, at most half full, so 16–32 bytes
 * per distinct person (48 while the table doubles) — against about 100 for a string in a Set —
 * and no object per person for the collector to walk. The two halves of a hash sit side by side,
 * so a probe costs one cache miss, not two. Two different keys share a hash with
 * probability about n²/2⁶⁵ (3·10⁻⁶ for ten million persons): the count is then one short.
 */
export class PersonSet {
  /** Slot i: [2i] the low half, [2i + 1] the high half (never 0 in a used slot). */
  private table: Uint32Array;
  private mask: number;
  private count = 0;

  /** `limit`: the most distinct persons it holds; `add` throws PersonLimitError beyond it. */
  constructor(private readonly limit: number, capacity = 1 << 16) {
    this.table = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the person `key` of `slot` (a part and measure); true when it was not there yet. */
  add(slot: number, key: string): boolean {
    // Two 32-bit hashes in one pass (FNV-1a and a multiplicative mix), each finalised (murmur3 fmix32).
    let a = seedA(slot);
    let b = seedB(slot);
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    return this.insert(fmix(a ^ key.length), fmix(b ^ key.length) || 1);
  }

  /**
   * `add` for a key given as ASCII bytes `bytes[from, to)`: the same hash as the same key as a
   * string, without making the string (the log's lines are bytes).
   */
  addAscii(slot: number, bytes: Uint8Array, from: number, to: number): boolean {
    let a = seedA(slot);
    let b = seedB(slot);
    for (let i = from; i < to; i++) {
      const c = bytes[i]!;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    return this.insert(fmix(a ^ (to - from)), fmix(b ^ (to - from)) || 1); // (0, 0) marks an empty slot
  }

  private insert(a: number, b: number): boolean {
    const t = this.table;
    let i = a & this.mask;
    for (;;) {
      const h = t[2 * i + 1]!;
      if (h === 0) break;
      if (h === b && t[2 * i] === a) return false;
      i = (i + 1) & this.mask;
    }
    if (this.count >= this.limit) throw new PersonLimitError(this.limit);
    t[2 * i] = a;
    t[2 * i + 1] = b;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.table;
    const t = (this.table = new Uint32Array(old.length * 2));
    this.mask = t.length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j + 1] === 0) continue;
      let i = old[j]! & this.mask;
      while (t[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      t[2 * i] = old[j]!;
      t[2 * i + 1] = old[j + 1]!;
    }
  }
}

/** More distinct persons than the set may hold: its memory is bounded by the limit. */
export class PersonLimitError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} distinct persons: raise the limit (16–48 bytes each)`);
    this.name = 'PersonLimitError';
  }
}

function seedA(slot: number): number {
  return (0x811c9dc5 ^ Math.imul(slot + 1, 0x9e3779b1)) >>> 0;
}

function seedB(slot: number): number {
  return (0x1b873593 ^ Math.imul(slot + 1, 0x85ebca6b)) >>> 0;
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
