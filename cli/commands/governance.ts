/** `qingdan governance check|codeowners`: the whole governance workflow, checked against git. */
import type { Command } from 'commander';
import type { Run } from '../command.js';
import { registerProposal } from './proposal.js';

/** Registers `qingdan governance …` and `qingdan proposal …` (one call in cli/main.ts). */
export function registerGovernance(program: Command, run: Run): void {
  registerProposal(program, run);
  const governance = program.command('governance').description('check the drafting workflow of the lists (rosters, proposals, sign-offs, git history)');
  governance
    .command('check')
    .description('check the roster, every proposal, the lists\u2019 statuses and, with git, who committed and signed each sign-off')
    .option('--base <revision>', 'the trusted revision: its roster is the trust root, and only commits after it are walked')
    .option('--head <revision>', 'the revision checked, read from git objects (default: HEAD)')
    .option('--no-history', 'skip the history walk (signatures and commit rules)')
    .option('--json', 'print the verdict as JSON')
    .action((options: { base?: string; head?: string; history: boolean; json?: boolean }) =>
      run(async (io) => (await import('../actions/governance.js')).governanceCheck(io, options)),
    );
  governance
    .command('codeowners')
    // Not CODEOWNERS_PATH: its module's imports reach the parser, which `qingdan --help` must not load.
    .description('regenerate the CODEOWNERS file from the roster')
    .option('--check', 'do not write; exit 1 when the file is out of date')
    .action((options: { check?: boolean }) => run(async (io) => (await import('../actions/governance.js')).governanceCodeowners(io, options)));
}
