/**
 * Writing decisions as JSON, fast enough for batches. Most of a decision's bytes are its
 * reasons, obligations and advisories, bilingual texts the runtime hands out as the same
 * (read-only) objects decision after decision; so each such part is stringified and encoded
 * once, its JSON and its UTF-8 bytes kept by identity (WeakMaps: they go when the bundle that
 * made them goes). A full decision is then those bytes laid end to end with a few ASCII
 * joints — never one long string: with the Chinese texts in it V8 would make it a two-byte
 * string, and encoding that took three times as long as building it. The output is
 * byte-for-byte JSON.stringify's (of the runtime's `compactDecisions` and
 * `denseDecisions` for those views).
 */
import { PartTable } from '../runtime/compact.js';
import type { EvaluationResponse, Obligation, Reason } from '../runtime/request.js';

const cache = new WeakMap<object, string>();
const encoded = new WeakMap<object, Buffer>();

/** JSON.stringify(part), once per object. */
function part(value: object): string {
  let json = cache.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    cache.set(value, json);
  }
  return json;
}

/** JSON.stringify(part) as UTF-8, once per object. */
function partBytes(value: object): Buffer {
  let bytes = encoded.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(part(value));
    encoded.set(value, bytes);
  }
  return bytes;
}

const COMMA = Buffer.from(',');
const OBLIGATIONS = Buffer.from('],"obligations":');
const ADVISORIES = Buffer.from(',"advisories":');
const POLICY = Buffer.from(',"policy":');
const END = Buffer.from('}');
const DECISIONS = Buffer.from('{"decisions":[');
const DECISIONS_END = Buffer.from(']}');

/** Appends the chunks of one decision's JSON to `out`, fields in the order the runtime builds them. */
function decisionChunks(d: EvaluationResponse, out: Buffer[]): void {
  out.push(Buffer.from(`{"version":${d.version},"pathway":${JSON.stringify(d.pathway)},"preview":${d.preview},"asOf":${JSON.stringify(d.asOf)},"basis":${part(d.basis)},"reasons":[`));
  for (let i = 0; i < d.reasons.length; i++) {
    if (i > 0) out.push(COMMA);
    out.push(partBytes(d.reasons[i]!));
  }
  out.push(OBLIGATIONS, partBytes(d.obligations), ADVISORIES, partBytes(d.advisories), POLICY, partBytes(d.policy), END);
}

/** One decision as UTF-8 JSON. */
export function serializeDecision(d: EvaluationResponse): Buffer {
  const chunks: Buffer[] = [];
  decisionChunks(d, chunks);
  return Buffer.concat(chunks);
}

/** `{ "decisions": [...] }` as UTF-8 JSON. */
export function serializeDecisions(body: { readonly decisions: readonly EvaluationResponse[] }): Buffer {
  const chunks: Buffer[] = [DECISIONS];
  for (let i = 0; i < body.decisions.length; i++) {
    if (i > 0) chunks.push(COMMA);
    decisionChunks(body.decisions[i]!, chunks);
  }
  chunks.push(DECISIONS_END);
  return Buffer.concat(chunks);
}

/**
 * A table of a compact or dense answer: the runtime's PartTable (entries numbered in order of
 * first sight, told apart by content) behind a memo by identity — the runtime hands out the same
 * objects decision after decision — and the entries' JSON kept for writing the table.
 */
class PartPositions<T> {
  readonly parts = new PartTable<T>();
  readonly json: string[] = [];
  private readonly byIdentity = new Map<T, number>();

  /** The position of `entry`; `json` gives its JSON on first sight of this object. */
  positionOf(entry: T, json: (entry: T) => string): number {
    let position = this.byIdentity.get(entry);
    if (position === undefined) {
      const text = json(entry);
      position = this.parts.indexOf(entry, text);
      if (position === this.json.length) this.json.push(text);
      this.byIdentity.set(entry, position);
    }
    return position;
  }

  /** `[i,j,…]`: the positions of `entries` as a JSON list, numbering those not seen before. */
  positionList(entries: readonly T[], json: (entry: T) => string): string {
    let list = '[';
    for (let i = 0; i < entries.length; i++) list += (i === 0 ? '' : ',') + this.positionOf(entries[i]!, json);
    return `${list}]`;
  }
}

/**
 * One compact answer being written: the part tables, and memos by identity for what the runtime
 * hands out again and again within a batch (a part, a frozen obligations array, a date), so a
 * repeated decision costs a few map look-ups and one concatenation.
 */
