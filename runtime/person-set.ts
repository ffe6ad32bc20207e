/**
 * A set of natural persons, each kept as a 64-bit hash of (part, measure, person key) in an
 * open-addressing table of two Uint32Arrays: 8 bytes a slot, at most half full, so 16–32 bytes
 * per distinct person (48 while the table doubles) — against about 100 for a string in a Set —
 * and no object per person for the collector to walk. Two different keys share a hash with
 * probability about n²/2⁶⁵ (3·10⁻⁶ for ten million persons): the count is then one short.
 */
export class PersonSet {
  private lo: Uint32Array;
  private hi: Uint32Array;
  private mask: number;
  private count = 0;

  /** `limit`: the most distinct persons it holds; `add` throws PersonLimitError beyond it. */
  constructor(private readonly limit: number, capacity = 1 << 16) {
    this.lo = new Uint32Array(capacity);
    this.hi = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the person `key` of `slot` (a part and measure); true when it was not there yet. */
  add(slot: number, key: string): boolean {
    // Two 32-bit hashes in one pass (FNV-1a and a multiplicative mix), each finalised (murmur3 fmix32).
    let a = (0x811c9dc5 ^ Math.imul(slot + 1, 0x9e3779b1)) >>> 0;
    let b = (0x1b873593 ^ Math.imul(slot + 1, 0x85ebca6b)) >>> 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 13;
    }
    a = fmix(a ^ key.length);
    b = fmix(b ^ key.length) || 1; // (0, 0) marks an empty slot
    let i = a & this.mask;
    for (;;) {
      const h = this.hi[i]!;
      if (h === 0) break;
      if (h === b && this.lo[i] === a) return false;
      i = (i + 1) & this.mask;
    }
    if (this.count >= this.limit) throw new PersonLimitError(this.limit);
    this.hi[i] = b;
    this.lo[i] = a;
    if (++this.count * 2 > this.lo.length) this.grow();
    return true;
  }

  private grow(): void {
    const lo = this.lo;
    const hi = this.hi;
    this.lo = new Uint32Array(lo.length * 2);
    this.hi = new Uint32Array(hi.length * 2);
    this.mask = this.lo.length - 1;
    for (let j = 0; j < lo.length; j++) {
      if (hi[j] === 0) continue;
      let i = lo[j]! & this.mask;
      while (this.hi[i] !== 0) i = (i + 1) & this.mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
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

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
