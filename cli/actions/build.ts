/** `qingdan build`: compile the policy into a validated artifact set. */
import { build as buildPolicy, isUsageError } from '../../compiler/build.js';
import { EXIT } from '../exit.js';
import { say } from '../messages.js';
import type { Io } from '../io.js';
import { diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';

/** Builds the sources under `paths` into `options.out`; returns the exit code. */
export async function build(io: Io, paths: readonly string[], options: { out: string; json?: boolean; amendmentsSince?: string }): Promise<number> {
  const result = await buildPolicy({ paths, outDir: options.out, root: io.cwd, ...(options.amendmentsSince ? { amendmentsSince: options.amendmentsSince } : {}) });
  const written = result.files ? [...result.files.keys()].sort() : [];
  if (options.json) {
    printJson(io, { ok: !!result.files, outDir: options.out, files: written, diagnostics: diagnosticsJson(io, result.diagnostics) });
  } else {
    // Code frames come only from the sources as the build read them, never from a re-read.
    printDiagnostics(io, result.diagnostics, new Map((result.sources ?? []).map((s) => [s.path, s.text])));
    const folder = `${options.out}/`;
    io.stderr.write(`${result.files ? say(io, 'build-written', { count: written.length, folder }) : say(io, 'build-failed', { folder })}\n`);
  }
  const unreadable = result.diagnostics.some(isUsageError);
  return unreadable ? EXIT.usage : result.files ? exitFor(result.diagnostics) : Math.max(EXIT.policyErrors, exitFor(result.diagnostics));
}
