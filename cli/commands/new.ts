/** `qingdan new list <id> --sector Sxx`: write the skeleton of a new negative list. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkSources, readSources } from '../../compiler/compile.js';
import { newListSkeleton } from '../../compiler/new-list.js';
import { EXIT, printDiagnostics } from '../output.js';

function firstOfNextMonth(now: Date): string {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return next.toISOString().slice(0, 10);
}

export function registerNew(program: Command, setExit: (code: number) => void): void {
  const create = program.command('new').description('create policy files from skeletons');
  create
    .command('list')
    .description('write policy/lists/<id>.qd: a complete draft list for the sector that passes check, its texts marked 待填写')
    .argument('<id>', 'the list id (lower-case letters, digits, hyphens)')
    .requiredOption('--sector <Sxx>', 'the annex subcategory the list covers')
    .option('--effective <YYYY-MM-DD>', 'first day in effect (default: the first of next month); the list runs two years')
    .option('--policy <dir>', 'the policy folder', 'policy')
    .action(async (id: string, options: { sector: string; effective?: string; policy: string }) => {
      const read = await readSources([options.policy]);
      const checked = checkSources(read.sources);
      const effectiveFrom = options.effective ?? firstOfNextMonth(new Date());
      const result = newListSkeleton({ id, sector: options.sector, effectiveFrom }, checked.files, checked.symbols);
      if ('diagnostics' in result) {
        printDiagnostics(result.diagnostics, new Map());
        return setExit(EXIT.usage);
      }
      const path = join(options.policy, 'lists', `${id}.qd`);
      if (existsSync(path)) {
        process.stderr.write(`qingdan: ${path} exists already\n`);
        return setExit(EXIT.usage);
      }
      await mkdir(join(options.policy, 'lists'), { recursive: true });
      await writeFile(path, result.text, { flag: 'wx' });
      process.stdout.write(`wrote ${path}\n`);
    });
  create.commands.forEach((c) => c.exitOverride());
}
