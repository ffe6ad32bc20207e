/** `qingdan fmt [paths…] [--check]`: print `.qd` files in canonical layout. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerFmt(program: Command, run: Run): void {
  program
    .command('fmt')
    .description('rewrite .qd sources in canonical layout (comments and Chinese text kept); --check only lists the files that would change')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('--check', 'write nothing; exit 1 when a file is not in canonical form')
    .action((paths: string[], options: { check?: boolean }) => run(async (io) => (await import('../actions/fmt.js')).fmt(io, paths, options)));
}
