/**
 * The policy as governance sees it, through the parser (never a regular expression): the lists
 * declared in a snapshot's `.qd` files with their status and proposal link, and the content of
 * any file or list as a value without positions, so that a change of layout or comments is no
 * change and a change of substance always is.
 */
import type { Declaration, ListDecl } from '../ast.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseSource } from '../parse.js';
import type { Source } from '../source.js';
import type { FileSet } from './load.js';

export interface ListInfo {
  readonly id: string;
  readonly status?: string;
  readonly proposal?: string;
  readonly decl: ListDecl;
}

const isPolicySource = (path: string) => path.startsWith('policy/') && path.endsWith('.qd');

type Parsed = { declarations: readonly Declaration[]; diagnostics: Diagnostic[] };

/** Recent parses by path and text: a check reads the same versions of the same files many times. */
const recent = new Map<string, Parsed>();
const RECENT_LIMIT = 64;

/** Parses the `.qd` text of `path` (memoised: the same text parses to the same declarations). */
export function parsePolicyFile(path: string, text: string): Parsed {
  const key = `${path}\0${text}`;
  let parsed = recent.get(key);
  if (!parsed) {
    const result = parseSource({ path, text });
    parsed = { declarations: result.file.declarations, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(key, parsed);
  }
  return parsed;
}

/**
 * Whether `path` is a baseline file: law transcribed, not drafted here (measures Art. 9 drafts
 * only the lists), which only a baseline proposal changes — the national rules, the measures,
 * the annex, the zones (Art. 5), any other `.qd` file beside them, and the source texts.
 */
export const isBaseline = (path: string) => /^policy\/[^/]+\.qd$/.test(path) || path.startsWith('policy/sources/');

/**
 * What `text` of `path` says that is baseline, without layout or comments: the whole of a
 * baseline file; in a list file, whatever it declares besides lists (a zone written there is no
 * less the baseline's); undefined when nothing.
 */
export function baselineSubstance(path: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (isBaseline(path)) return fileSubstance(path, text);
  if (!path.startsWith('policy/lists/') || !path.endsWith('.qd')) return undefined;
  const parsed = parsePolicyFile(path, text);
  if (parsed.diagnostics.length) return `unparsable:${text}`;
  const others = parsed.declarations.filter((d) => d.kind !== 'List');
  return others.length ? JSON.stringify(others.map((d) => strip(d, new Set()))) : undefined;
}

/**
 * What the baseline of a snapshot says: what a baseline proposal's review and approval
 * sign-offs approve (digest.ts).
 */
function baselineContent(files: FileSet): string {
  const substance = [...files].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([path, text]) => {
    const said = baselineSubstance(path, text);
    return said === undefined ? [] : [[path, said]];
  });
  return JSON.stringify(substance);
}

/** The lists declared in the `.qd` files of `files`, in path order, and what the baseline says. */
export function readLists(files: FileSet): { lists: ListInfo[]; baseline: string; sources: Source[]; diagnostics: Diagnostic[] } {
  const lists: ListInfo[] = [];
  const sources: Source[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [path, text] of [...files].filter(([p]) => isPolicySource(p)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    sources.push({ path, text });
    const parsed = parsePolicyFile(path, text);
    diagnostics.push(...parsed.diagnostics);
    for (const decl of parsed.declarations) if (decl.kind === 'List') lists.push(listInfo(decl));
  }
  return { lists, baseline: baselineContent(files), sources, diagnostics };
}

export function listInfo(decl: ListDecl): ListInfo {
  return { id: decl.id.text, ...(decl.status ? { status: decl.status.text } : {}), ...(decl.proposal ? { proposal: decl.proposal.value } : {}), decl };
}

/** Keys that say where something is written, not what it says. */
const POSITIONAL = new Set(['span', 'first']);
/** A list's bookkeeping, which its proposal's stage drives: its status and the link to its proposal. */
const BOOKKEEPING = new Set(['status', 'proposal']);

/** A bare span (a flag such as `important`) says only that the clause is there. */
const isSpan = (value: object) => 'offset' in value && 'length' in value && 'file' in value;

function strip(value: unknown, omit: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, omit));
  if (value && typeof value === 'object') {
    if (isSpan(value)) return true;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!POSITIONAL.has(k) && !omit.has(k)) out[k] = strip(v, omit);
    return out;
  }
  return value;
}

/** What a list says, without positions, status or proposal link. */
export function listContent(decl: ListDecl): unknown {
  return { ...(strip(decl, BOOKKEEPING) as object), id: decl.id.text };
}

/** What a `.qd` file says: its declarations without positions (lists without their bookkeeping). */
export function fileContent(path: string, text: string): string {
  const parsed = parsePolicyFile(path, text);
  if (parsed.diagnostics.length) return `unparsable:${text}`;
  return JSON.stringify(parsed.declarations.map((d) => (d.kind === 'List' ? listContent(d) : strip(d, new Set()))));
}

/**
 * Everything a governed file says, without layout or comments (a list's bookkeeping included):
 * two texts with the same substance say the same thing.
 */
export function fileSubstance(path: string, text: string): string {
  if (!path.endsWith('.qd')) return text;
  const parsed = parsePolicyFile(path, text);
  return parsed.diagnostics.length ? `unparsable:${text}` : JSON.stringify(parsed.declarations.map((d) => strip(d, new Set())));
}

/** Whether a commit changed what `path` says (a change of layout or comments, or of a list's bookkeeping, is none). */
export function contentChanged(path: string, before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return before !== after;
  return path.endsWith('.qd') ? fileContent(path, before) !== fileContent(path, after) : before !== after;
}

/** The lists of a `.qd` text by id (none when it does not parse). */
export function listsOf(path: string, text: string | undefined): Map<string, ListInfo> {
  if (text === undefined) return new Map();
  return new Map(parsePolicyFile(path, text).declarations.flatMap((d) => (d.kind === 'List' ? [[d.id.text, listInfo(d)] as const] : [])));
}
