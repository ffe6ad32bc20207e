/**
 * `qingdan fmt` below the CLI: format `.qd` files in place, or only report which would change.
 */
import { resolve } from 'node:path';
import { readSources } from './compile.js';
import type { Diagnostic } from './diagnostics.js';
import { formatSource } from './format.js';
import { replaceFile } from './replace-file.js';

export interface FormatFilesResult {
  /** Files not in canonical form (rewritten unless `check`), as shown to the user. */
  readonly changed: readonly string[];
  /** Files read and in canonical form (or now in it). */
  readonly files: readonly string[];
  /** Why a path could not be read or a file cannot be printed; such files are left untouched. */
  readonly diagnostics: readonly Diagnostic[];
  /** The sources read, for code frames. */
  readonly texts: ReadonlyMap<string, string>;
}

/**
 * Formats every `.qd` file under `paths`. With `check`, writes nothing. A file is replaced by
 * writing its new text next to it and renaming it over the old one, so an interrupted run
 * leaves either the old or the new text, never half of one.
 */
export async function formatFiles(paths: readonly string[], options: { check?: boolean; cwd?: string } = {}): Promise<FormatFilesResult> {
  const cwd = options.cwd ?? process.cwd();
  const read = await readSources(paths, cwd);
  const changed: string[] = [];
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  for (const source of read.sources) {
    const result = formatSource(source);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    if (!result.changed) continue;
    changed.push(source.path);
    if (!options.check) await replaceFile(resolve(cwd, source.path), result.text);
  }
  return { changed, files: read.sources.map((s) => s.path), diagnostics, texts: new Map(read.sources.map((s) => [s.path, s.text])) };
}

