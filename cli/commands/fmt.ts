/** `qingdan fmt [paths…] [--check]`: print `.qd` files in canonical layout. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerFmt(program: Command, run: Run): void {
  program
    .command('fmt')
    .argument('[paths...]', '', ['policy'])
    .option('--check')
    .action((paths: string[], options: { check?: boolean }) => run(async (io) => (await import('../actions/fmt.js')).fmt(io, paths, options)));
}
