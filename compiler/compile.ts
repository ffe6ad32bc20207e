/**
 * The one pipeline every tool drives (CLI, tests, diff, later the language server):
 * read → parse → collect symbols → check → lower. Building to disk is `build.ts`.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PolicyFile } from './ast.js';
import { check } from './check/check.js';
import { missingPolicyParts } from './check/rules/OnePerPolicyRule.js';
import { UnknownKeywordRule } from './check/rules/UnknownKeywordRule.js';
import type { Term } from './diagnostic-codes.js';
import { diagnostic, hasErrors, hint, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { readFailure } from './read-failure.js';
import { lowerPolicy } from './emit/lower.js';
import type { LoweredLists } from './emit/lowered-lists.js';
import { parseSource, type ParseResult } from './parse.js';
import { withoutBom, type Source, type Span } from './source.js';
import { collectSymbols, type SymbolTable } from './symbols.js';
import type { PolicyArtifact } from '../runtime/artifact.js';

export interface CheckResult {
  readonly files: readonly PolicyFile[];
  readonly symbols: SymbolTable;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CompileResult extends CheckResult {
  /** Present only when there is no error. */
  readonly artifact?: PolicyArtifact;
}

/**
 * Parses and checks sources. Semantic rules run only when every file parsed cleanly, so a
 * syntax error is not followed by a cascade of follow-on errors.
 */
export function checkSources(sources: readonly Source[], parse: (source: Source) => ParseResult = parseSource): CheckResult {
  const parsed = sources.map(parse);
  const files = parsed.map((p) => p.file);
  const symbols = collectSymbols(files);
  const diagnostics = parsed.flatMap((p) => p.diagnostics);
  if (!hasErrors(diagnostics)) {
    diagnostics.push(...check(files, symbols));
    // Last, so a file checked on its own gets its own errors, not only "no annex".
    if (!hasErrors(diagnostics)) diagnostics.push(...missingPolicyParts(files));
  } else {
    // After a syntax error only the local unknown-keyword rule runs: a misspelt clause explains
    // many syntax errors. On a line that already has a syntax error its word is mere debris.
    const broken = new Set(diagnostics.map((d) => `${d.span?.file}:${d.span?.line}`));
    diagnostics.push(...check(files, symbols, [UnknownKeywordRule]).filter((d) => !broken.has(`${d.span?.file}:${d.span?.line}`)));
  }
  return { files, symbols, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Checks sources and, when clean, lowers them into the artifact model. `parse` lets a caller
 * reuse the parse of a file it has seen (the ASTs are immutable), `lists` the lowered lists of
 * such a file.
 */
export function compileSources(sources: readonly Source[], policyVersion: string, parse: (source: Source) => ParseResult = parseSource, lists?: LoweredLists): CompileResult {
  const checked = checkSources(sources, parse);
  if (hasErrors(checked.diagnostics)) return checked;
  const lowered = lowerPolicy(checked.files, checked.symbols, policyVersion, lists);
  return { ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...lowered.diagnostics]), ...(lowered.artifact ? { artifact: lowered.artifact } : {}) };
}

/** The largest source file read: far above any real policy file, far below what exhausts memory. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** QD4014 for the source `path` of `bytes`, past MAX_SOURCE_BYTES: on disk, at a revision, or open in an editor. */
export function sourceTooLarge(path: string, bytes: number, span?: Span): Diagnostic {
  return diagnostic('source-too-large', span, { path, bytes, limit: MAX_SOURCE_BYTES }, { hint: hint('file-too-large') });
}

/** What a directory entry or file that is neither a file, a folder nor a link is. */
function specialKind(info: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): Term<'fileKind'> {
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'device';
  return 'other';
}

/** A span naming a whole file: where a problem with the file itself is reported. */
function fileSpan(file: string): Span {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, length: 0 };
}

/** `inner` is `outer` or lies inside it (both absolute and normalised). */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Walks the given files and folders for `.qd` sources without following a link: a source is a
 * regular file inside the project, so that no link, FIFO or device makes the compiler read (and
 * a code frame print) what is not policy text. Problems are reported, never followed.
 */
