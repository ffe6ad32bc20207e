/**
 * A log of actual exports, one JSON object a line, counted as measures Art. 27 counts: the
 * natural persons of each item, de-duplicated, from 1 January of one year; a transfer under
 * national Arts 3, 4 or 5(1) items 1–3 — the baseline's exemptions — is not counted.
 *
 *   {"date":"2027-03-01","item":"icv.owner-pi","persons":120}
 *   {"date":"2027-03-01","item":"icv.owner-pi","personKey":"c8f1…","sensitive":true}
 *   {"date":"2027-03-02","item":"icv.owner-pi","persons":40,"exemption":"art5.1"}
 *
 * `persons`/`sensitivePersons` count the persons of a transfer as they stand (the log's author
 * de-duplicated them, or not: a sum is an upper bound); a line with `personKey` is one person,
 * sensitive when `sensitive` is true, and a key counts once per item and measure however often
 * it recurs. `item` is a list item id or `personalInfo` (personal information outside the items).
 * Other fields are kept by the log's author and ignored here.
 *
 * Streaming: lines are cut from the byte chunks as they arrive and counted at once; memory is the
 * chunk, the items seen, the first `maxProblems` problems and the person keys (PersonSet: 16–48
 * bytes per distinct person and item, at most `maxPersons` of them).
 */
import { dayNumber, isCalendarDay, realDate } from './dates.js';
import { PersonLimitError, PersonSet } from './person-set.js';

/** A bad line: where (1-based line number, a JSON pointer into the line) and a stable code. */
export interface LogProblem {
  readonly line: number;
  readonly pointer: string;
  readonly code: 'not-json' | 'line-invalid' | 'line-too-long' | 'unknown-exemption' | 'too-many-persons';
  readonly message: string;
}

/** What the log says of one item (or `personalInfo`) in the year. */
export interface LoggedPart {
  readonly item: string;
  /** Lines counted. */
  readonly lines: number;
  readonly persons: number;
  readonly sensitivePersons: number;
  /** Lines under an exemption (measures Art. 27), not counted, and their persons (persons or keys). */
  readonly excludedLines: number;
  readonly excludedPersons: number;
  /** The first and last line that exported it, and the last date. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly lastDate: string;
}

export interface ExportLogCount {
  readonly year: number;
  readonly lines: number;
  /** Lines dated in another year: outside the count. */
  readonly otherYear: number;
  readonly invalid: number;
  /** The first `maxProblems` problems (`invalid` counts them all). */
  readonly problems: readonly LogProblem[];
  readonly parts: readonly LoggedPart[];
}

export interface ExportLogOptions {
  /** Year counted (Art. 27: from 1 January). */
  readonly year: number;
  /** Exemption codes not counted: the baseline's (national Arts 3, 4, 5(1)–(3)). */
  readonly exemptions: ReadonlySet<string>;
  readonly maxProblems?: number;
  readonly maxPersons?: number;
  /** The longest line read, in bytes; a longer one is a problem, not a read. */
  readonly maxLineBytes?: number;
}

const ITEM = /^(?:[A-Za-z][A-Za-z0-9_-]*\.[A-Za-z][A-Za-z0-9_-]*|personalInfo)$/;
const DATE = /^(\d{4})-\d{2}-\d{2}$/;
const NEWLINE = 0x0a;
const QUOTE = 0x22;
const DASH = 0x2d;
const BACKSLASH = 0x5c;
const CLOSE = 0x7d;
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
/** How many items are looked up by their bytes before the rest go through a string (a linear scan). */
const KNOWN_ITEMS = 32;
const LIT_DATE = ascii('{"date":"');
const LIT_ITEM = ascii('","item":"');
const LIT_PERSONS = ascii(',"persons":');
const LIT_SENSITIVE_PERSONS = ascii(',"sensitivePersons":');
const LIT_KEY = ascii(',"personKey":"');
const LIT_SENSITIVE_TRUE = ascii(',"sensitive":true}');
const LIT_SENSITIVE_FALSE = ascii(',"sensitive":false}');

function matchAt(buf: Uint8Array, p: number, lit: Uint8Array): boolean {
  if (p + lit.length > buf.length) return false;
  for (let i = 0; i < lit.length; i++) if (buf[p + i] !== lit[i]) return false;
  return true;
}

