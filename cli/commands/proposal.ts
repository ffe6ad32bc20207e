/**
 * `qingdan proposal new|status|advance|comment|resolve|sign|check`: drafting a list through the
 * stages of measures Art. 9. Commands write files; committing them (as yourself, signed when
 * the roster holds your key) is up to you, and `governance check` verifies who did.
 */
import type { Command } from 'commander';
import { SIGNED_STAGES } from '../../compiler/governance/stages.js';
import type { Run } from '../command.js';

export function registerProposal(program: Command, run: Run): void {
  const proposal = program.command('proposal').description('draft a list through the stages of measures Art. 9 (proposals/<id>/)');

  proposal
    .command('new')
    .description('create proposals/<YYYY-NNNN-slug>/proposal.yaml at the draft stage')
    .argument('<slug>', 'short name, e.g. icv')
    .requiredOption('--title <title>', 'the list\u2019s title')
    .option('--kind <kind>', 'list (default), baseline (national baseline, measures, annex) or governance (the roster)')
    .option('--sector <sector>', 'annex sector, e.g. S16 (list proposals)')
    .option('--list <ids...>', 'the lists it touches (list proposals)')
    .requiredOption('--author <people...>', 'roster ids of its authors')
    .option('--date <date>', 'date of the draft (default: today)')
    .action((slug: string, o: { title: string; kind?: string; sector?: string; list?: string[]; author: string[]; date?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalNew(io, slug, o)),
    );

  proposal
    .command('status')
    .description('show a proposal\u2019s stage and what it needs to move on')
    .argument('[id]', 'proposal id (default: all)')
    .option('--json', 'print as JSON')
    .action((id: string | undefined, o: { json?: boolean }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalStatus(io, id, o)),
    );

  proposal
    .command('advance')
    .description('move a proposal to its next stage (or --to withdrawn|rejected|superseded) and update its lists\u2019 status')
    .argument('<id>', 'proposal id')
    .option('--to <stage>', 'target stage (default: the next one)')
    .option('--date <date>', 'date of the transition (default: today)')
    .option('--receipt <receipt>', 'the national filing receipt (entering filed)')
    .option('--filing-date <date>', 'date of the filing receipt (default: --date)')
    .option('--superseded-by <id>', 'the proposal that supersedes this one')
    .option('--note <text>', 'a note in the history')
    .action((id: string, o: { to?: string; date?: string; receipt?: string; filingDate?: string; supersededBy?: string; note?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalAdvance(io, id, o)),
    );

  proposal
    .command('comment')
    .description('record a comment (or, with --concern, a concern that blocks approval) on a proposal')
    .argument('<id>', 'proposal id')
    .requiredOption('--target <target>', 'what it is about: a list or list item (icv.owner-pi)')
    .requiredOption('--text <text>', 'the comment')
    .option('--author <name>', 'who commented (a department, a company, a person)')
    .option('--person <id>', 'the roster id of the commenter, when they are in the roster')
    .option('--concern', 'a concern: blocks approval until its raiser resolves it (needs --person)')
    .option('--date <date>', 'date (default: today)')
    .action((id: string, o: { target: string; text: string; author?: string; person?: string; concern?: boolean; date?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalComment(io, id, o)),
    );

  proposal
    .command('resolve')
    .description('give a comment its disposition, or resolve a concern (only its raiser may)')
    .argument('<id>', 'proposal id')
    .argument('<item>', 'comment or concern number, e.g. 001')
    .option('--decision <decision>', 'for a comment: accepted | partly | rejected')
    .option('--reason <text>', 'why (required for partly and rejected)')
    .requiredOption('--by <person>', 'roster id of who decides (for a concern: its raiser)')
    .option('--note <text>', 'for a concern: how it was resolved')
    .option('--as-chair', 'for a concern: resolved by the chair (the roster\u2019s chair role) in place of its raiser')
    .option('--date <date>', 'date (default: today)')
    .action((id: string, item: string, o: { decision?: string; reason?: string; by: string; note?: string; asChair?: boolean; date?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalResolve(io, id, item, o)),
    );

  proposal
    .command('sign')
    .description('write a sign-off (signoffs/<stage>--<role>--<person>.yaml) binding what HEAD holds; commit it yourself, signed with your key')
    .argument('<id>', 'proposal id')
    .requiredOption('--stage <stage>', `the stage signed: ${SIGNED_STAGES.join(' | ')}`)
    .requiredOption('--role <role>', 'the role you sign in')
    .requiredOption('--person <id>', 'your roster id')
    .option('--date <date>', 'date (default: today)')
    .option('--note <text>', 'a note')
    .action((id: string, o: { stage: string; role: string; person: string; date?: string; note?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalSign(io, id, o)),
    );

  proposal
    .command('check')
    .description('check proposals (default: all) with every governance rule')
    .argument('[ids...]', 'proposal ids')
    .option('--no-history', 'skip the rules that read git history')
    .option('--json', 'print the verdict as JSON')
    .action((ids: string[], o: { history: boolean; json?: boolean }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalCheck(io, ids, o)),
    );
}
