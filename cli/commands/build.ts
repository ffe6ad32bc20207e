/** `qingdan build [paths…] [--out dir]`: compile the policy into a validated artifact set. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerBuild(program: Command, run: Run): void {
  program
    .command('build')
    .description('compile .qd sources into dist/: policy.json, manifest.json and their JSON Schemas')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('-o, --out <dir>', 'output folder (replaced only when the build succeeds)', 'dist')
    .option('--amendments-since <revision>', 'add a revision note (修订说明) to the gazette: the amendments since this git revision')
    .option('--json', 'print the result as JSON on stdout')
    .action((paths: string[], options: { out: string; json?: boolean; amendmentsSince?: string }) =>
      run(async (io) => (await import('../actions/build.js')).build(io, paths, options)),
    );
}
