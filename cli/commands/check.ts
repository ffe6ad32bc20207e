/** `qingdan check [paths…]`: parse and check policy sources without writing anything. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerCheck(program: Command, run: Run): void {
  program
    .command('check')
    .argument('[paths...]', '', ['policy'])
    .option('--json')
    .action((paths: string[], options: { json?: boolean }) => run(async (io) => (await import('../actions/check.js')).check(io, paths, options)));
}
