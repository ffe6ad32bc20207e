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
 * bytes per distinct person and item, at most `maxPersons` of them). A line in the documented
 * form is read from its bytes (LogLine); any other is parsed as JSON, and counts the same.
 */
import type { FileHandle } from 'node:fs/promises';
import { dayNumber, realDate } from './dates.js';
import { KnownItems, LogLine } from './log-line.js';
import { PersonLimitError, PersonSet } from './person-set.js';

/** What a line's field must be, where a line breaks the log's form (`line-invalid`). */
export type LineRule =
  /** The line is JSON, but not an object. */
  | 'object'
  /** `date`: a calendar date YYYY-MM-DD. */
  | 'date'
  /** `item`: a list item id (<list>.<item>) or `personalInfo`. */
  | 'item'
  /** `personKey`: a string of 1 to 256 characters. */
  | 'person-key'
  /** A line with a personKey is one person: no persons or sensitivePersons. */
  | 'one-person'
  /** `sensitive`: true or false. */
  | 'boolean'
  /** `persons`, `sensitivePersons`: an integer from 0. */
  | 'volume'
  /** A line needs persons, sensitivePersons or a personKey. */
  | 'some-volume';

/** Each problem code with its params. */
export interface LogProblemParams {
  /** The problem's `message` is JSON.parse's own words (Node's, in English). */
  readonly 'not-json': Readonly<Record<string, never>>;
  readonly 'line-invalid': { readonly rule: LineRule };
  /** The longest line read, in bytes. */
  readonly 'line-too-long': { readonly limit: number };
  /** The exemption named, and the baseline's exemptions (the only ones a line may name). */
  readonly 'unknown-exemption': { readonly exemption: unknown; readonly allowed: readonly string[] };
  /** The most distinct persons counted (`maxPersons`). */
  readonly 'too-many-persons': { readonly limit: number };
}

/**
 * A bad line: where (1-based line number, a JSON pointer into the line), a stable code, its
 * params (what a translation renders) and an English message.
 */
export type LogProblem = {
  readonly [C in keyof LogProblemParams]: { readonly line: number; readonly pointer: string; readonly code: C; readonly params: LogProblemParams[C]; readonly message: string };
}[keyof LogProblemParams];

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
const CR = 0x0d;
/** How many items are found by their bytes before the rest go through a string (a Map). */
const KNOWN_ITEMS = 256;

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

/** A part and its number (its persons' slots in the PersonSet: 2 × index, + 1 for the sensitive). */
interface Part {
  readonly index: number;
  readonly state: PartState;
}

/** UTF-8's byte order mark. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Counts a log fed as byte chunks (`push`), then `finish`. */
export class ExportLogCounter {
  private readonly parts = new Map<string, Part>();
  /** The parts of the first KNOWN_ITEMS items, found by their bytes (a string per line was a fifth of the time). */
  private readonly known = new KnownItems<Part>(KNOWN_ITEMS);
  /** The fast reading of a line, and the view of the bytes it reads. */
  private readonly reader: LogLine;
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array | undefined;
  private readonly persons: PersonSet;
  private readonly problems: LogProblem[] = [];
  private readonly maxProblems: number;
  private readonly maxLineBytes: number;
  private carry: Buffer | undefined;
  private carryTooLong = false;
  /** The log's first bytes while they may still be a byte order mark; undefined once past them. */
  private opening: Buffer | undefined = Buffer.alloc(0);
  private line = 0;
  private invalid = 0;
  private otherYear = 0;
  private stopped = false;

  constructor(private readonly options: ExportLogOptions) {
    this.persons = new PersonSet(options.maxPersons ?? 64 * 1024 * 1024);
    this.maxProblems = options.maxProblems ?? 100;
    this.maxLineBytes = options.maxLineBytes ?? 64 * 1024;
    this.reader = new LogLine(options.exemptions);
  }

