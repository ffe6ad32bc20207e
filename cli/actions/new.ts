/** `qingdan new list`: write a new list's skeleton into the policy folder. */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import { checkSources, readSources } from '../../compiler/compile.js';
import { newListSkeleton } from '../../compiler/new-list.js';
import { EXIT } from '../exit.js';
import type { Io } from '../io.js';
import { say } from '../messages.js';
import { printUsageError, usageError } from '../usage-error.js';
import { printDiagnostics } from '../output.js';

function firstOfNextMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Writes `<policy>/lists/<id>.qd` (never over an existing file); returns the exit code. */
export async function newList(io: Io, id: string, options: { sector: string; effective?: string; policy: string }): Promise<number> {
  const read = await readSources([options.policy], io.cwd);
  const checked = checkSources(read.sources);
  const result = newListSkeleton({ id, sector: options.sector, effectiveFrom: options.effective ?? firstOfNextMonth(new Date()) }, checked.files, checked.symbols);
  if ('diagnostics' in result) {
    printDiagnostics(io, result.diagnostics, new Map());
    return EXIT.usage;
  }
  const path = join(options.policy, 'lists', `${id}.qd`);
  await makeDirectory(resolve(io.cwd, options.policy, 'lists'));
  try {
    await writeFile(resolve(io.cwd, path), result.text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    printUsageError(io, usageError('cli-file-exists', { path }).diagnostic);
    return EXIT.usage;
  }
  io.stdout.write(`${say(io, 'file-written', { path })}\n`);
  return EXIT.ok;
}