/** The number written by `n` ASCII digits at `p`, or -1. */
function digits(buf: Uint8Array, p: number, n: number): number {
  let v = 0;
  for (let i = p; i < p + n; i++) {
    const c = buf[i]! - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

let scannedValue = 0;
/** Reads a JSON non-negative integer (no leading zero, at most 15 digits) at `p` into scannedValue; returns the position after it, or -1. */
function number(buf: Uint8Array, p: number, end: number): number {
  let v = 0;
  let q = p;
  while (q < end && q - p < 16) {
    const c = buf[q]! - 0x30;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    q++;
  }
  if (q === p || q - p > 15 || (buf[p] === 0x30 && q - p > 1)) return -1;
  scannedValue = v;
  return q;
}

interface PartState {
  item: string;
  lines: number;
  persons: number;
  sensitivePersons: number;
  excludedLines: number;
  excludedPersons: number;
  firstLine: number;
  lastLine: number;
  /** The last date, as YYYYMMDD (0: none). */
  lastDay: number;
}

/** Counts a log fed as byte chunks (`push`), then `finish`. */
export class ExportLogCounter {
  private readonly parts = new Map<string, { index: number; state: PartState }>();
  /** The items of the first parts as ASCII bytes, beside their parts (see knownPart). */
  private readonly knownItems: Uint8Array[] = [];
  private readonly knownParts: { index: number; state: PartState }[] = [];
  private readonly persons: PersonSet;
  private readonly problems: LogProblem[] = [];
  private readonly maxProblems: number;
  private readonly maxLineBytes: number;
  private carry: Buffer | undefined;
  private carryTooLong = false;
  private line = 0;
  private invalid = 0;
  private otherYear = 0;
  private stopped = false;

  constructor(private readonly options: ExportLogOptions) {
    this.persons = new PersonSet(options.maxPersons ?? 64 * 1024 * 1024);
    this.maxProblems = options.maxProblems ?? 100;
    this.maxLineBytes = options.maxLineBytes ?? 64 * 1024;
  }

  /** Counts the complete lines of `chunk` (with what is left of the previous chunk). */
  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    let nl = buf.indexOf(NEWLINE);
    if (this.carry !== undefined || this.carryTooLong) {
      if (nl < 0) {
        this.keep(buf, 0);
        return;
      }
      const head = buf.subarray(0, nl);
      if (this.carryTooLong || this.carry!.length + head.length > this.maxLineBytes) this.tooLong();
      else this.count(Buffer.concat([this.carry!, head]), 0, this.carry!.length + head.length);
      this.carry = undefined;
      this.carryTooLong = false;
      start = nl + 1;
      nl = buf.indexOf(NEWLINE, start);
    }
    if (nl >= 0) start = this.countLines(buf, start, nl);
    if (start < buf.length && !this.stopped) this.keep(buf, start);
  }

  /**
   * Counts the complete lines from `start` (the first ends at `nl`); returns where the rest
   * begins. Its own function, so V8 keeps it optimised: `push`'s rare branches (a line across
   * chunks, the rest kept) deoptimised the loop on every chunk when it lived there.
   */
  private countLines(buf: Buffer, start: number, nl: number): number {
    while (nl >= 0 && !this.stopped) {
      if (nl - start > this.maxLineBytes) this.tooLong();
      else this.count(buf, start, nl);
      start = nl + 1;
      nl = buf.indexOf(NEWLINE, start);
    }
    return start;
  }

  /** The count, after the last chunk (a last line without a newline counts too). */
  finish(): ExportLogCount {
    if (this.carryTooLong) this.tooLong();
    else if (this.carry !== undefined && this.carry.length > 0) this.count(this.carry, 0, this.carry.length);
    this.carry = undefined;
    this.carryTooLong = false;
    return {
      year: this.options.year,
      lines: this.line,
      otherYear: this.otherYear,
      invalid: this.invalid,
      problems: this.problems,
      parts: [...this.parts.values()].map(({ state: { lastDay, ...s } }) => ({ ...s, lastDate: lastDay === 0 ? '' : `${String(lastDay).slice(0, 4)}-${String(lastDay).slice(4, 6)}-${String(lastDay).slice(6)}` })),
    };
  }

  private keep(buf: Buffer, from: number): void {
    if (this.carryTooLong) return;
    const rest = buf.subarray(from);
    if ((this.carry?.length ?? 0) + rest.length > this.maxLineBytes) {
      this.carry = undefined;
      this.carryTooLong = true;
      return;
    }
    this.carry = this.carry === undefined ? Buffer.from(rest) : Buffer.concat([this.carry, rest]);
  }

  private tooLong(): void {
    this.line++;
    this.problem('', 'line-too-long', `longer than ${this.maxLineBytes} bytes`);
  }

  private problem(pointer: string, code: LogProblem['code'], message: string): void {
    this.invalid++;
    if (this.problems.length < this.maxProblems) this.problems.push({ line: this.line, pointer, code, message });
  }

  private count(buf: Buffer, from: number, to: number): void {
    this.line++;
    let end = to;
    if (end > from && buf[end - 1] === 0x0d) end--; // CRLF
    if (end === from) return; // a blank line
    if (!this.fast(buf, from, end)) this.slow(buf, from, end);
  }

  /**
   * Counts a line written in the documented order without spaces — date, item, then persons and
   * sensitivePersons, or personKey (ASCII) and sensitive — read from its bytes, with no string
   * made but the item's and no JSON parse: most lines of a machine-written log. Anything else,
   * or anything wrong, returns false and goes the slow way, which says what is wrong.
   */
  private fast(buf: Buffer, from: number, end: number): boolean {
    let p = from;
    if (end - p < 33 || !matchAt(buf, p, LIT_DATE)) return false;
    p += LIT_DATE.length;
    const y = digits(buf, p, 4);
    const m = digits(buf, p + 5, 2);
    const d = digits(buf, p + 8, 2);
    if (y < 0 || m < 0 || d < 0 || buf[p + 4] !== DASH || buf[p + 7] !== DASH || !isCalendarDay(y, m, d)) return false;
    p += 10;
    if (!matchAt(buf, p, LIT_ITEM)) return false;
    p += LIT_ITEM.length;
    const itemFrom = p;
    while (p < end && buf[p] !== QUOTE) {
      const c = buf[p]!;
      if (c < 0x2d || c > 0x7a || c === BACKSLASH) return false;
      p++;
    }
    if (p >= end) return false;
    const itemTo = p++;
    let persons = 0;
    let sensitivePersons = 0;
    let keyFrom = -1;
    let keyTo = -1;
    let sensitive = false;
    if (matchAt(buf, p, LIT_KEY)) {
      p += LIT_KEY.length;
      keyFrom = p;
      while (p < end && buf[p] !== QUOTE) {
        const c = buf[p]!;
        if (c < 0x20 || c > 0x7e || c === BACKSLASH) return false;
        p++;
      }
      keyTo = p++;
      if (keyTo === keyFrom || keyTo - keyFrom > 256) return false;
      if (matchAt(buf, p, LIT_SENSITIVE_TRUE)) {
        sensitive = true;
        p += LIT_SENSITIVE_TRUE.length;
      } else if (matchAt(buf, p, LIT_SENSITIVE_FALSE)) p += LIT_SENSITIVE_FALSE.length;
      else if (buf[p] === CLOSE) p++;
      else return false;
    } else {
      let any = false;
      if (matchAt(buf, p, LIT_PERSONS)) {
        p += LIT_PERSONS.length;
        const n = number(buf, p, end);
        if (n < 0) return false;
        persons = scannedValue;
        p = n;
        any = true;
      }
      if (matchAt(buf, p, LIT_SENSITIVE_PERSONS)) {
        p += LIT_SENSITIVE_PERSONS.length;
        const n = number(buf, p, end);
        if (n < 0) return false;
        sensitivePersons = scannedValue;
        p = n;
        any = true;
      }
      if (!any || buf[p] !== CLOSE) return false;
      p++;
    }
    if (p !== end) return false;
    let part = this.knownPart(buf, itemFrom, itemTo);
    if (part === undefined) {
      const item = buf.toString('latin1', itemFrom, itemTo);
      part = this.parts.get(item);
      if (part === undefined && !ITEM.test(item)) return false;
      if (y !== this.options.year) {
        this.otherYear++;
        return true;
      }
      part ??= this.part(item);
    } else if (y !== this.options.year) {
      this.otherYear++;
      return true;
    }
    const s = this.counted(part.state, y * 10_000 + m * 100 + d);
    if (keyFrom < 0) {
      s.persons += persons;
      s.sensitivePersons += sensitivePersons;
    } else this.addPerson(part, sensitive, buf, keyFrom, keyTo, undefined);
    return true;
  }

  /** Any other line: parsed as JSON and checked field by field, every problem located. */
  private slow(buf: Buffer, from: number, end: number): void {
    let v: unknown;
    try {
      v = JSON.parse(buf.toString('utf8', from, end));
    } catch (e) {
      this.problem('', 'not-json', (e as Error).message);
      return;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return this.problem('', 'line-invalid', 'must be a JSON object');
    const t = v as { date?: unknown; item?: unknown; persons?: unknown; sensitivePersons?: unknown; personKey?: unknown; sensitive?: unknown; exemption?: unknown };
    const date = typeof t.date === 'string' ? DATE.exec(t.date) : null;
    if (date === null || !realDate(t.date as string)) return this.problem('/date', 'line-invalid', 'must be a calendar date YYYY-MM-DD');
    if (typeof t.item !== 'string' || !ITEM.test(t.item)) return this.problem('/item', 'line-invalid', "must be a list item id (<list>.<item>) or 'personalInfo'");
    const keyed = t.personKey !== undefined;
    if (keyed) {
      if (typeof t.personKey !== 'string' || t.personKey.length === 0 || t.personKey.length > 256) return this.problem('/personKey', 'line-invalid', 'must be a string of 1 to 256 characters');
      if (t.persons !== undefined || t.sensitivePersons !== undefined) return this.problem(t.persons !== undefined ? '/persons' : '/sensitivePersons', 'line-invalid', 'a line with a personKey is one person: no persons or sensitivePersons');
      if (t.sensitive !== undefined && typeof t.sensitive !== 'boolean') return this.problem('/sensitive', 'line-invalid', 'must be true or false');
    } else {
      if (!isVolume(t.persons) && t.persons !== undefined) return this.problem('/persons', 'line-invalid', 'must be an integer from 0');
      if (!isVolume(t.sensitivePersons) && t.sensitivePersons !== undefined) return this.problem('/sensitivePersons', 'line-invalid', 'must be an integer from 0');
      if (t.persons === undefined && t.sensitivePersons === undefined) return this.problem('', 'line-invalid', 'needs persons, sensitivePersons or a personKey');
    }
    if (t.exemption !== undefined && (typeof t.exemption !== 'string' || !this.options.exemptions.has(t.exemption))) {
      return this.problem('/exemption', 'unknown-exemption', `must be one of the baseline's exemptions: ${[...this.options.exemptions].join(', ')}`);
    }
    if (Number(date[1]) !== this.options.year) {
      this.otherYear++;
      return;
    }
    const part = this.part(t.item);
    if (t.exemption !== undefined) {
      part.state.excludedLines++;
      part.state.excludedPersons += keyed ? 1 : ((t.persons as number | undefined) ?? 0) + ((t.sensitivePersons as number | undefined) ?? 0);
      return;
    }
    const s = this.counted(part.state, dayNumber(t.date as string));
    if (!keyed) {
      s.persons += (t.persons as number | undefined) ?? 0;
      s.sensitivePersons += (t.sensitivePersons as number | undefined) ?? 0;
    } else this.addPerson(part, t.sensitive === true, buf, 0, 0, t.personKey as string);
  }

  /** Marks a counted transfer of the part on `day`. */
  private counted(s: PartState, day: number): PartState {
    s.lines++;
    if (s.firstLine === 0) s.firstLine = this.line;
    s.lastLine = this.line;
    if (day > s.lastDay) s.lastDay = day;
    return s;
  }

  /** Counts the person (a key as a string, or as bytes) once per part and measure. */
  private addPerson(part: { index: number; state: PartState }, sensitive: boolean, buf: Buffer, from: number, to: number, key: string | undefined): void {
    const slot = part.index * 2 + (sensitive ? 1 : 0);
    try {
      if (key === undefined ? this.persons.addAscii(slot, buf, from, to) : this.persons.add(slot, key)) {
        if (sensitive) part.state.sensitivePersons++;
        else part.state.persons++;
      }
    } catch (e) {
      if (!(e instanceof PersonLimitError)) throw e;
      this.problem('/personKey', 'too-many-persons', e.message);
      this.stopped = true; // a count that can no longer de-duplicate is no count: stop, said
    }
  }

  private part(item: string): { index: number; state: PartState } {
    let p = this.parts.get(item);
    if (p === undefined) {
      p = { index: this.parts.size, state: { item, lines: 0, persons: 0, sensitivePersons: 0, excludedLines: 0, excludedPersons: 0, firstLine: 0, lastLine: 0, lastDay: 0 } };
      this.parts.set(item, p);
      if (this.knownItems.length < KNOWN_ITEMS) {
        this.knownItems.push(ascii(item));
        this.knownParts.push(p);
      }
    }
    return p;
  }

  /**
   * The part whose item is the bytes `buf[from, to)`, among the first KNOWN_ITEMS parts, found
   * without making a string: a log names few items, and a string per line was a fifth of the time.
   */
  private knownPart(buf: Buffer, from: number, to: number): { index: number; state: PartState } | undefined {
    const n = to - from;
    const items = this.knownItems;
    for (let k = 0; k < items.length; k++) {
      const b = items[k]!;
      if (b.length !== n) continue;
      let i = 0;
      while (i < n && b[i] === buf[from + i]) i++;
      if (i === n) return this.knownParts[k];
    }
    return undefined;
  }

  /** True when counting stopped (too many persons): the count is incomplete. */
  get incomplete(): boolean {
    return this.stopped;
  }
}

function isVolume(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Counts a whole log read as chunks (a file's read stream, a response body). */
export async function countExportLog(chunks: AsyncIterable<Uint8Array>, options: ExportLogOptions): Promise<ExportLogCount & { readonly incomplete: boolean }> {
  const counter = new ExportLogCounter(options);
  for await (const chunk of chunks) {
    counter.push(chunk);
    if (counter.incomplete) break;
  }
  return { ...counter.finish(), incomplete: counter.incomplete };
}
