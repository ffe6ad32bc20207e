/** `qingdan evaluate <request.json|->`: decide a planned transfer with the built policy. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerEvaluate(program: Command, run: Run): void {
  program
    .command('evaluate')
    .argument('<request>')
    .option('--dist <dir>', '', 'dist')
    .option('--as-of <date>')
    .option('--preview')
    .option('--json')
    .action((path: string, options: { dist: string; asOf?: string; preview?: boolean; json?: boolean }) =>
      run(async (io) => (await import('../actions/evaluate.js')).evaluate(io, path, options)),
    );
}
