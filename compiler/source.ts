/** A `.qd` file as the compiler sees it: a path for messages and its full text. */
export interface Source {
  /** Path as shown to the user (relative to the working directory when possible). */
  readonly path: string;
  readonly text: string;
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

/** The 1-based line and column of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The span covering `length` characters from `offset` in `source`. */
export function spanAt(source: Source, offset: number, length: number): Span {
  const start = positionAt(source.text, offset);
  const end = positionAt(source.text, offset + length);
  return {
    file: source.path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset,
    length,
  };
}
