/** `qingdan governance check|codeowners`: the whole governance workflow, checked against git. */
import type { Command } from 'commander';
import type { Run } from '../command.js';
import { registerProposal } from './proposal.js';

/** Registers `qingdan governance …` and `qingdan proposal …` (one call in cli/main.ts). */
export function registerGovernance(program: Command, run: Run): void {
  registerProposal(program, run);
  const governance = program.command('governance');
  governance
    .command('check')
    .option('--base <revision>')
    .option('--head <revision>')
    .option('--no-history')
    .option('--json')
    .action((options: { base?: string; head?: string; history: boolean; json?: boolean }) =>
      run(async (io) => (await import('../actions/governance.js')).governanceCheck(io, options)),
    );
  governance
    .command('codeowners')
    // Not CODEOWNERS_PATH: its module's imports reach the parser, which `qingdan --help` must not load.
    .option('--check')
    .action((options: { check?: boolean }) => run(async (io) => (await import('../actions/governance.js')).governanceCodeowners(io, options)));
}
