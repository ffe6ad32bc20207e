/**
 * The fast reading of an export-log line: a line a machine wrote in the documented order without
 * spaces, read from its bytes four at a time — no JSON.parse, no string.
 *
 *   {"date":"YYYY-MM-DD","item":"<item>"  then
 *     ,"persons":N[,"sensitivePersons":N] | ,"sensitivePersons":N | ,"personKey":"<ASCII>"[,"sensitive":true|false]
 *   then perhaps ,"exemption":"<a code given>"  and }
 *
 * `read` says whether the line is exactly that; anything else — other spacing or order, escapes,
 * non-ASCII keys, other fields, numbers past 15 digits, an impossible date — is false, and the
 * caller reads the line as JSON, which says what is wrong. So what `read` accepts, JSON.parse
 * would read the same. Words are read little-endian (DataView), compared with SWAR tests.
 */
import { isCalendarDay } from './dates.js';

/** The little-endian 32-bit word of four ASCII characters, as DataView.getInt32(…, true) reads them. */
function word(s: string): number {
  return s.charCodeAt(0) | (s.charCodeAt(1) << 8) | (s.charCodeAt(2) << 16) | (s.charCodeAt(3) << 24);
}

// The fixed pieces of a line, as the words that cover them (the last may overlap the one before):
// compared word by word, written out (a loop over a table of words was several times slower).
const OPEN_DATE = [word('{"da'), word('te":')] as const; // {"date":" (the quote byte apart)
const ITEM_FIELD = [word('","i'), word('tem"'), word('m":"')] as const; // ","item":" at 0, 4 and 6
const PE = word(',"pe');
const RSON = word('rson');
const KEY = [word('Key"'), word('y":"')] as const; // ,"personKey":" from 8 and 10
const NS_COLON = word('ns":'); // ,"persons": from 7
const SE = word(',"se');
const SENSITIVE_PERSONS = [word('nsit'), word('iveP'), word('erso'), word('ns":')] as const; // from 4
const SENSITIVE = [word('nsit'), word('ive"')] as const; // ,"sensitive" from 4
const TRUE = word('true');
const FALSE = [word(':fal'), word('alse')] as const; // from 12 and 14
const EXEMPTION = [word(',"ex'), word('empt'), word('ion"'), word('n":"')] as const; // ,"exemption":" at 0, 4, 8, 10

/** Where the item begins: after `{"date":"YYYY-MM-DD","item":"`. */
const ITEM_AT = 29;
const QUOTE = 0x22;
const DASH = 0x2d;
const CLOSE = 0x7d;
const ONES = 0x01010101;
const HIGHS = 0x80808080 | 0;
const QUOTES = 0x22222222;
const BACKSLASHES = 0x5c5c5c5c;
/** The longest person key read (as the JSON reading bounds it too). */
const MAX_KEY = 256;

/** Bytes of `w` that are zero, marked by their high bit (exact up to the first zero byte). */
function zeroBytes(w: number): number {
  return (w - ONES) & ~w & HIGHS;
}

/** The byte number (0–3, little-endian) of the lowest marked byte of `marks` (not 0). */
function firstMarked(marks: number): number {
  return (31 - Math.clz32(marks & -marks)) >>> 3;
}

/** 1000·a + 100·b + 10·c + d of the four ASCII digits of `w`, or -1 when one is not a digit. */
function fourDigits(w: number): number {
  if ((w & 0xf0f0f0f0) !== 0x30303030 || ((w + 0x06060606) & 0xf0f0f0f0) !== 0x30303030) return -1;
  return (w & 0xf) * 1000 + ((w >>> 8) & 0xf) * 100 + ((w >>> 16) & 0xf) * 10 + ((w >>> 24) & 0xf);
}

