/**
 * Prints diagnostics rustc/TypeScript style: a header with the code, the location, a code
 * frame whose carets line up under Chinese text (east-asian width), related locations and
 * the hint.
 */
import { createColors } from 'picocolors';
import type { Lang } from './diagnostic-codes.js';
import { displayWidth } from './display-width.js';
import { hintText, messageOf, noteText, type Diagnostic } from './diagnostics.js';
import { printableLine, printableText } from './printable.js';
import type { Span } from './source.js';


export interface PrintOptions {
  readonly color: boolean;
  /** The language of messages, hints and notes. */
  readonly lang: Lang;
  /** File path → text, for code frames; a diagnostic whose file is unknown prints without one. */
  readonly texts: ReadonlyMap<string, string>;
}

function location(span: Span): string {
  return `${printableText(span.file)}:${span.line}:${span.column}`;
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

/** The printer's own words, per language. */
const WORDS = {
  en: { error: 'error', warning: 'warning', note: 'note', hint: 'hint', fix: 'fix', verbatim: (tool: string) => `${tool} (its own output, verbatim)`, ours: (tool: string) => `${tool}'s answer, as qingdan read it`, remove: '(remove)', at: ' at ', colon: ': ', summary: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}` },
  zh: { error: '错误', warning: '警告', note: '注', hint: '提示', fix: '修正', verbatim: (tool: string) => `${tool} 原文输出（未翻译）`, ours: (tool: string) => `qingdan 读取 ${tool} 输出的结果`, remove: '（删除）', at: '，位置 ', colon: '：', summary: (e: number, w: number) => `${e} 个错误，${w} 个警告` },
} as const;

/** One diagnostic as printed text (several lines, no trailing newline). */
export function formatDiagnostic(d: Diagnostic, options: PrintOptions): string {
  const c = createColors(options.color);
  const paint = d.severity === 'error' ? c.red : c.yellow;
  const words = WORDS[options.lang];
  const severity = words[d.severity];
  const out = [`${paint(c.bold(`${severity}[${d.code}]`))}${c.bold(`${words.colon}${printableText(messageOf(d, options.lang))}`)}`];
  const gutter = d.span ? ' '.repeat(String(d.span.line).length) : ' ';
  if (d.span) {
    out.push(`${gutter}${c.blue('-->')} ${location(d.span)}`);
    const text = options.texts.get(d.span.file);
    if (text !== undefined) out.push(...codeFrame(text, d.span, paint, c.blue));
  }
  for (const r of d.related) out.push(`${gutter} ${c.blue('=')} ${words.note}${words.colon}${printableText(noteText(r.note, options.lang))}${words.at}${location(r.span)}`);
  if (d.hint) out.push(`${gutter} ${c.blue('=')} ${words.hint}${words.colon}${printableText(hintText(d.hint, options.lang))}`);
  if (d.fix) out.push(`${gutter} ${c.blue('=')} ${words.fix}${words.colon}${printableText(d.fix.replacement === '' ? words.remove : d.fix.replacement)}`);
  if (d.detail) {
    // Another tool's words, or ours about its answer, labelled as such: each line indented under the label.
    out.push(`${gutter} ${c.blue('=')} ${(d.detail.ours ? words.ours : words.verbatim)(d.detail.tool)}${words.colon}`);
    for (const line of d.detail.text.trimEnd().split('\n')) out.push(`${gutter}     ${c.dim(printableText(line))}`);
  }
  return out.join('\n');
}

/** All diagnostics and a summary line ("2 errors, 1 warning"). */
export function formatDiagnostics(list: readonly Diagnostic[], options: PrintOptions): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  const parts = list.map((d) => formatDiagnostic(d, options));
  if (list.length > 0) parts.push(WORDS[options.lang].summary(errors, warnings));
  return parts.join('\n\n');
}

/**
 * The JSON form of diagnostics (`--json`). The contract is `{code, id, severity, args, span,
 * related, hint, fix, detail}`: data a program can act on (`detail` is another tool's verbatim
 * output, `{tool, text}`, or with `ours: true` our own words about that tool's answer). `message` (and a note's or hint's `text`) is
 * the same diagnostic rendered in `lang`, for people; nothing should branch on it.
 */
export function diagnosticsToJson(list: readonly Diagnostic[], lang: Lang): object[] {
  const place = (s: Span) => ({ file: s.file, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn, offset: s.offset, length: s.length });
  return list.map((d) => ({
    code: d.code,
    id: d.id,
    severity: d.severity,
    args: d.args,
    message: messageOf(d, lang),
    ...(d.span ? { span: place(d.span), file: d.span.file, line: d.span.line, column: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn } : {}),
    related: d.related.map((r) => ({ id: r.note.id, args: r.note.args, text: noteText(r.note, lang), span: place(r.span), file: r.span.file, line: r.span.line, column: r.span.column })),
    ...(d.hint ? { hint: { id: d.hint.id, args: d.hint.args, text: hintText(d.hint, lang) } } : {}),
    ...(d.fix ? { fix: { span: place(d.fix.span), replacement: d.fix.replacement } } : {}),
    ...(d.detail ? { detail: d.detail } : {}),
  }));
}
