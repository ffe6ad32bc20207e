/**
 * `qingdan diff [base] [head]`: the policy change between two revisions in regulatory terms;
 * `qingdan release check`: CI's gate that policy changes come with a large enough changeset.
 */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerDiff(program: Command, run: Run): void {
  program
    .command('diff')
    .description('compare the policy at two git revisions in regulatory terms')
    .argument('[base]', 'base revision (default: the merge-base of HEAD with main)')
    .argument('[head]', 'head revision (default: the working tree)')
    .option('-f, --format <format>', 'markdown | json | amendment', 'markdown')
    .option('--max-bytes <n>', 'cut the Markdown report at this size (for PR comments)', '60000')
    .option('--changeset', 'write a changeset whose bump and summary follow the diff')
    .action((base: string | undefined, head: string | undefined, options: { format: string; maxBytes: string; changeset?: boolean }) =>
      run(async (io) => (await import('../actions/diff.js')).diff(io, base, head, options)),
    );

  const release = program.command('release').description('release checks for CI');
  release
    .command('check')
    .description('fail when policy/ changed since the base without a changeset, or with a lower bump than the diff requires')
    .option('--base <revision>', 'base revision (default: the merge-base of HEAD with main)')
    .option('--json', 'print the verdict as JSON')
    .action((options: { base?: string; json?: boolean }) => run(async (io) => (await import('../actions/diff.js')).releaseCheck(io, options)));
}