class CompactWriter {
  readonly reasons = new PartPositions<Reason>();
  readonly obligations = new PartPositions<Obligation>();
  private readonly lists = new Map<readonly object[], string>();
  private readonly strings = new Map<string, string>();

  /** `[i,j,…]`: the indexes of `parts` in `table`, adding the ones it has not seen. */
  indexList<T extends object>(parts: readonly T[], table: PartPositions<T>): string {
    // A frozen array (the runtime's shared obligations) cannot change: its list is kept. A
    // decision's own reasons array is new every time, and keeping it would only fill the map.
    const frozen = Object.isFrozen(parts);
    let list = frozen ? this.lists.get(parts) : undefined;
    if (list !== undefined) return list;
    list = table.positionList(parts, part);
    if (frozen) this.lists.set(parts, list);
    return list;
  }

  /** JSON.stringify(text), once per distinct string in the batch. */
  string(text: string): string {
    let json = this.strings.get(text);
    if (json === undefined) this.strings.set(text, (json = JSON.stringify(text)));
    return json;
  }

  decision(d: EvaluationResponse): string {
    return `{"pathway":${this.string(d.pathway)},"preview":${d.preview},"asOf":${this.string(d.asOf)},"basis":${part(d.basis)},"reasons":${this.indexList(d.reasons, this.reasons)},"obligations":${this.indexList(d.obligations, this.obligations)},"advisories":${this.indexList(d.advisories, this.obligations)}}`;
  }
}

const CLOSE = Buffer.from(']}');

/** `{"version":1,"view":"compact","policy":…,"reasons":[…],"obligations":[…]`: the tables `writer` filled. */
function head(policy: EvaluationResponse['policy'], writer: CompactWriter): string {
  return `{"version":1,"view":"compact","policy":${JSON.stringify(policy)},"reasons":[${writer.reasons.json.join(',')}],"obligations":[${writer.obligations.json.join(',')}]`;
}

function checkPolicy(d: EvaluationResponse, policy: EvaluationResponse['policy']): void {
  if (d.policy.digest !== policy.digest) throw new RangeError(`a decision of policy ${d.policy.digest} in a view of ${policy.digest}`);
}

/**
 * The compact view of `decisions` (all of `policy`) as UTF-8 JSON: each distinct reason and
 * obligation once, decisions by index — what `POST /v1/decide?view=compact` answers.
 *
 * The decisions are encoded apart from the tables: they are ASCII (names, dates, indexes), and
 * V8 keeps an ASCII string one byte a character, while joined to the tables' Chinese the whole
 * answer would become a two-byte string, several times slower to encode.
 */
export function serializeCompactDecisions(decisions: readonly EvaluationResponse[], policy: EvaluationResponse['policy']): Buffer {
  const writer = new CompactWriter();
  let list = '';
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    checkPolicy(d, policy);
    list += (i === 0 ? '' : ',') + writer.decision(d);
  }
  return Buffer.concat([Buffer.from(`${head(policy, writer)},"decisions":[`), Buffer.from(list), CLOSE]);
}

/**
 * The rows of a dense answer, written as ASCII bytes into one growing buffer: a dense decision
 * is a handful of small numbers, and writing them straight as bytes costs less than building a
 * string per row.
 */
class RowBytes {
  bytes: Buffer;
  length = 0;

  /** `rows`: how many rows are coming (a row takes about 20 bytes; the buffer grows when they take more). */
  constructor(rows: number) {
    this.bytes = Buffer.allocUnsafe(64 + rows * ROW_GUESS);
  }

  /** Makes room for `n` more bytes, so the writes that follow need not check. */
  room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }

  /** One ASCII character (room made). */
  char(code: number): void {
    this.bytes[this.length++] = code;
  }

  /** A table position (a non-negative integer below 2^31) in decimal (room made: at most 10 bytes). */
  position(n: number): void {
    const bytes = this.bytes;
    if (n < 10) {
      bytes[this.length++] = 48 + n;
      return;
    }
    let digits = 2;
    for (let m = 100; m <= n; m *= 10) digits++;
    let at = (this.length += digits);
    for (; n >= 10; n = (n / 10) | 0) bytes[--at] = 48 + (n % 10);
    bytes[--at] = 48 + n;
  }
}

/** Bytes set aside per row at first: most rows of the bench's varied batches fit. */
const ROW_GUESS = 24;
const COMMA_CODE = 0x2c;
const OPEN_CODE = 0x5b;
const CLOSE_CODE = 0x5d;
/** The most bytes a row takes beside its reasons: six positions and their brackets and commas. */
const ROW_BYTES = 6 * 10 + 9;

