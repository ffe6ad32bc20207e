/**
 * Text wrapped to a terminal's width as the reader's script wants it: Chinese breaks between
 * characters (never before a closing mark such as ，。）nor after an opening one such as （),
 * English at spaces — Unicode's line breaking algorithm (UAX #14, the `linebreak` package) —
 * measured in display columns, where a CJK character takes two. Code stays whole: no line
 * breaks inside a run of ASCII letters, digits and marks (`--amendments-since`, `policy/lists`),
 * so a token wider than the line overflows it instead.
 */
import { createRequire } from 'node:module';

type LineBreakerClass = new (text: string) => { nextBreak(): { position: number } | null };

let LineBreaker: LineBreakerClass | undefined;

/** The line breaker, loaded on first use: only `--help` wraps, and loading its tables takes a while. */
function lineBreaker(): LineBreakerClass {
  LineBreaker ??= createRequire(import.meta.url)('linebreak') as LineBreakerClass;
  return LineBreaker;
}

/** True for a printable ASCII character other than a space: a character of code. */
const isCode = (ch: string | undefined) => ch !== undefined && ch > ' ' && ch <= '~';

/** CJK scripts and full-width forms: where a line may break without a space. */
const CJK = /[\u2e80-\uffff]/;

/**
 * The pieces of `line` between the places it may break, each with the spaces after it. A line
 * without CJK breaks only at spaces, found without the line breaker (English help does not load it).
 */
function pieces(line: string): string[] {
  if (!CJK.test(line)) return line.match(/\s*\S+\s*/g) ?? [line];
  const breaker = new (lineBreaker())(line);
  const out: string[] = [];
  let start = 0;
  for (let b = breaker.nextBreak(); b !== null; b = breaker.nextBreak()) {
    if (b.position < line.length && isCode(line[b.position - 1]) && isCode(line[b.position])) continue;
    out.push(line.slice(start, b.position));
    start = b.position;
  }
  if (start < line.length) out.push(line.slice(start));
  return out;
}

/** `text` wrapped to `width` columns as measured by `widthOf`; its own line breaks are kept. */
export function wrapText(text: string, width: number, widthOf: (text: string) => number): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => {
      const lines: string[] = [];
      let current = '';
      for (const piece of pieces(line)) {
        if (current !== '' && widthOf(current + piece.trimEnd()) > width) {
          lines.push(current.trimEnd());
          current = piece;
        } else current += piece;
      }
      lines.push(current.trimEnd());
      return lines;
    })
    .join('\n');
}