class SourceWalk {
  readonly found: string[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Files found or refused so far, so a given path that yields neither is reported. */
  seen = 0;

  constructor(private readonly root: string) {}

  shown(abs: string): string {
    return relative(this.root, abs) || abs;
  }

  /** Records `made(path)`, a refusal of the file at `abs`, unless that file is refused already. */
  refuse(abs: string, made: (path: string, span: Span) => Diagnostic): void {
    const path = this.shown(abs);
    this.seen++;
    const d = made(path, fileSpan(path));
    // A file given and also found in a given folder is reported once.
    if (this.diagnostics.some((e) => e.id === d.id && e.span?.file === path)) return;
    this.diagnostics.push(d);
  }

  refuseLink(abs: string): void {
    this.refuse(abs, (path, span) => diagnostic('source-symlink', span, { path }, { hint: hint('copy-not-link') }));
  }

  refuseSpecial(abs: string, kind: Term<'fileKind'>): void {
    this.refuse(abs, (path, span) => diagnostic('source-not-regular', span, { path, kind }, { hint: hint('regular-sources') }));
  }

  add(abs: string): void {
    this.seen++;
    this.found.push(abs);
  }

  /** A path given on the command line: inside the project, reached through no link. */
  async given(abs: string): Promise<void> {
    if (!within(abs, this.root)) {
      this.refuse(abs, (path, span) => diagnostic('source-outside-project', span, { path, root: this.root }, { hint: hint('inside-project') }));
      return;
    }
    const steps = relative(this.root, abs).split(sep).filter(Boolean);
    for (let i = 1; i < steps.length; i++) {
      if ((await lstat(join(this.root, ...steps.slice(0, i)))).isSymbolicLink()) {
        this.refuseLink(join(this.root, ...steps.slice(0, i)));
        return;
      }
    }
    const info = await lstat(abs);
    if (info.isSymbolicLink()) this.refuseLink(abs);
    else if (info.isDirectory()) await this.folder(abs);
    else if (info.isFile()) this.add(abs);
    else this.refuseSpecial(abs, specialKind(info));
  }

  async folder(path: string): Promise<void> {
    for (const e of await readdir(path, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const child = join(path, e.name);
      const source = e.name.endsWith('.qd');
      if (e.isDirectory()) await this.folder(child);
      else if (e.isFile()) {
        if (source) this.add(child);
      } else if (e.isSymbolicLink()) {
        // A linked folder may hold sources: leaving it out silently would drop lists.
        if (source || (await stat(child).catch(() => null))?.isDirectory()) this.refuseLink(child);
      } else if (source) this.refuseSpecial(child, specialKind(e));
    }
  }
}

/**
 * Reads one source found by the walk. The file is opened without following a link and without
 * blocking (a FIFO swapped in since the walk cannot hang the read), then checked again.
 */
async function readSource(abs: string, walk: SourceWalk): Promise<Source | undefined> {
  let handle;
  try {
    handle = await open(abs, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') walk.refuseLink(abs);
    else walk.diagnostics.push(readFailure(walk.shown(abs), e));
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return void walk.refuseSpecial(abs, specialKind(info));
    if (info.size > MAX_SOURCE_BYTES) {
      return void walk.refuse(abs, (path, span) => sourceTooLarge(path, info.size, span));
    }
    return { path: walk.shown(abs), text: withoutBom(await handle.readFile('utf8')) };
  } finally {
    await handle.close();
  }
}

/**
 * Reads every `.qd` file under the given files or folders, sorted by path so that builds do
 * not depend on directory order. Paths are resolved against and shown relative to `root` (the
 * project), and every source must be a regular file inside it.
 */
export async function readSources(paths: readonly string[], root = process.cwd()): Promise<{ sources: Source[]; diagnostics: Diagnostic[] }> {
  const walk = new SourceWalk(resolve(root));
  for (const p of paths) {
    const abs = resolve(root, p);
    const before = walk.seen;
    try {
      await walk.given(abs);
      if (walk.seen === before) walk.diagnostics.push(diagnostic('no-sources', undefined, { path: p }));
    } catch (e) {
      walk.diagnostics.push(readFailure(p, e));
    }
  }
  const read = await Promise.all([...new Set(walk.found)].sort().map((abs) => readSource(abs, walk)));
  return { sources: read.filter((s): s is Source => s !== undefined), diagnostics: sortDiagnostics(walk.diagnostics) };
}
