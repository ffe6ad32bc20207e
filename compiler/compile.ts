/**
 * The one pipeline every tool drives (CLI, tests, diff, later the language server):
 * read → parse → collect symbols → check → lower. Building to disk is `build.ts`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { PolicyFile } from './ast.js';
import { check } from './check/check.js';
import { UnknownKeywordRule } from './check/rules/UnknownKeywordRule.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { lowerPolicy } from './emit/lower.js';
import { parseSource, type ParseResult } from './parse.js';
import type { Source } from './source.js';
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
  if (!hasErrors(diagnostics)) diagnostics.push(...check(files, symbols));
  else {
    // After a syntax error only the local unknown-keyword rule runs: a misspelt clause explains
    // many syntax errors. On a line that already has a syntax error its word is mere debris.
    const broken = new Set(diagnostics.map((d) => `${d.span?.file}:${d.span?.line}`));
    diagnostics.push(...check(files, symbols, [UnknownKeywordRule]).filter((d) => !broken.has(`${d.span?.file}:${d.span?.line}`)));
  }
  return { files, symbols, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Checks sources and, when clean, lowers them into the artifact model. `parse` lets a caller
 * reuse the parse of a file it has seen (the ASTs are immutable).
 */
export function compileSources(sources: readonly Source[], policyVersion: string, parse: (source: Source) => ParseResult = parseSource): CompileResult {
  const checked = checkSources(sources, parse);
  if (hasErrors(checked.diagnostics)) return checked;
  const lowered = lowerPolicy(checked.files, checked.symbols, policyVersion);
  return { ...checked, diagnostics: sortDiagnostics([...checked.diagnostics, ...lowered.diagnostics]), ...(lowered.artifact ? { artifact: lowered.artifact } : {}) };
}

async function collectQdFiles(path: string, out: string[]): Promise<void> {
  const info = await stat(path);
  if (info.isFile()) {
    out.push(path);
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const child = join(path, e.name);
    if (e.isDirectory()) await collectQdFiles(child, out);
    else if (e.name.endsWith('.qd')) out.push(child);
  }
}

/**
 * Reads every `.qd` file under the given files or folders, sorted by path so that builds do
 * not depend on directory order. Paths are shown relative to `cwd`.
 */
export async function readSources(paths: readonly string[], cwd = process.cwd()): Promise<{ sources: Source[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    try {
      const before = found.length;
      await collectQdFiles(abs, found);
      if (found.length === before) diagnostics.push(diagnostic('no-sources', undefined, { path: p }));
    } catch (e) {
      diagnostics.push(diagnostic('cannot-read', undefined, { path: p, reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
    }
  }
  const unique = [...new Set(found)].sort();
  const sources = await Promise.all(
    unique.map(async (abs) => ({ path: relative(cwd, abs) || abs, text: (await readFile(abs, 'utf8')).replace(/^\uFEFF/, '') })),
  );
  return { sources, diagnostics };
}
