/**
 * One diagnostic type for every phase (lexing, parsing, checking, building).
 */
import { CODES, type DiagnosticId, type Severity } from './diagnostic-codes.js';
import type { Span } from './source.js';

export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
}

export interface Diagnostic {
  readonly code: string;
  readonly id: DiagnosticId;
  readonly severity: Severity;
  readonly message: string;
  readonly messageZh: string;
  /** Where it is; absent only for problems with no source position (an unreadable folder). */
  readonly span?: Span;
  readonly related: readonly RelatedLocation[];
  readonly hint?: string;
}

export type DiagnosticArgs = Record<string, string | number>;

function fill(template: string, args: DiagnosticArgs): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in args ? String(args[key]) : m));
}

/** Builds a diagnostic from the catalogue. */
export function diagnostic(
  id: DiagnosticId,
  span: Span | undefined,
  args: DiagnosticArgs = {},
  extra: { hint?: string; related?: RelatedLocation[] } = {},
): Diagnostic {
  const kind = CODES[id];
  return {
    code: kind.code,
    id,
    severity: kind.severity,
    message: fill(kind.en, args),
    messageZh: fill(kind.zh, args),
    ...(span ? { span } : {}),
    related: extra.related ?? [],
    ...(extra.hint ? { hint: extra.hint } : {}),
  };
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
