/** `qingdan build`: compile the policy into a validated artifact set. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build as buildPolicy } from '../../compiler/build.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';

/** Builds the sources under `paths` into `options.out`; returns the exit code. */
export async function build(io: Io, paths: readonly string[], options: { out: string; json?: boolean; amendmentsSince?: string }): Promise<number> {
  const result = await buildPolicy({ paths, outDir: options.out, root: io.cwd, ...(options.amendmentsSince ? { amendmentsSince: options.amendmentsSince } : {}) });
  const written = result.files ? [...result.files.keys()].sort() : [];
  if (options.json) {
    printJson(io, { ok: !!result.files, outDir: options.out, files: written, diagnostics: diagnosticsJson(result.diagnostics) });
  } else {
    const texts = new Map<string, string>();
    for (const d of result.diagnostics) {
      const file = d.span?.file;
      if (file && !texts.has(file)) texts.set(file, await readFile(resolve(io.cwd, file), 'utf8').catch(() => ''));
    }
    printDiagnostics(io, result.diagnostics, texts);
    if (result.files) io.stderr.write(`built ${written.length} files into ${options.out}/\n`);
    else io.stderr.write(`build failed: ${options.out}/ left unchanged\n`);
  }
  const unreadable = result.diagnostics.some((d) => d.id === 'cannot-read' || d.id === 'no-sources');
  return unreadable ? EXIT.usage : result.files ? exitFor(result.diagnostics) : Math.max(EXIT.policyErrors, exitFor(result.diagnostics));
}
