/**
 * `qingdan diff [base] [head]`: the policy change between two revisions in regulatory terms;
 * `qingdan release check`: CI's gate that policy changes come with a large enough changeset.
 */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerDiff(program: Command, run: Run): void {
  program
    .command('diff')
    .argument('[base]')
    .argument('[head]')
    .option('-f, --format <format>', '', 'markdown')
    .option('--max-bytes <n>', '', '60000')
    .option('--changeset')
    .action((base: string | undefined, head: string | undefined, options: { format: string; maxBytes: string; changeset?: boolean }) =>
      run(async (io) => (await import('../actions/diff.js')).diff(io, base, head, options)),
    );

  const release = program.command('release');
  release
    .command('check')
    .option('--base <revision>')
    .option('--json')
    .action((options: { base?: string; json?: boolean }) => run(async (io) => (await import('../actions/diff.js')).releaseCheck(io, options)));
}
