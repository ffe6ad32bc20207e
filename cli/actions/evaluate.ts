/** `qingdan evaluate`: decide a planned transfer with the built policy. */
import { resolve } from 'node:path';
import pc from 'picocolors';
import { InvalidRequestError, Policy, PolicyLoadError } from '../../runtime/index.js';
import type { EvaluationResponse } from '../../runtime/request.js';
import { diagnostic } from '../../compiler/diagnostics.js';
import { EXIT } from '../exit.js';
import { dateOptionError } from '../date-option.js';
import { langOf, useColor, type Io } from '../io.js';
import { printJson } from '../output.js';
import { say } from '../messages.js';
import { printUsageError } from '../usage-error.js';
import { printPolicyRefused } from '../policy-refused.js';
import { requestProblemLine } from '../request-problem-line.js';
import { requestProblemText, withText } from '../../compiler/problem-messages.js';
import { OUTCOME_NAME_ZH } from '../../runtime/pathway-words.js';
import { readInput } from '../read-input.js';

/**
 * The decision as a person reads it: pathway, reasons with citations, obligations, in the
 * reader's language; an English reader also sees the Chinese wording, which is the law's, dimmed.
 */
export function formatDecision(io: Io, d: EvaluationResponse): string {
  const c = pc.createColors(useColor(io, io.stdout));
  const lang = langOf(io);
  const chinese = (message: { zh: string }) => (lang === 'en' ? [c.dim(`    ${message.zh}`)] : []);
  const label = (text: string) => `${c.bold(text)}${lang === 'zh' ? '：' : ': '}`;
  const cites = (code: string, citations: readonly string[]) => c.dim(`    ${code} · ${say(io, 'decision-cites', { citations })}`);
  const basis = d.basis.kind === 'list' ? say(io, 'decision-basis-list', { lists: d.basis.lists }) : d.basis.kind === 'baseline' ? say(io, 'decision-basis-baseline', { id: d.basis.id }) : say(io, 'decision-basis-none');
  const lines = [
    `${label(say(io, 'decision-pathway'))}${c.bold(d.pathway)} （${OUTCOME_NAME_ZH[d.pathway]}）${d.preview ? c.yellow(`  ${say(io, 'decision-preview')}`) : ''}`,
    `${label(say(io, 'decision-basis'))}${basis}`,
    `${label(say(io, 'decision-as-of'))}${d.asOf}`,
    '',
    c.bold(say(io, 'decision-reasons')),
  ];
  for (const r of d.reasons) {
    lines.push(`  - [${r.outcome}] ${r.message[lang]}${r.inferred ? c.dim(` ${say(io, 'decision-inferred')}`) : ''}`);
    lines.push(...chinese(r.message));
    lines.push(cites(`${r.code}${r.source ? ` · ${r.source}` : ''}`, r.citations));
  }
  for (const [title, list] of [[say(io, 'decision-obligations'), d.obligations], [say(io, 'decision-advisories'), d.advisories]] as const) {
    if (list.length === 0) continue;
    lines.push('', c.bold(title));
    for (const o of list) lines.push(`  - ${o.message[lang]}`, ...chinese(o.message), cites(o.code, o.citations));
  }
  lines.push('', c.dim(say(io, 'decision-policy', { version: d.policy.version, digest: d.policy.digest })));
  return lines.join('\n');
}

/** Decides the request at `path` (or stdin for `-`) with the policy built in `options.dist`; returns the exit code. */
export async function evaluate(io: Io, path: string, options: { dist: string; asOf?: string; preview?: boolean; json?: boolean }): Promise<number> {
  // As report check does: `--as-of 2027-02-29` blamed the request's own date, and `--as-of ''` was ignored.
  const badDate = options.asOf === undefined ? undefined : dateOptionError(options.asOf, '--as-of');
  if (badDate) {
    printUsageError(io, badDate.diagnostic);
    return EXIT.usage;
  }
  const input = await readInput(io, path);
  if ('problem' in input) {
    printUsageError(io, input.problem);
    return EXIT.usage;
  }
  const { text } = input;
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (e) {
    printUsageError(io, diagnostic('cli-request-not-json', undefined, { path }, { detail: { tool: 'node', text: (e as Error).message } }));
    return EXIT.usage;
  }
  if (request && typeof request === 'object' && !Array.isArray(request)) {
    request = { ...request, ...(options.asOf !== undefined ? { asOf: options.asOf } : {}), ...(options.preview ? { preview: true } : {}) };
  }
  let policy: Policy;
  try {
    policy = await Policy.load(resolve(io.cwd, options.dist));
  } catch (e) {
    if (!(e instanceof PolicyLoadError)) throw e;
    printPolicyRefused(io, options.dist, e);
    return EXIT.usage;
  }
  try {
    const decision = policy.evaluate(request);
    io.stdout.write(options.json ? `${JSON.stringify(decision, null, 2)}\n` : `${formatDecision(io, decision)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof InvalidRequestError)) throw e;
    const lang = langOf(io);
    if (options.json) printJson(io, { error: 'invalid-request', problems: e.problems.map((p) => withText(p, requestProblemText(p), lang)) });
    else {
      io.stderr.write(`${say(io, 'request-invalid', { path, count: e.problems.length })}\n`);
      for (const p of e.problems) io.stderr.write(requestProblemLine(p, lang));
    }
    // The request has errors, as a report does for report check (exit 1); 2 is for usage and I/O.
    return EXIT.policyErrors;
  }
}
