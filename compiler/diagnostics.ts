/**
 * One diagnostic type for every phase (lexing, parsing, checking, building). A diagnostic is
 * data — a catalogue id with typed arguments, a span, related notes, a hint and maybe a fix —
 * and its text is derived in the reader's language (`messageOf`), never stored or compared.
 */
import {
  CODES,
  HINTS,
  NOTES,
  TERMS,
  type ArgsOf,
  type DiagnosticId,
  type HintId,
  type Lang,
  type MessageKind,
  type NoteId,
  type Severity,
  type SlotSpec,
  type TermTable,
} from './diagnostic-codes.js';
import type { Span } from './source.js';

/** A catalogue entry by id with its arguments: what a hint or a note is. */
export interface Message<Id extends string, K extends MessageKind> {
  readonly id: Id;
  readonly args: ArgsOf<K>;
}

export type Hint = { [I in HintId]: Message<I, (typeof HINTS)[I]> }[HintId];
export type Note = { [I in NoteId]: Message<I, (typeof NOTES)[I]> }[NoteId];

export interface RelatedLocation {
  readonly note: Note;
  readonly span: Span;
}

/** A machine-applicable repair: replace the text of `span` by `replacement`. */
export interface Fix {
  readonly span: Span;
  readonly replacement: string;
}

/**
 * Another tool's own words (git's error output), carried verbatim beside a catalogued message:
 * printed under the tool's name and never translated, never part of a template.
 */
export interface ToolOutput {
  readonly tool: 'git' | 'commander' | 'node' | 'runtime' | 'chromium';
  readonly text: string;
  /** The text is qingdan's own (English) words about the tool's answer, not the tool's: labelled so. */
  readonly ours?: true;
}

export interface Diagnostic<I extends DiagnosticId = DiagnosticId> {
  readonly code: string;
  readonly id: I;
  readonly severity: Severity;
  readonly args: ArgsOf<(typeof CODES)[I]>;
  /** Where it is; absent only for problems with no source position (an unreadable folder). */
  readonly span?: Span;
  readonly related: readonly RelatedLocation[];
  readonly hint?: Hint;
  readonly fix?: Fix;
  readonly detail?: ToolOutput;
}

export interface DiagnosticExtra {
  readonly hint?: Hint;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  readonly detail?: ToolOutput;
}

/** The argument list of `diagnostic(id, span, …)`: arguments only where the template has some. */
export type ArgsParam<I extends DiagnosticId> = keyof ArgsOf<(typeof CODES)[I]> extends never
  ? [args?: Record<string, never>, extra?: DiagnosticExtra]
  : [args: ArgsOf<(typeof CODES)[I]>, extra?: DiagnosticExtra];

/** Builds a diagnostic from the catalogue. */
export function diagnostic<I extends DiagnosticId>(id: I, span: Span | undefined, ...[args, extra = {}]: ArgsParam<I>): Diagnostic {
  const kind = CODES[id];
  return {
    code: kind.code,
    id,
    severity: kind.severity,
    args: (args ?? {}) as ArgsOf<(typeof CODES)[I]>,
    ...(span ? { span } : {}),
    related: extra.related ?? [],
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(extra.fix ? { fix: extra.fix } : {}),
    ...(extra.detail ? { detail: extra.detail } : {}),
  } as Diagnostic;
}

/** A hint from the catalogue. */
export function hint<I extends HintId>(id: I, ...[args]: keyof ArgsOf<(typeof HINTS)[I]> extends never ? [] : [ArgsOf<(typeof HINTS)[I]>]): Hint {
  return { id, args: args ?? {} } as Hint;
}

/** A related location with its note from the catalogue. */
export function note<I extends NoteId>(span: Span, id: I, ...[args]: keyof ArgsOf<(typeof NOTES)[I]> extends never ? [] : [ArgsOf<(typeof NOTES)[I]>]): RelatedLocation {
  return { span, note: { id, args: args ?? {} } as Note };
}

const JOIN = {
  or: { en: (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`), zh: (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join('、')}或${xs.at(-1)}`) },
  and: { en: (xs: string[]) => xs.join(', '), zh: (xs: string[]) => xs.join('、') },
} as const;

/** One term of a table in `lang`; a value that is not a term (quoted code) stays as written. */
function term(table: TermTable, value: string, lang: Lang): string {
  const entry = (TERMS[table] as Record<string, { en: string; zh: string }>)[value];
  return entry ? entry[lang] : value;
}

function slotText(spec: SlotSpec | undefined, value: unknown, lang: Lang): string {
  if (spec === undefined) return String(value);
  if (spec === 'words') return JOIN.and[lang]((value as readonly string[]).map(String));
  if (spec === 'choices') return JOIN.or[lang]((value as readonly string[]).map((v) => `'${v}'`));
  const table = spec.replace('[]', '') as TermTable;
  const one = (v: unknown) => term(table, String(v), lang);
  if (!spec.endsWith('[]')) return one(value);
  const items = (value as readonly unknown[]).map(one);
  // Problems of a number and stages skipped are all there (and); expected tokens and kinds are one of (or).
  return (table === 'numberProblem' || table === 'stage' ? JOIN.and : JOIN.or)[lang](items);
}

/** Fills a catalogue entry's template in `lang` from its arguments. */
export function render(kind: MessageKind, args: object, lang: Lang): string {
  const values = args as Record<string, unknown>;
  const slots = (kind.slots ?? {}) as Record<string, SlotSpec>;
  return kind[lang].replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? slotText(slots[key], values[key], lang) : m));
}

/** The diagnostic's message in `lang`. */
export function messageOf(d: Diagnostic, lang: Lang): string {
  return render(CODES[d.id], d.args, lang);
}

/** The hint's text in `lang`. */
export function hintText(h: Hint, lang: Lang): string {
  return render(HINTS[h.id], h.args, lang);
}

/** A related location's note in `lang`. */
export function noteText(n: Note, lang: Lang): string {
  return render(NOTES[n.id], n.args, lang);
}

/** Orders diagnostics by file, then position, then code, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => {
    const fa = a.span?.file ?? '';
    const fb = b.span?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const oa = a.span?.offset ?? -1;
    const ob = b.span?.offset ?? -1;
    if (oa !== ob) return oa - ob;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
