/**
 * `qingdan gazette --pdf`: prints the built HTML gazette to PDF with Debian's chromium. The
 * HTML and Markdown gazettes themselves are written by `qingdan build`.
 */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerGazette(program: Command, run: Run): void {
  program
    .command('gazette')
    .argument('[pages...]')
    .option('--dist <dir>', '', 'dist')
    .option('--pdf')
    .option('-o, --out <dir>', '', 'gazette-pdf')
    .action((names: string[], options: { dist: string; pdf?: boolean; out: string }) =>
      run(async (io) => (await import('../actions/gazette.js')).gazette(io, names, options)),
    );
}
