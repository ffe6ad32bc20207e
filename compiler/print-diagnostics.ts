/**
 * Prints diagnostics rustc/TypeScript style: a header with the code, the location, a code
 * frame whose carets line up under Chinese text (east-asian width), related locations and
 * the hint.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import { createColors } from 'picocolors';
import type { Diagnostic } from './diagnostics.js';
import type { Span } from './source.js';

/** Display width of a string in a terminal: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch === '\t' ? 4 : eastAsianWidth(ch.codePointAt(0)!);
  return w;
}

export interface PrintOptions {
  readonly color: boolean;
  /** File path → text, for code frames; a diagnostic whose file is unknown prints without one. */
  readonly texts: ReadonlyMap<string, string>;
}

function location(span: Span): string {
  return `${printableText(span.file)}:${span.line}:${span.column}`;
}

/**
 * Control characters (C0 but tab, DEL, C1) and bidirectional overrides: printed raw, a source or a
 * message could move the cursor, retitle the terminal or reorder what the reader sees.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A source line as shown: each unprintable character becomes one U+FFFD, so columns still line up. */
function printableLine(line: string): string {
  return line.replace(UNPRINTABLE, '\uFFFD');
}

/** Message text as shown: unprintable characters as `\u001b` escapes. */
function printableText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters of context kept on each side of a span when its line is too long to print whole. */
const CONTEXT = 40;
const MAX_MARKED = 80;

/** The source line with a caret underline, gutter-aligned; long lines are cut around the span. */
function codeFrame(text: string, span: Span, paint: (s: string) => string, dim: (s: string) => string): string[] {
  const lines = text.split('\n');
  const line = printableLine((lines[span.line - 1] ?? '').replace(/\r$/, ''));
  const gutter = String(span.line).length;
  const pad = ' '.repeat(gutter);
  const start = span.column - 1;
  const end = Math.max(start, span.endLine === span.line ? span.endColumn - 1 : line.length);
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(line.length, Math.min(end, start + MAX_MARKED) + CONTEXT);
  const lead = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const before = lead + line.slice(from, start);
  const marked = line.slice(start, Math.min(end, start + MAX_MARKED));
  const shown = (lead + line.slice(from, to) + tail).replace(/\t/g, '    ');
  return [
    `${pad} ${dim('|')}`,
    `${dim(String(span.line))} ${dim('|')} ${shown}`,
    `${pad} ${dim('|')} ${' '.repeat(displayWidth(before))}${paint('^'.repeat(Math.max(1, displayWidth(marked))))}`,
  ];
}

/** One diagnostic as printed text (several lines, no trailing newline). */
export function formatDiagnostic(d: Diagnostic, options: PrintOptions): string {
  const c = createColors(options.color);
  const paint = d.severity === 'error' ? c.red : c.yellow;
  const out = [`${paint(c.bold(`${d.severity}[${d.code}]`))}${c.bold(`: ${printableText(d.message)}`)}`];
  if (d.span) {
    const gutter = ' '.repeat(String(d.span.line).length);
    out.push(`${gutter}${c.blue('-->')} ${location(d.span)}`);
    const text = options.texts.get(d.span.file);
    if (text !== undefined) out.push(...codeFrame(text, d.span, paint, c.blue));
    for (const r of d.related) out.push(`${gutter} ${c.blue('=')} note: ${printableText(r.message)} at ${location(r.span)}`);
    if (d.hint) out.push(`${gutter} ${c.blue('=')} hint: ${printableText(d.hint)}`);
  } else {
    for (const r of d.related) out.push(`  = note: ${printableText(r.message)} at ${location(r.span)}`);
    if (d.hint) out.push(`  = hint: ${printableText(d.hint)}`);
  }
  return out.join('\n');
}

/** All diagnostics and a summary line ("2 errors, 1 warning"). */
export function formatDiagnostics(list: readonly Diagnostic[], options: PrintOptions): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const parts = list.map((d) => formatDiagnostic(d, options));
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (list.length > 0) parts.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return parts.join('\n\n');
}

/** The JSON form of diagnostics (`--json`): stable field order, spans as plain objects. */
export function diagnosticsToJson(list: readonly Diagnostic[]): object[] {
  return list.map((d) => ({
    code: d.code,
    id: d.id,
    severity: d.severity,
    message: d.message,
    messageZh: d.messageZh,
    ...(d.span
      ? {
          file: d.span.file,
          line: d.span.line,
          column: d.span.column,
          endLine: d.span.endLine,
          endColumn: d.span.endColumn,
        }
      : {}),
    related: d.related.map((r) => ({ message: r.message, file: r.span.file, line: r.span.line, column: r.span.column })),
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}
