/**
 * The comments of a `.qd` source, by position. The lexer skips comments, and the AST has no
 * place for them; the printer needs them back to keep each one next to the code it was next to.
 */

export interface Comment {
  /** The comment as written, `//` or `/* … *\/` included. */
  readonly text: string;
  readonly offset: number;
  /** Code (or another comment) precedes it on its line: it trails that line. */
  readonly trailing: boolean;
  /** A blank line separates it from what comes before it. */
  readonly blankBefore: boolean;
  /** A blank line separates it from what comes after it. */
  readonly blankAfter: boolean;
}

/**
 * Every comment of `text`, in source order. Strings are the only other place `//` or `/*` can
 * occur (identifiers, numbers and punctuation cannot hold them), so skipping string literals as
 * the lexer reads them — `"…"` with backslash escapes, ending at the line — is exact.
 */
export function collectComments(text: string): Comment[] {
  const found: Array<{ offset: number; end: number }> = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < text.length && text[i] !== '"' && text[i] !== '\n' && text[i] !== '\r') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === 0x2f /* / */ && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      // A CRLF file's line comment ends before its carriage return.
      found.push({ offset: i, end: text[stop - 1] === '\r' ? stop - 1 : stop });
      i = stop;
    } else if (c === 0x2f && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      found.push({ offset: i, end: stop });
      i = stop;
    } else i++;
  }
  return found.map(({ offset, end }) => ({
    text: text.slice(offset, end),
    offset,
    trailing: /\S/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset)),
    blankBefore: blankLineBetween(text, lastNonSpaceBefore(text, offset), offset),
    blankAfter: blankLineBetween(text, end, firstNonSpaceFrom(text, end)),
  }));
}

function lastNonSpaceBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

function firstNonSpaceFrom(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Two or more line breaks in the whitespace between `from` and `to` (none at the file's edges). */
function blankLineBetween(text: string, from: number, to: number): boolean {
  if (from === 0 || to >= text.length) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') breaks++;
  return breaks >= 2;
}
