/** `qingdan new list <id> --sector Sxx`: write the skeleton of a new negative list. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerNew(program: Command, run: Run): void {
  const create = program.command('new');
  create
    .command('list')
    .argument('<id>')
    .requiredOption('--sector <Sxx>')
    .option('--effective <YYYY-MM-DD>')
    .option('--policy <dir>', '', 'policy')
    .action((id: string, options: { sector: string; effective?: string; policy: string }) => run(async (io) => (await import('../actions/new.js')).newList(io, id, options)));
}
