/**
 * `qingdan gazette --pdf`: prints the built HTML gazette to PDF with Debian's chromium. The
 * HTML and Markdown gazettes themselves are written by `qingdan build`.
 */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerGazette(program: Command, run: Run): void {
  program
    .command('gazette')
    .description('print the built gazette (dist/gazette/*.html) to PDF with chromium')
    .argument('[pages...]', 'pages to print, e.g. measures lists/icv (default: all)')
    .option('--dist <dir>', 'the build output holding gazette/', 'dist')
    .option('--pdf', 'print every page to PDF')
    .option('-o, --out <dir>', 'where the PDFs go', 'gazette-pdf')
    .action((names: string[], options: { dist: string; pdf?: boolean; out: string }) =>
      run(async (io) => (await import('../actions/gazette.js')).gazette(io, names, options)),
    );
}
