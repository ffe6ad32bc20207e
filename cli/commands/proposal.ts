/**
 * `qingdan proposal new|status|advance|comment|resolve|sign|check`: drafting a list through the
 * stages of measures Art. 9. Commands write files; committing them (as yourself, signed when
 * the roster holds your key) is up to you, and `governance check` verifies who did.
 */
import { Option, type Command } from 'commander';
import { SIGNED_STAGES } from '../../compiler/governance/stages.js';
import type { Run } from '../command.js';

export function registerProposal(program: Command, run: Run): void {
  const proposal = program.command('proposal');

  proposal
    .command('new')
    .argument('<slug>')
    .requiredOption('--title <title>')
    .option('--kind <kind>')
    .option('--sector <sector>')
    .option('--list <ids...>')
    .requiredOption('--author <people...>')
    .option('--date <date>')
    .action((slug: string, o: { title: string; kind?: string; sector?: string; list?: string[]; author: string[]; date?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalNew(io, slug, o)),
    );

  proposal
    .command('status')
    .argument('[id]')
    .option('--json')
    .action((id: string | undefined, o: { json?: boolean }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalStatus(io, id, o)),
    );

  proposal
    .command('advance')
    .argument('<id>')
    .option('--to <stage>')
    .option('--date <date>')
    .option('--receipt <receipt>')
    .option('--filing-date <date>')
    .option('--superseded-by <id>')
    .option('--note <text>')
    .action((id: string, o: { to?: string; date?: string; receipt?: string; filingDate?: string; supersededBy?: string; note?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalAdvance(io, id, o)),
    );

  proposal
    .command('comment')
    .argument('<id>')
    .requiredOption('--target <target>')
    .requiredOption('--text <text>')
    .option('--author <name>')
    .option('--person <id>')
    .option('--concern')
    .option('--date <date>')
    .action((id: string, o: { target: string; text: string; author?: string; person?: string; concern?: boolean; date?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalComment(io, id, o)),
    );

  proposal
    .command('resolve')
    .argument('<id>')
    .argument('<item>')
    .option('--decision <decision>')
    .option('--reason <text>')
    .requiredOption('--by <person>')
    .option('--note <text>')
    .option('--as-chair')
    .option('--date <date>')
    .action((id: string, item: string, o: { decision?: string; reason?: string; by: string; note?: string; asChair?: boolean; date?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalResolve(io, id, item, o)),
    );

  proposal
    .command('sign')
    .argument('<id>')
    .addOption(new Option('--stage <stage>').choices(SIGNED_STAGES).makeOptionMandatory())
    .requiredOption('--role <role>')
    .requiredOption('--person <id>')
    .option('--date <date>')
    .option('--note <text>')
    .action((id: string, o: { stage: string; role: string; person: string; date?: string; note?: string }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalSign(io, id, o)),
    );

  proposal
    .command('check')
    .argument('[ids...]')
    .option('--no-history')
    .option('--json')
    .action((ids: string[], o: { history: boolean; json?: boolean }) =>
      run(async (io) => (await import('../actions/proposal.js')).proposalCheck(io, ids, o)),
    );
}