/** One dense answer being written: its tables, and the rows as ASCII bytes. */
class DenseWriter {
  readonly contexts = new PartPositions<string>();
  readonly pathways = new PartPositions<string>();
  readonly bases = new PartPositions<object>();
  readonly reasons = new PartPositions<object>();
  readonly obligations = new PartPositions<object>();
  readonly lists = new PartPositions<string>();
  /** Context positions by date, for preview and for not (a key for the pair without building one). */
  private readonly previewDates = new Map<string, number>();
  private readonly dates = new Map<string, number>();
  /** The position in `lists` of each frozen list the runtime hands out (it cannot change). */
  private readonly frozenLists = new Map<readonly object[], number>();
  readonly rows: RowBytes;

  constructor(rows: number) {
    this.rows = new RowBytes(rows);
  }

  /** The position in `contexts` of `asOf` with `preview`. */
  context(asOf: string, preview: boolean): number {
    const byDate = preview ? this.previewDates : this.dates;
    let position = byDate.get(asOf);
    if (position === undefined) {
      position = this.contexts.positionOf(`{"asOf":${JSON.stringify(asOf)},"preview":${preview}}`, identity);
      byDate.set(asOf, position);
    }
    return position;
  }

  /** The position in `lists` of `parts` (obligations or advisories), adding what is new. */
  list(parts: readonly Obligation[]): number {
    const known = this.frozenLists.get(parts);
    if (known !== undefined) return known;
    const position = this.lists.positionOf(this.obligations.positionList(parts, part), identity);
    if (Object.isFrozen(parts)) this.frozenLists.set(parts, position);
    return position;
  }

  /** Appends `d`'s row: `[context,pathway,basis,[reasons…],obligations,advisories]`. */
  row(d: EvaluationResponse): void {
    const rows = this.rows;
    const reasons = d.reasons;
    rows.room(ROW_BYTES + 11 * reasons.length);
    rows.char(OPEN_CODE);
    rows.position(this.context(d.asOf, d.preview));
    rows.char(COMMA_CODE);
    rows.position(this.pathways.positionOf(d.pathway, JSON.stringify));
    rows.char(COMMA_CODE);
    rows.position(this.bases.positionOf(d.basis, part));
    rows.char(COMMA_CODE);
    rows.char(OPEN_CODE);
    for (let i = 0; i < reasons.length; i++) {
      if (i > 0) rows.char(COMMA_CODE);
      rows.position(this.reasons.positionOf(reasons[i]!, part));
    }
    rows.char(CLOSE_CODE);
    rows.char(COMMA_CODE);
    rows.position(this.list(d.obligations));
    rows.char(COMMA_CODE);
    rows.position(this.list(d.advisories));
    rows.char(CLOSE_CODE);
  }
}

const identity = (text: string) => text;

/**
 * The dense view of `decisions` (all of `policy`) as UTF-8 JSON — what
 * `POST /v1/decide?view=dense` answers; byte for byte JSON.stringify of the runtime's
 * `denseDecisions`. The rows are written as ASCII bytes as the decisions are read; the tables,
 * known only once every row is written, come before them in the answer, the reasons and
 * obligations from their UTF-8 bytes encoded once per object.
 */
export function serializeDenseDecisions(decisions: readonly EvaluationResponse[], policy: EvaluationResponse['policy']): Buffer {
  const writer = new DenseWriter(decisions.length);
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i]!;
    checkPolicy(d, policy);
    if (i > 0) {
      writer.rows.room(1);
      writer.rows.char(COMMA_CODE);
    }
    writer.row(d);
  }
  const chunks: Buffer[] = [
    Buffer.from(`{"version":1,"view":"dense","policy":${JSON.stringify(policy)},"contexts":[${writer.contexts.json.join(',')}],"pathways":[${writer.pathways.json.join(',')}],"bases":[${writer.bases.json.join(',')}],"reasons":[`),
  ];
  encodedTable(writer.reasons, chunks);
  chunks.push(Buffer.from('],"obligations":['));
  encodedTable(writer.obligations, chunks);
  chunks.push(Buffer.from(`],"lists":[${writer.lists.json.join(',')}],"decisions":[`), writer.rows.bytes.subarray(0, writer.rows.length), CLOSE);
  return Buffer.concat(chunks);
}

/** Appends the UTF-8 JSON of `table`'s entries, comma-separated, to `chunks`. */
function encodedTable(table: PartPositions<object>, chunks: Buffer[]): void {
  for (let i = 0; i < table.json.length; i++) {
    if (i > 0) chunks.push(COMMA);
    chunks.push(partBytes(table.parts.entries[i]!));
  }
}
