/**
 * `qingdan report check <report.json>` and `qingdan report compare <report.json> <exports.jsonl>`:
 * the export report of measures Art. 15, checked against the current bundle, and sampled against
 * a log of actual exports (measures Art. 19). Exit 0 consistent; 1 invalid, changed or
 * inconsistent; 2 usage or I/O.
 */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export interface PolicySourceOptions {
  readonly bundle?: string;
  readonly dist: string;
  readonly key?: string[];
  readonly json?: boolean;
}

export function registerReport(program: Command, run: Run): void {
  const report = program.command('report');
  const source = (c: Command): Command =>
    c
      .option('--bundle <file>')
      .option('--dist <dir>', '', 'dist')
      .option('--key <public.pem...>')
      .option('--json');
  source(
    report
      .command('check')
      .argument('<report>')
      .option('--as-of <date>'),
  ).action((path: string, options: PolicySourceOptions & { asOf?: string }) => run(async (io) => (await import('../actions/report.js')).reportCheck(io, path, options)));
  source(
    report
      .command('compare')
      .argument('<report>')
      .argument('<exports>')
      .option('--max-persons <n>', '', '67108864'),
  ).action((path: string, log: string, options: PolicySourceOptions & { maxPersons: string }) =>
    run(async (io) => (await import('../actions/report.js')).reportCompare(io, path, log, options)),
  );
}