/** The two-digit number at `p`, or -1. */
function twoDigits(buf: Uint8Array, p: number): number {
  const a = buf[p]! - 0x30;
  const b = buf[p + 1]! - 0x30;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** One step of scanItem's hash: a word of the item mixed in. */
function mixWord(h: number, w: number): number {
  h = Math.imul(h ^ w, 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * Hashes the item at `from`, four bytes at a time up to its closing quote (which must come before
 * `end`, four-byte reads included): returns the quote's position, or -1; the hash in `hash`.
 * The same bytes always give the same hash, whatever follows the quote.
 */
export function scanItem(view: DataView, from: number, end: number, out: { hash: number }): number {
  let h = 0x811c9dc5;
  for (let q = from; q + 4 <= end; q += 4) {
    const w = view.getInt32(q, true);
    const quotes = zeroBytes(w ^ QUOTES);
    if (quotes !== 0) {
      const k = firstMarked(quotes);
      out.hash = mixWord(h, k === 0 ? 0 : w & ((1 << (8 * k)) - 1)) ^ (q - from + k);
      return q + k;
    }
    h = mixWord(h, w);
  }
  return -1;
}

/** What `read` found in a line it accepted. */
export class LogLine {
  /** YYYYMMDD, and the year alone. */
  day = 0;
  year = 0;
  /** The item: bytes [itemFrom, itemTo), and the hash `scanItem` gives them. */
  itemFrom = 0;
  itemTo = 0;
  hash = 0;
  persons = 0;
  sensitivePersons = 0;
  /** The person key: bytes [keyFrom, keyTo); keyFrom -1 when the line gives counts. */
  keyFrom = -1;
  keyTo = -1;
  sensitive = false;
  exempt = false;
  /** The exemptions `read` accepts, as bytes (a code that is not plain ASCII is left to JSON). */
  private readonly codes: readonly Uint8Array[];

  constructor(exemptions: Iterable<string>) {
    this.codes = [...exemptions].filter((c) => /^[\x20-\x7e]+$/.test(c) && !/["\\]/.test(c)).map((c) => Uint8Array.from(c, (ch) => ch.charCodeAt(0)));
  }

  /**
   * Reads the line at `from` (`view` over the same bytes as `buf`) when it is in the documented
   * form and its closing brace comes before `end`: the position after the brace, or -1. It may
   * look at bytes past `end` (never past the buffer) but accepts none. Every byte it accepts is
   * printable ASCII but the item's, which the caller checks (a known item, or ITEM): so a line
   * break never lies inside what it reads once the item is accepted.
   */
  read(buf: Uint8Array, view: DataView, from: number, end: number): number {
    if (end - from < ITEM_AT + 15) return -1;
    if (view.getInt32(from, true) !== OPEN_DATE[0] || view.getInt32(from + 4, true) !== OPEN_DATE[1] || buf[from + 8] !== QUOTE) return -1;
    const y = fourDigits(view.getInt32(from + 9, true));
    const m = twoDigits(buf, from + 14);
    const d = twoDigits(buf, from + 17);
    if (y < 0 || m < 0 || d < 0 || buf[from + 13] !== DASH || buf[from + 16] !== DASH) return -1;
    if (view.getInt32(from + 19, true) !== ITEM_FIELD[0] || view.getInt32(from + 23, true) !== ITEM_FIELD[1] || view.getInt32(from + 25, true) !== ITEM_FIELD[2] || !isCalendarDay(y, m, d)) return -1;
    this.year = y;
    this.day = y * 10_000 + m * 100 + d;
    const itemTo = scanItem(view, from + ITEM_AT, end, this);
    if (itemTo < 0) return -1;
    this.itemFrom = from + ITEM_AT;
    this.itemTo = itemTo;
    this.persons = 0;
    this.sensitivePersons = 0;
    this.keyFrom = -1;
    this.sensitive = false;
    this.exempt = false;
    // What follows the item's quote: at least `,"persons":0}` (13 bytes) when the line is one to read.
    let p = itemTo + 1;
    if (p + 13 > end) return -1;
    const head = view.getInt32(p, true);
    if (head === PE && view.getInt32(p + 4, true) === RSON) {
      if (p + 14 <= end && view.getInt32(p + 8, true) === KEY[0] && view.getInt32(p + 10, true) === KEY[1]) {
        p = this.key(buf, view, p + 14, end);
        if (p < 0) return -1;
        p = this.sensitiveFlag(view, p, end);
      } else {
        if (view.getInt32(p + 7, true) !== NS_COLON) return -1;
        p = this.number(buf, p + 11, end);
        if (p < 0) return -1;
        this.persons = this.value;
        p = this.sensitivePersonsField(buf, view, p, end);
      }
    } else {
      const at = p;
      p = this.sensitivePersonsField(buf, view, p, end);
      if (p === at) return -1;
    }
    if (p < 0) return -1;
    if (p + 14 <= end && view.getInt32(p, true) === EXEMPTION[0]) {
      if (view.getInt32(p + 4, true) !== EXEMPTION[1] || view.getInt32(p + 8, true) !== EXEMPTION[2] || view.getInt32(p + 10, true) !== EXEMPTION[3]) return -1;
      p = this.exemption(buf, p + 14, end);
      if (p < 0) return -1;
      this.exempt = true;
    }
    return p < end && buf[p] === CLOSE ? p + 1 : -1;
  }

  /** After a count: `,"sensitivePersons":N` if there, into sensitivePersons; the position after it (`p` when absent), or -1. */
  private sensitivePersonsField(buf: Uint8Array, view: DataView, p: number, end: number): number {
    if (p + 20 > end || view.getInt32(p, true) !== SE || view.getInt32(p + 4, true) !== SENSITIVE_PERSONS[0]) return p;
    if (view.getInt32(p + 8, true) !== SENSITIVE_PERSONS[1] || view.getInt32(p + 12, true) !== SENSITIVE_PERSONS[2] || view.getInt32(p + 16, true) !== SENSITIVE_PERSONS[3]) return -1;
    p = this.number(buf, p + 20, end);
    if (p >= 0) this.sensitivePersons = this.value;
    return p;
  }

  /** After a key: `,"sensitive":true|false` if there, into sensitive; the position after it (`p` when absent). */
  private sensitiveFlag(view: DataView, p: number, end: number): number {
    if (p + 17 > end || view.getInt32(p, true) !== SE || view.getInt32(p + 4, true) !== SENSITIVE[0] || view.getInt32(p + 8, true) !== SENSITIVE[1]) return p;
    if (view.getInt32(p + 13, true) === TRUE && (view.getInt32(p + 12, true) & 0xff) === 0x3a) {
      this.sensitive = true;
      return p + 17;
    }
    if (p + 18 <= end && view.getInt32(p + 12, true) === FALSE[0] && view.getInt32(p + 14, true) === FALSE[1]) return p + 18;
    return p;
  }

  /** The key at `p`: printable ASCII but `"` and `\`, 1–MAX_KEY bytes, then a quote; the position after the quote, or -1. */
  private key(buf: Uint8Array, view: DataView, p: number, end: number): number {
    const from = p;
    // Words may run past the line's end (not the buffer's): a quote found there is refused, and a
    // line break before it is a bad byte.
    for (; p + 4 <= view.byteLength; p += 4) {
      const w = view.getInt32(p, true);
      const quotes = zeroBytes(w ^ QUOTES);
      // Before the quote (or in the whole word): no control byte, DEL, non-ASCII or backslash.
      const upto = quotes === 0 ? -1 : (1 << (8 * firstMarked(quotes))) - 1;
      const bad = ((w - 0x20202020) | (w + 0x01010101) | w) & HIGHS & upto;
      if (bad !== 0 || (zeroBytes(w ^ BACKSLASHES) & upto) !== 0) return this.keyBytes(buf, from, end);
      if (quotes !== 0) {
        const to = p + firstMarked(quotes);
        if (to >= end || to === from || to - from > MAX_KEY) return -1;
        this.keyFrom = from;
        this.keyTo = to;
        return to + 1;
      }
    }
    return this.keyBytes(buf, from, end);
  }

  /** `key` a byte at a time, for what the word test cannot settle (a bad byte, the line's last bytes). */
  private keyBytes(buf: Uint8Array, from: number, end: number): number {
    let p = from;
    while (p < end && buf[p] !== QUOTE) {
      const c = buf[p]!;
      if (c < 0x20 || c > 0x7e || c === 0x5c) return -1;
      p++;
    }
    if (p >= end || p === from || p - from > MAX_KEY) return -1;
    this.keyFrom = from;
    this.keyTo = p;
    return p + 1;
  }

  /** One of the exemption codes at `p`, then a quote: the position after it, or -1. */
  private exemption(buf: Uint8Array, p: number, end: number): number {
    for (const code of this.codes) {
      if (p + code.length >= end || buf[p + code.length] !== QUOTE) continue;
      let i = 0;
      while (i < code.length && buf[p + i] === code[i]) i++;
      if (i === code.length) return p + code.length + 1;
    }
    return -1;
  }

  private value = 0;
  /** A JSON non-negative integer (no leading zero, at most 15 digits) at `p` into `value`: the position after it, or -1. */
  private number(buf: Uint8Array, p: number, end: number): number {
    let v = 0;
    let q = p;
    while (q < end && q - p < 16) {
      const c = buf[q]! - 0x30;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
      q++;
    }
    if (q === p || q - p > 15 || (buf[p] === 0x30 && q - p > 1)) return -1;
    this.value = v;
    return q;
  }
}

/**
 * Values (a log's parts) by item, found from the item's bytes in a line — by `scanItem`'s hash,
 * then the bytes compared four at a time — without making a string. At most `limit` items: a log
 * names few, and the rest are the caller's to find by string.
 */
export class KnownItems<T> {
  private readonly slots: Int32Array;
  /** Per item: its length, its bytes as words (the last masked to the length), its value. */
  private readonly lengths: number[] = [];
  private readonly words: Int32Array[] = [];
  private readonly lastMasks: number[] = [];
  private readonly values: T[] = [];

  constructor(private readonly limit: number) {
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(limit * 4)));
  }

  /** Remembers `item` (ASCII) with `value`, unless the table is full. */
  add(item: string, value: T): void {
    if (this.values.length >= this.limit) return;
    // The item followed by a quote, as a line has it, padded so the words can be read.
    const bytes = Uint8Array.from(`${item}"   `, (c) => c.charCodeAt(0));
    const view = new DataView(bytes.buffer);
    const hashed = { hash: 0 };
    scanItem(view, 0, bytes.length, hashed);
    const n = item.length;
    const words = new Int32Array(Math.ceil(n / 4));
    for (let k = 0; k < words.length; k++) words[k] = view.getInt32(4 * k, true);
    const lastMask = n % 4 === 0 ? -1 : (1 << (8 * (n % 4))) - 1;
    if (words.length > 0) words[words.length - 1]! &= lastMask;
    const mask = this.slots.length - 1;
    let slot = hashed.hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.lengths.push(n);
    this.words.push(words);
    this.lastMasks.push(lastMask);
    this.values.push(value);
    this.slots[slot] = this.values.length;
  }

  /** The value of the item `[from, to)` of the bytes under `view`, `hash` its scanItem hash; undefined when not known. */
  find(view: DataView, from: number, to: number, hash: number): T | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const k = this.slots[slot]! - 1;
      if (k < 0) return undefined;
      if (this.lengths[k] === to - from && this.sameWords(view, from, k)) return this.values[k];
    }
  }

  private sameWords(view: DataView, from: number, k: number): boolean {
    const words = this.words[k]!;
    const last = words.length - 1;
    for (let i = 0; i < last; i++) if (view.getInt32(from + 4 * i, true) !== words[i]) return false;
    // The last word is read whole: the quote after the item (and what follows it) are in the line.
    return last < 0 || (view.getInt32(from + 4 * last, true) & this.lastMasks[k]!) === words[last];
  }
}
