/** A `.qd` file as the compiler sees it: a path for messages and its full text. */
export interface Source {
  /** Path as shown to the user (relative to the working directory when possible). */
  readonly path: string;
  readonly text: string;
}

/** `text` without the byte order mark (U+FEFF) some editors write at the start of a UTF-8 file. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A region of a source: 1-based line and column of its start and end (end exclusive), plus offsets. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly offset: number;
  readonly length: number;
}

/** Offsets at which each line of a source starts, computed once per source (spans are many). */
const lineStartsOf = new WeakMap<Source, Uint32Array>();

function lineStarts(source: Source): Uint32Array {
  let starts = lineStartsOf.get(source);
  if (starts) return starts;
  const text = source.text;
  const found = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) found.push(i + 1);
  starts = Uint32Array.from(found);
  lineStartsOf.set(source, starts);
  return starts;
}

/** The 1-based line and column of an offset in a source (offsets past the end clamp to it). */
function positionAt(source: Source, offset: number): { line: number; column: number } {
  const at = Math.min(offset, source.text.length);
  const starts = lineStarts(source);
  // The last line starting at or before `at`, by binary search.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/**
 * A span that keeps only its source and offsets and works out lines and columns when asked:
 * an AST has some twenty spans per list item, and few are ever printed.
 */
class SourceSpan implements Span {
  constructor(
    private readonly source: Source,
    readonly offset: number,
    readonly length: number,
  ) {}

  get file(): string {
    return this.source.path;
  }
  get line(): number {
    return positionAt(this.source, this.offset).line;
  }
  get column(): number {
    return positionAt(this.source, this.offset).column;
  }
  get endLine(): number {
    return positionAt(this.source, this.offset + this.length).line;
  }
  get endColumn(): number {
    return positionAt(this.source, this.offset + this.length).column;
  }

  /** This span's start, `length` characters long. */
  extendedTo(length: number): SourceSpan {
    return new SourceSpan(this.source, this.offset, length);
  }

  /** The plain-object form, for `JSON.stringify`. */
  toJSON(): Span {
    const { file, line, column, endLine, endColumn, offset, length } = this;
    return { file, line, column, endLine, endColumn, offset, length };
  }
}

/** The span covering `length` characters from `offset` in `source`. */
export function spanAt(source: Source, offset: number, length: number): Span {
  return new SourceSpan(source, offset, length);
}

/** The span from the start of `first` to the end of `last` (both in the same source). */
export function joinSpans(first: Span, last: Span): Span {
  const length = last.offset + last.length - first.offset;
  return first instanceof SourceSpan ? first.extendedTo(length) : { ...first, endLine: last.endLine, endColumn: last.endColumn, length };
}
