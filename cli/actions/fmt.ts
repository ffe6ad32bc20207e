/** `qingdan fmt`: print `.qd` files in canonical layout, or list the ones that are not. */
import { formatFiles } from '../../compiler/format-files.js';
import { EXIT } from '../exit.js';
import { say } from '../messages.js';
import type { Io } from '../io.js';
import { exitFor, printDiagnostics } from '../output.js';

/** Formats the sources under `paths` (only checks them with `check`); returns the exit code. */
export async function fmt(io: Io, paths: readonly string[], options: { check?: boolean }): Promise<number> {
  const result = await formatFiles(paths, { check: !!options.check, cwd: io.cwd });
  printDiagnostics(io, result.diagnostics, result.texts);
  for (const path of result.changed) io.stdout.write(`${say(io, options.check ? 'fmt-would-reformat' : 'fmt-formatted', { path })}\n`);
  if (result.diagnostics.some((d) => d.code.startsWith('QD4'))) return EXIT.usage;
  if (exitFor(result.diagnostics) !== EXIT.ok || (options.check && result.changed.length > 0)) return EXIT.policyErrors;
  if (options.check) io.stderr.write(`${say(io, 'fmt-canonical', { count: result.files.length })}\n`);
  return EXIT.ok;
}
