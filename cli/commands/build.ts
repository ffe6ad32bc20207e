/** `qingdan build [paths…] [--out dir]`: compile the policy into a validated artifact set. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerBuild(program: Command, run: Run): void {
  program
    .command('build')
    .argument('[paths...]', '', ['policy'])
    .option('-o, --out <dir>', '', 'dist')
    .option('--amendments-since <revision>')
    .option('--json')
    .action((paths: string[], options: { out: string; json?: boolean; amendmentsSince?: string }) =>
      run(async (io) => (await import('../actions/build.js')).build(io, paths, options)),
    );
}
