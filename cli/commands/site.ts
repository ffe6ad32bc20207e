/** `qingdan site [-o site]`: the static review site (proposals board, proposal pages, gazette). */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerSite(program: Command, run: Run): void {
  program
    .command('site')
    .description('write the static review site: proposals board, a page per proposal, the gazette (read from git objects)')
    .option('-o, --out <dir>', 'output folder (replaced only when the site is complete)', 'site')
    .option('--date <date>', 'the day ages and review deadlines are counted to (default: today, UTC)')
    .option('--head <revision>', 'the revision shown', 'HEAD')
    .option('--base <revision>', 'compare every proposal with this revision (default: the commit before each proposal was created)')
    .action((options: { out: string; date?: string; head: string; base?: string }) =>
      run(async (io) => (await import('../actions/site.js')).site(io, options)),
    );
}
