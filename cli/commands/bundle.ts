/** `qingdan bundle [paths…] [-o file] [--sign key] [--gazette]`: build and pack a (signed) bundle. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerBundle(program: Command, run: Run): void {
  program
    .command('bundle')
    .argument('[paths...]', '', ['policy'])
    .option('-o, --out <file>', '', 'qingdan-bundle.tar.gz')
    .option('--sign <private.pem>')
    .option('--gazette')
    .action((paths: string[], options: { out: string; sign?: string; gazette?: boolean }) =>
      run(async (io) => (await import('../actions/bundle.js')).bundle(io, paths, options)),
    );
}
