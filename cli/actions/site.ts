/** `qingdan site`: read the head from git objects, emit the site, replace the output folder. */
import { resolve } from 'node:path';
import { inspectOutput, publishOutput } from '../../compiler/output-folder.js';
import { readSiteInput } from '../../compiler/site/input.js';
import { emitSite } from '../../compiler/site/site.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { say } from '../messages.js';
import { today } from '../../runtime/dates.js';
import { dateOptionError } from '../date-option.js';
import { printUsageError } from '../usage-error.js';
import { exitFor, printDiagnostics } from '../output.js';
import { repositoryFolder } from '../repository-folder.js';

/** Writes the site into `options.out`; returns the exit code. */
export async function site(io: Io, options: { out: string; date?: string; head: string; base?: string }): Promise<number> {
  const date = options.date ?? today();
  const badDate = dateOptionError(date, '--date');
  if (badDate) {
    printUsageError(io, badDate.diagnostic);
    return EXIT.usage;
  }
  const root = await repositoryFolder(io.cwd);
  const output = { out: resolve(io.cwd, options.out), root, sources: [resolve(root, 'policy'), resolve(root, 'proposals')], writes: 'site' as const };
  const refused = (await inspectOutput(output, options.out)).diagnostics;
  if (refused.length > 0) {
    printDiagnostics(io, refused, new Map());
    return EXIT.usage;
  }
  const read = await readSiteInput(root, { head: options.head, date, ...(options.base ? { base: options.base } : {}) });
  printDiagnostics(io, read.diagnostics, new Map(read.sources.map((s) => [s.path, s.text])));
  if (!read.input) return read.diagnostics.some((d) => d.code.startsWith('QD4')) ? EXIT.usage : Math.max(EXIT.policyErrors, exitFor(read.diagnostics));
  const files = emitSite(read.input);
  const now = await inspectOutput(output, options.out);
  if (!now.state) {
    printDiagnostics(io, now.diagnostics, new Map());
    return EXIT.usage;
  }
  await publishOutput(output.out, now.state, files);
  io.stderr.write(`${say(io, 'site-written', { count: files.size, folder: `${options.out}/`, index: `${options.out}/index.html` })}\n`);
  return EXIT.ok;
}
