/**
 * A set of natural persons, each kept as a 64-bit hash of (slot, person key) — a slot is a part
 * and a measure — in an open-addressing table of one Uint32Array: 8 bytes a slot, at most half
 * full, so 16–32 bytes per distinct person (48 while the table doubles) — against about 100 for a
 * string in a Set — and no object per person for the collector to walk. The two halves of a hash
 * sit side by side, so a probe costs one cache miss, not two. Two different keys share a hash
 * with probability about n²/2⁶⁵ (3·10⁻⁶ for ten million persons): the count is then one short.
 *
 * Millions of persons make a table far larger than the caches, so nearly every look-up misses
 * (~100 ns each, one after the other). `defer` therefore queues the hashes of a batch and looks
 * them up together: first a pass that only reads each one's slot — independent loads the CPU
 * overlaps — then the inserts, which find their slots cached. The counts per slot are the same
 * whatever the order, and the set defers only while the batch cannot reach `limit`, so
 * PersonLimitError is thrown at the same person as without batching.
 */
export class PersonSet {
  /** Slot i: [2i] the low half, [2i + 1] the high half (never 0 in a used slot). */
  private table: Uint32Array;
  private mask: number;
  private count = 0;
  /** The distinct persons of each slot. */
  private perSlot: Float64Array = new Float64Array(16);
  /** The batch of `defer`: hashes and slots, looked up by `flush`. */
  private readonly queuedA = new Uint32Array(BATCH);
  private readonly queuedB = new Uint32Array(BATCH);
  private readonly queuedSlot = new Uint32Array(BATCH);
  private queued = 0;
  /** What the reads of `flush`'s first pass saw: kept, so that pass is not optimised away. */
  private touched = 0;

  /** `limit`: the most distinct persons it holds; an add throws PersonLimitError beyond it. */
  constructor(private readonly limit: number, capacity = 1 << 16) {
    this.table = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  /** Distinct persons, all slots (after `flush`). */
  get size(): number {
    return this.count;
  }

  /** Distinct persons of `slot` (after `flush`). */
  countOf(slot: number): number {
    return slot < this.perSlot.length ? this.perSlot[slot]! : 0;
  }

  /** Adds the person `key` of `slot` now; true when it was not there yet. */
  add(slot: number, key: string): boolean {
    this.flush();
    let a = seedA(slot);
    let b = seedB(slot);
    const n = key.length;
    if (ASCII.test(key)) {
      // Four characters a word, as `defer` reads the same key's bytes.
      let i = 0;
      for (; i + 4 <= n; i += 4) {
        const w = key.charCodeAt(i) | (key.charCodeAt(i + 1) << 8) | (key.charCodeAt(i + 2) << 16) | (key.charCodeAt(i + 3) << 24);
        a = stepA(a, w);
        b = stepB(b, w);
      }
      if (i < n) {
        let w = 0;
        for (let shift = 0; i < n; i++, shift += 8) w |= key.charCodeAt(i) << shift;
        a = stepA(a, w);
        b = stepB(b, w);
      }
    } else {
      // A UTF-16 unit a step (no byte key is such a string).
      a = ~a;
      for (let i = 0; i < n; i++) {
        a = stepA(a, key.charCodeAt(i));
        b = stepB(b, key.charCodeAt(i));
      }
    }
    return this.insert(fmix(a ^ n), fmix(b ^ n) || 1, slot); // (0, 0) marks an empty slot
  }

  /**
   * Adds the person whose key is the ASCII bytes `[from, to)` under `view` — the same person as
   * that key as a string, hashed four bytes at a time without making the string — at the latest
   * by the next `flush`.
   */
  defer(slot: number, view: DataView, from: number, to: number): void {
    let a = seedA(slot);
    let b = seedB(slot);
    let i = from;
    for (; i + 4 <= to; i += 4) {
      const w = view.getInt32(i, true);
      a = stepA(a, w);
      b = stepB(b, w);
    }
    if (i < to) {
      let w = 0;
      for (let shift = 0; i < to; i++, shift += 8) w |= view.getUint8(i) << shift;
      a = stepA(a, w);
      b = stepB(b, w);
    }
    a = fmix(a ^ (to - from));
    b = fmix(b ^ (to - from)) || 1;
    if (this.count + this.queued + 1 >= this.limit) {
      // Near the limit, in order and at once: the error falls on the person that exceeds it.
      this.flush();
      this.insert(a, b, slot);
      return;
    }
    const k = this.queued++;
    this.queuedA[k] = a;
    this.queuedB[k] = b;
    this.queuedSlot[k] = slot;
    if (this.queued === BATCH) this.flush();
  }

  /** Looks up the deferred persons. */
  flush(): void {
    const n = this.queued;
    if (n === 0) return;
    this.queued = 0;
    const t = this.table;
    const mask = this.mask;
    const qa = this.queuedA;
    let seen = 0;
    for (let k = 0; k < n; k++) seen ^= t[((qa[k]! & mask) << 1) + 1]!;
    this.touched ^= seen;
    for (let k = 0; k < n; k++) this.insert(qa[k]!, this.queuedB[k]!, this.queuedSlot[k]!);
  }

  private insert(a: number, b: number, slot: number): boolean {
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
    if (slot >= this.perSlot.length) this.perSlot = grown(this.perSlot, slot);
    this.perSlot[slot]!++;
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

/** Persons deferred before they are looked up together: enough misses to overlap, few enough to stay cached. */
const BATCH = 64;

function grown(counts: Float64Array, slot: number): Float64Array {
  let n = counts.length;
  while (n <= slot) n *= 2;
  const bigger = new Float64Array(n);
  bigger.set(counts);
  return bigger;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The two halves of the key's hash take in a word (an FNV-1a step and a multiplicative mix). */
function stepA(a: number, w: number): number {
  a = Math.imul(a ^ w, 0x01000193);
  return a ^ (a >>> 15);
}

function stepB(b: number, w: number): number {
  b = Math.imul(b ^ w, 0x5bd1e995);
  return b ^ (b >>> 13);
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
