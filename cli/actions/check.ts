/** `qingdan check`: parse and check policy sources without writing anything. */
import { checkSources, readSources } from '../../compiler/compile.js';
import { EXIT } from '../exit.js';
import { say } from '../messages.js';
import type { Io } from '../io.js';
import { diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';

/** Checks the sources under `paths`; returns the exit code. */
export async function check(io: Io, paths: readonly string[], options: { json?: boolean }): Promise<number> {
  const read = await readSources(paths, io.cwd);
  const diagnostics = read.diagnostics.length ? read.diagnostics : checkSources(read.sources).diagnostics;
  if (options.json) printJson(io, { ok: exitFor(diagnostics) === 0, files: read.sources.map((s) => s.path), diagnostics: diagnosticsJson(io, diagnostics) });
  else {
    printDiagnostics(io, diagnostics, new Map(read.sources.map((s) => [s.path, s.text])));
    if (exitFor(diagnostics) === 0) io.stderr.write(`${say(io, 'check-clean', { count: read.sources.length })}\n`);
  }
  return read.diagnostics.length ? EXIT.usage : exitFor(diagnostics);
}
