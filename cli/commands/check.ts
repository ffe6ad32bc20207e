/** `qingdan check [paths…]`: parse and check policy sources without writing anything. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerCheck(program: Command, run: Run): void {
  program
    .command('check')
    .description('parse and check .qd policy sources; report every problem with its location')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('--json', 'print diagnostics as JSON on stdout')
    .action((paths: string[], options: { json?: boolean }) => run(async (io) => (await import('../actions/check.js')).check(io, paths, options)));
}