  /** Counts the complete lines of `chunk` (with what is left of the previous chunk). */
  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    let buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.opening !== undefined) {
      // A byte order mark (as Windows editors save UTF-8) is not part of the first line; the
      // chunks of a stream may cut it.
      const seen = this.opening.length === 0 ? buf : Buffer.concat([this.opening, buf]);
      if (seen.length < BOM.length && BOM.subarray(0, seen.length).equals(seen)) {
        this.opening = Buffer.from(seen);
        return;
      }
      this.opening = undefined;
      buf = seen.subarray(0, BOM.length).equals(BOM) ? seen.subarray(BOM.length) : seen;
    }
    let start = 0;
    if (this.carry !== undefined || this.carryTooLong) {
      const nl = buf.indexOf(NEWLINE);
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
    }
    start = this.countLines(buf, start);
    if (start < buf.length && !this.stopped) this.keep(buf, start);
  }

  /**
   * Counts the complete lines from `start`; returns where the rest begins. A line in the
   * documented form is read up to its brace, and the line break checked after it, so finding its
   * end costs no search; any other line is cut at its line break and counted by `count`. Its own
   * function, so V8 keeps it optimised: `push`'s rare branches (a line across chunks, the rest
   * kept) deoptimised the loop on every chunk when it lived there.
   */
  private countLines(buf: Buffer, start: number): number {
    while (!this.stopped) {
      const next = this.fastLine(buf, start);
      if (next >= 0) {
        start = next;
        continue;
      }
      const nl = buf.indexOf(NEWLINE, start);
      if (nl < 0) break;
      if (nl - start > this.maxLineBytes) this.tooLong();
      else this.count(buf, start, nl);
      start = nl + 1;
    }
    return start;
  }

  /**
   * The line at `start` when LogLine reads it and a line break (LF or CRLF) follows its brace,
   * within maxLineBytes: counted, and the position after the break returned; otherwise -1 and
   * nothing counted.
   */
  private fastLine(buf: Buffer, start: number): number {
    const view = this.viewOver(buf);
    const end = this.reader.read(buf, view, start, buf.length);
    if (end < 0) return -1;
    const nl = buf[end] === NEWLINE ? end : buf[end] === CR && buf[end + 1] === NEWLINE ? end + 1 : -1;
    if (nl < 0 || nl - start > this.maxLineBytes) return -1;
    this.line++;
    if (this.countRead(buf, view)) return nl + 1;
    // Not an item (and the "line" may span line breaks inside it): cut at the first break instead.
    this.line--;
    return -1;
  }

  /** The count, after the last chunk (a last line without a newline counts too). */
  finish(): ExportLogCount {
    // A log of one or two bytes that began like a byte order mark: a (last) line like any other.
    if (this.opening !== undefined && this.opening.length > 0) this.keep(this.opening, 0);
    this.opening = undefined;
    if (this.carryTooLong) this.tooLong();
    else if (this.carry !== undefined && this.carry.length > 0) this.count(this.carry, 0, this.carry.length);
    this.carry = undefined;
    this.carryTooLong = false;
    this.persons.flush();
    return {
      year: this.options.year,
      lines: this.line,
      otherYear: this.otherYear,
      invalid: this.invalid,
      problems: this.problems,
      parts: [...this.parts.values()].map(({ index, state: { lastDay, ...s } }) => ({
        ...s,
        persons: s.persons + this.persons.countOf(2 * index),
        sensitivePersons: s.sensitivePersons + this.persons.countOf(2 * index + 1),
        lastDate: lastDay === 0 ? '' : `${String(lastDay).slice(0, 4)}-${String(lastDay).slice(4, 6)}-${String(lastDay).slice(6)}`,
      })),
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
    this.problem('', 'line-too-long', { limit: this.maxLineBytes }, `longer than ${this.maxLineBytes} bytes`);
  }

  private problem<C extends keyof LogProblemParams>(pointer: string, code: C, params: LogProblemParams[C], message: string): void {
    this.invalid++;
    if (this.problems.length < this.maxProblems) this.problems.push({ line: this.line, pointer, code, params, message } as LogProblem);
  }

  /** A line that breaks the log's form: `rule` says what its field at `pointer` must be. */
  private invalidLine(pointer: string, rule: LineRule, message: string): void {
    this.problem(pointer, 'line-invalid', { rule }, message);
  }

  private count(buf: Buffer, from: number, to: number): void {
    this.line++;
    let end = to;
    if (end > from && buf[end - 1] === 0x0d) end--; // CRLF
    if (end === from) return; // a blank line
    if (!this.fast(buf, from, end)) this.slow(buf, from, end);
  }

  /**
   * Counts a line written in the documented form (LogLine), read from its bytes: most lines of a
   * machine-written log. Anything else returns false and goes the slow way, which says what is
   * wrong; what this reads, it counts exactly as the slow way would.
   */
  private fast(buf: Buffer, from: number, end: number): boolean {
    const view = this.viewOver(buf);
    return this.reader.read(buf, view, from, end) === end && this.countRead(buf, view);
  }

  /** A DataView over `buf`, made once per buffer. */
  private viewOver(buf: Buffer): DataView {
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.view;
  }

  /**
   * Counts the line LogLine has just read; false, counting nothing, when its item is not one
   * (the slow way then says so).
   */
  private countRead(buf: Buffer, view: DataView): boolean {
    const r = this.reader;
    let part = this.known.find(view, r.itemFrom, r.itemTo, r.hash);
    if (part === undefined) {
      const item = buf.toString('latin1', r.itemFrom, r.itemTo);
      part = this.parts.get(item);
      if (part === undefined && !ITEM.test(item)) return false;
      if (r.year !== this.options.year) {
        this.otherYear++;
        return true;
      }
      part ??= this.part(item);
    } else if (r.year !== this.options.year) {
      this.otherYear++;
      return true;
    }
    if (r.exempt) {
      part.state.excludedLines++;
      part.state.excludedPersons += r.keyFrom < 0 ? r.persons + r.sensitivePersons : 1;
      return true;
    }
    const s = this.counted(part.state, r.day);
    if (r.keyFrom < 0) {
      s.persons += r.persons;
      s.sensitivePersons += r.sensitivePersons;
    } else this.addPerson(part, r.sensitive, view, r.keyFrom, r.keyTo, undefined);
    return true;
  }

  /** Any other line: parsed as JSON and checked field by field, every problem located. */
  private slow(buf: Buffer, from: number, end: number): void {
    let v: unknown;
    try {
      v = JSON.parse(buf.toString('utf8', from, end));
    } catch (e) {
      this.problem('', 'not-json', {}, (e as Error).message);
      return;
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return this.invalidLine('', 'object', 'must be a JSON object');
    const t = v as { date?: unknown; item?: unknown; persons?: unknown; sensitivePersons?: unknown; personKey?: unknown; sensitive?: unknown; exemption?: unknown };
    const date = typeof t.date === 'string' ? DATE.exec(t.date) : null;
    if (date === null || !realDate(t.date as string)) return this.invalidLine('/date', 'date', 'must be a calendar date YYYY-MM-DD');
    if (typeof t.item !== 'string' || !ITEM.test(t.item)) return this.invalidLine('/item', 'item', "must be a list item id (<list>.<item>) or 'personalInfo'");
    const keyed = t.personKey !== undefined;
    if (keyed) {
      if (typeof t.personKey !== 'string' || t.personKey.length === 0 || t.personKey.length > 256) return this.invalidLine('/personKey', 'person-key', 'must be a string of 1 to 256 characters');
      if (t.persons !== undefined || t.sensitivePersons !== undefined) return this.invalidLine(t.persons !== undefined ? '/persons' : '/sensitivePersons', 'one-person', 'a line with a personKey is one person: no persons or sensitivePersons');
      if (t.sensitive !== undefined && typeof t.sensitive !== 'boolean') return this.invalidLine('/sensitive', 'boolean', 'must be true or false');
    } else {
      if (!isVolume(t.persons) && t.persons !== undefined) return this.invalidLine('/persons', 'volume', 'must be an integer from 0');
      if (!isVolume(t.sensitivePersons) && t.sensitivePersons !== undefined) return this.invalidLine('/sensitivePersons', 'volume', 'must be an integer from 0');
      if (t.persons === undefined && t.sensitivePersons === undefined) return this.invalidLine('', 'some-volume', 'needs persons, sensitivePersons or a personKey');
    }
    if (t.exemption !== undefined && (typeof t.exemption !== 'string' || !this.options.exemptions.has(t.exemption))) {
      const allowed = [...this.options.exemptions];
      return this.problem('/exemption', 'unknown-exemption', { exemption: t.exemption, allowed }, `must be one of the baseline's exemptions: ${allowed.join(', ')}`);
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
    } else this.addPerson(part, t.sensitive === true, this.view, 0, 0, t.personKey as string);
  }

  /** Marks a counted transfer of the part on `day`. */
  private counted(s: PartState, day: number): PartState {
    s.lines++;
    if (s.firstLine === 0) s.firstLine = this.line;
    s.lastLine = this.line;
    if (day > s.lastDay) s.lastDay = day;
    return s;
  }

  /**
   * Counts the person (a key as a string, or as ASCII bytes under `view`) once per part and measure: by the
   * PersonSet's count of the slot, read by `finish` (bytes are looked up in batches).
   */
  private addPerson(part: Part, sensitive: boolean, view: DataView, from: number, to: number, key: string | undefined): void {
    const slot = part.index * 2 + (sensitive ? 1 : 0);
    try {
      if (key === undefined) this.persons.defer(slot, view, from, to);
      else this.persons.add(slot, key);
    } catch (e) {
      if (!(e instanceof PersonLimitError)) throw e;
      this.problem('/personKey', 'too-many-persons', { limit: e.limit }, e.message);
      this.stopped = true; // a count that can no longer de-duplicate is no count: stop, said
    }
  }

  private part(item: string): Part {
    let p = this.parts.get(item);
    if (p === undefined) {
      p = { index: this.parts.size, state: { item, lines: 0, persons: 0, sensitivePersons: 0, excludedLines: 0, excludedPersons: 0, firstLine: 0, lastLine: 0, lastDay: 0 } };
      this.parts.set(item, p);
      this.known.add(item, p);
    }
    return p;
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

/**
 * An open file's bytes as chunks of up to `size` bytes, read into one buffer used again and again:
 * each chunk holds until the next is asked for. countExportLog counts a chunk at once and copies
 * only a line cut at its end, so a log of any size is read with no allocation per chunk.
 */
export async function* fileChunks(handle: FileHandle, size = 1 << 20): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafe(size);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, size, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}
