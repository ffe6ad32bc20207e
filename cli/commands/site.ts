/** `qingdan site [-o site]`: the static review site (proposals board, proposal pages, gazette). */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerSite(program: Command, run: Run): void {
  program
    .command('site')
    .option('-o, --out <dir>', '', 'site')
    .option('--date <date>')
    .option('--head <revision>', '', 'HEAD')
    .option('--base <revision>')
    .action((options: { out: string; date?: string; head: string; base?: string }) =>
      run(async (io) => (await import('../actions/site.js')).site(io, options)),
    );
}
