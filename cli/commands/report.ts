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
  const report = program.command('report').description('the export report of measures Art. 15: check it against the current bundle, compare it with an export log');
  const source = (c: Command): Command =>
    c
      .option('--bundle <file>', 'a bundle archive (qingdan bundle) to decide with')
      .option('--dist <dir>', 'the built policy to decide with (when no --bundle)', 'dist')
      .option('--key <public.pem...>', 'trusted Ed25519 public key(s): only a bundle they signed is used')
      .option('--json', 'print the result as JSON on stdout');
  source(
    report
      .command('check')
      .description('validate a report against its schema, re-decide it with the current bundle, and name every item whose pathway changed since it was filed')
      .argument('<report>', 'report.json')
      .option('--as-of <date>', 're-decide on this date instead of the report’s asOf (YYYY-MM-DD)'),
  ).action((path: string, options: PolicySourceOptions & { asOf?: string }) => run(async (io) => (await import('../actions/report.js')).reportCheck(io, path, options)));
  source(
    report
      .command('compare')
      .description('count a log of actual exports (one JSON line per transfer) as measures Art. 27 does, and list every difference from the report')
      .argument('<report>', 'report.json')
      .argument('<exports>', 'exports.jsonl')
      .option('--max-persons <n>', 'the most distinct person keys held for de-duplication (16–48 bytes each)', '67108864'),
  ).action((path: string, log: string, options: PolicySourceOptions & { maxPersons: string }) =>
    run(async (io) => (await import('../actions/report.js')).reportCompare(io, path, log, options)),
  );
}
