/**
 * Re-parsing after an edit, one declaration at a time: when an edit falls inside one top-level
 * declaration of a file that parsed cleanly, only that declaration is parsed again. Typing in
 * a 10,000-item file then costs one list, not the file.
 *
 * The declaration's text is parsed on its own and its spans moved to where it starts in the
 * file; the declarations after it get their spans moved by the edit's change in length. Anything unusual — a previous parse
 * with errors, an edit touching a declaration's first token or closing brace, a result that is
 * not one clean declaration of the same kind — falls back to parsing the whole file, which is
 * what the file-level parser does anyway (it parses each declaration on its own, parse.ts).
 */
import { parseSource, type ParseResult } from '../parse.js';
import { spanAt, type Source, type Span } from '../source.js';

/** The parse of `source`, reusing `previous` (the parse of the file's previous text) where it can. */
export function reparse(previous: { readonly text: string; readonly result: ParseResult } | undefined, source: Source): ParseResult {
  return (previous && reparseDeclaration(previous.text, previous.result, source)) ?? parseSource(source);
}

function reparseDeclaration(oldText: string, old: ParseResult, source: Source): ParseResult | undefined {
  if (old.diagnostics.length > 0 || old.file.unknown.length > 0) return undefined;
  const text = source.text;
  let start = 0;
  const shorter = Math.min(oldText.length, text.length);
  while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = oldText.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && oldText.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const declarations = old.file.declarations;
  // Strictly inside: after the declaration's first character, before its last (its `}`).
  const index = declarations.findIndex((d) => d.span.offset < start && oldEnd < d.span.offset + d.span.length);
  if (index < 0) return undefined;
  const target = declarations[index]!;
  const delta = text.length - oldText.length;
  const from = target.span.offset;
  const to = target.span.offset + target.span.length + delta;
  const piece = parseSource({ path: source.path, text: text.slice(from, to) });
  const [replacement, ...extra] = piece.file.declarations;
  if (piece.diagnostics.length || piece.file.unknown.length || extra.length || replacement?.kind !== target.kind) return undefined;
  const moved = declarations.slice(index + 1).map((d) => moveSpans(d, source, delta));
  return {
    file: { ...old.file, declarations: [...declarations.slice(0, index), moveSpans(replacement, source, from), ...moved] },
    diagnostics: [],
  };
}

/** A copy of `node` whose spans are `delta` further on in `source`. */
function moveSpans<T>(node: T, source: Source, delta: number): T {
  if (Array.isArray(node)) return node.map((n) => moveSpans(n, source, delta)) as T;
  if (node === null || typeof node !== 'object') return node;
  if (isSpan(node)) return spanAt(source, node.offset + delta, node.length) as T;
  const out: Record<string, unknown> = {};
  for (const key in node) out[key] = moveSpans((node as Record<string, unknown>)[key], source, delta);
  return out as T;
}

function isSpan(value: object): value is Span {
  return 'offset' in value && 'length' in value && 'endColumn' in value;
}
