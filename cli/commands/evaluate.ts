/** `qingdan evaluate <request.json|->`: decide a planned transfer with the built policy. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerEvaluate(program: Command, run: Run): void {
  program
    .command('evaluate')
    .description('decide the pathway of a planned transfer described by a request (JSON file, or - for stdin)')
    .argument('<request>', 'request.json, or - to read standard input')
    .option('--dist <dir>', 'the built policy bundle', 'dist')
    .option('--as-of <date>', 'override the request’s asOf (YYYY-MM-DD)')
    .option('--preview', 'let draft, consultation and approved lists decide too')
    .option('--json', 'print the response JSON')
    .action((path: string, options: { dist: string; asOf?: string; preview?: boolean; json?: boolean }) =>
      run(async (io) => (await import('../actions/evaluate.js')).evaluate(io, path, options)),
    );
}
