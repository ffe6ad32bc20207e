/** `qingdan new list <id> --sector Sxx`: write the skeleton of a new negative list. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerNew(program: Command, run: Run): void {
  const create = program.command('new').description('create policy files from skeletons');
  create
    .command('list')
    .description('write policy/lists/<id>.qd: a complete draft list for the sector that passes check, its texts marked 待填写')
    .argument('<id>', 'the list id (lower-case letters, digits, hyphens)')
    .requiredOption('--sector <Sxx>', 'the annex subcategory the list covers')
    .option('--effective <YYYY-MM-DD>', 'first day in effect (default: the first of next month); the list runs two years')
    .option('--policy <dir>', 'the policy folder', 'policy')
    .action((id: string, options: { sector: string; effective?: string; policy: string }) => run(async (io) => (await import('../actions/new.js')).newList(io, id, options)));
}
