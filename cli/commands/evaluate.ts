/** `qingdan evaluate <request.json|->`: decide a planned transfer with the built policy. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import pc from 'picocolors';
import { InvalidRequestError, Policy, PolicyLoadError } from '../../runtime/index.js';
import type { EvaluationResponse } from '../../runtime/request.js';
import { EXIT, printJson, useColor } from '../output.js';

const OUTCOME_ZH: Record<string, string> = {
  'security-assessment': '数据出境安全评估',
  'standard-contract-or-certification': '个人信息出境标准合同或个人信息保护认证',
  exempt: '免于申报',
  'not-applicable': '不适用',
  indeterminate: '无法判定',
};

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The decision as a person reads it: pathway, reasons with citations, obligations. */
export function formatDecision(d: EvaluationResponse, color: boolean): string {
  const c = pc.createColors(color);
  const lines = [
    `${c.bold('pathway')}: ${c.bold(d.pathway)} （${OUTCOME_ZH[d.pathway]}）${d.preview ? c.yellow('  [preview: lists not yet in force decided too]') : ''}`,
    `${c.bold('basis')}: ${d.basis.kind === 'list' ? `list ${d.basis.lists.join(', ')}` : d.basis.kind === 'baseline' ? `national baseline (${d.basis.id})` : 'none'}`,
    `${c.bold('as of')}: ${d.asOf}`,
    '',
    c.bold('reasons'),
  ];
  for (const r of d.reasons) {
    lines.push(`  - [${r.outcome}] ${r.message.zh}${r.inferred ? c.dim(' (inferred)') : ''}`);
    lines.push(c.dim(`    ${r.message.en}`));
    lines.push(c.dim(`    ${r.code}${r.source ? ` · ${r.source}` : ''} · cites ${r.citations.join(', ')}`));
  }
  for (const [title, list] of [['obligations', d.obligations], ['advisories', d.advisories]] as const) {
    if (list.length === 0) continue;
    lines.push('', c.bold(title));
    for (const o of list) lines.push(`  - ${o.message.zh}`, c.dim(`    ${o.message.en}`), c.dim(`    ${o.code} · cites ${o.citations.join(', ')}`));
  }
  lines.push('', c.dim(`policy ${d.policy.version} · sha256 ${d.policy.digest}`));
  return lines.join('\n');
}

export function registerEvaluate(program: Command, setExit: (code: number) => void): void {
  program
    .command('evaluate')
    .description('decide the pathway of a planned transfer described by a request (JSON file, or - for stdin)')
    .argument('<request>', 'request.json, or - to read standard input')
    .option('--dist <dir>', 'the built policy bundle', 'dist')
    .option('--as-of <date>', 'override the request’s asOf (YYYY-MM-DD)')
    .option('--preview', 'let draft, consultation and approved lists decide too')
    .option('--json', 'print the response JSON')
    .action(async (path: string, options: { dist: string; asOf?: string; preview?: boolean; json?: boolean }) => {
      let request: unknown;
      try {
        request = JSON.parse(await readInput(path));
      } catch (e) {
        process.stderr.write(`qingdan: cannot read the request ${path}: ${(e as Error).message}\n`);
        return setExit(EXIT.usage);
      }
      if (request && typeof request === 'object' && !Array.isArray(request)) {
        request = { ...request, ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.preview ? { preview: true } : {}) };
      }
      let policy: Policy;
      try {
        policy = await Policy.load(options.dist);
      } catch (e) {
        if (!(e instanceof PolicyLoadError)) throw e;
        process.stderr.write(`qingdan: cannot load the policy: ${e.message}\n`);
        return setExit(EXIT.usage);
      }
      try {
        const decision = policy.evaluate(request);
        process.stdout.write(options.json ? `${JSON.stringify(decision, null, 2)}\n` : `${formatDecision(decision, useColor())}\n`);
        setExit(EXIT.ok);
      } catch (e) {
        if (!(e instanceof InvalidRequestError)) throw e;
        if (options.json) printJson({ error: 'invalid-request', problems: e.problems });
        else {
          process.stderr.write(`invalid request: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}\n`);
          for (const p of e.problems) process.stderr.write(`  ${p.pointer || '/'}: ${p.message}\n`);
        }
        setExit(EXIT.usage);
      }
    });
}
