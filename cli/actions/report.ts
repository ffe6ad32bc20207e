/** `qingdan report check|compare`: print what runtime/report.ts and runtime/report-compare.ts find. */
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { checkReport, compareReport, fileChunks, isDiscrepancy, Policy, PolicyLoadError, reportProblems, type ExportReport, type ReportProblem } from '../../runtime/index.js';
import { dateOptionError } from '../date-option.js';
import type { PolicySourceOptions } from '../commands/report.js';
import { EXIT } from '../exit.js';
import { langOf, useColor, type Io } from '../io.js';
import { printJson } from '../output.js';
import { say } from '../messages.js';
import { printUsageError, usageError } from '../usage-error.js';
import { printPolicyRefused } from '../policy-refused.js';
import { readTrustedKeys } from '../trusted-keys.js';
import { readFailure } from '../../compiler/read-failure.js';
import { printableText } from '../../compiler/printable.js';
import { differenceText, logProblemText, problemString, reportProblemText, withText, type ProblemText } from '../../compiler/problem-messages.js';
import { readInput } from '../read-input.js';
import { decimalNumber } from '../decimal.js';

/** The report's JSON, or the exit code of why it cannot be read (2: I/O; 1: not JSON, said as a problem). */
async function readReport(io: Io, path: string, json: boolean | undefined): Promise<{ report: unknown } | { exit: number }> {
  const input = await readInput(io, path);
  if ('problem' in input) {
    printUsageError(io, input.problem);
    return { exit: EXIT.usage };
  }
  const { text } = input;
  try {
    return { report: JSON.parse(text) as unknown };
  } catch (e) {
    printProblems(io, path, [{ pointer: '', code: 'not-json', params: {}, message: (e as Error).message }], json);
    return { exit: EXIT.policyErrors };
  }
}

/** The policy to decide with: a bundle archive or a built folder, signed by `--key` when given. */
async function loadPolicy(io: Io, options: PolicySourceOptions): Promise<Policy | undefined> {
  let keys: string[] | undefined;
  if (options.key) {
    const trusted = await readTrustedKeys(io.cwd, options.key);
    if ('problem' in trusted) {
      printUsageError(io, trusted.problem);
      return undefined;
    }
    keys = trusted.keys;
  }
  try {
    return await Policy.load(resolve(io.cwd, options.bundle ?? options.dist), keys ? { trustedKeys: keys } : {});
  } catch (e) {
    if (e instanceof PolicyLoadError) printPolicyRefused(io, options.bundle ?? options.dist, e);
    else printUsageError(io, readFailure((e as NodeJS.ErrnoException).path ?? options.bundle ?? options.dist, e));
    return undefined;
  }
}

/** A report that is not JSON: said by the CLI beside the runtime's problems, as an export log's line is (`message`: JSON.parse's words). */
interface NotJson {
  readonly pointer: '';
  readonly code: 'not-json';
  readonly params: Readonly<Record<string, never>>;
  readonly message: string;
}

function problemTextOf(p: ReportProblem | NotJson): ProblemText {
  return p.code === 'not-json' ? { id: 'not-json', args: {} } : reportProblemText(p);
}

/**
 * `  <pointer> [<code>]：<text>`, and the words of the tool that said it, verbatim. Pointers and
 * names come from the file: control characters are shown escaped, never sent to the terminal.
 */
function problemLines(io: Io, where: string, code: string, t: ProblemText, detail: string | undefined): string {
  const lang = langOf(io);
  const line = `${printableText(`${where} [${code}]${lang === 'zh' ? '：' : ': '}${problemString(t, lang)}`)}\n`;
  return detail === undefined ? line : `${line}    ${printableText(say(io, 'tool-said', { tool: 'node', text: detail }))}\n`;
}

function printProblems(io: Io, path: string, problems: readonly (ReportProblem | NotJson)[], json: boolean | undefined): void {
  if (json) return printJson(io, { ok: false, problems: problems.map((p) => withText(p, problemTextOf(p), langOf(io))) });
  io.stderr.write(`${say(io, 'report-invalid', { path, count: problems.length })}\n`);
  for (const p of problems) io.stderr.write(problemLines(io, `  ${p.pointer || '/'}`, p.code, problemTextOf(p), p.code === 'not-json' ? p.message : undefined));
}

/** `report check`: 0 valid and unchanged; 1 invalid, or some pathway changed; 2 usage or I/O. */
export async function reportCheck(io: Io, path: string, options: PolicySourceOptions & { asOf?: string }): Promise<number> {
  const badDate = options.asOf === undefined ? undefined : dateOptionError(options.asOf, '--as-of');
  if (badDate) {
    printUsageError(io, badDate.diagnostic);
    return EXIT.usage;
  }
  const read = await readReport(io, path, options.json);
  if ('exit' in read) return read.exit;
  const policy = await loadPolicy(io, options);
  if (!policy) return EXIT.usage;
  const result = checkReport(policy, read.report, options.asOf);
  if (result.problems.length > 0) {
    printProblems(io, path, result.problems, options.json);
    return EXIT.policyErrors;
  }
  const report = read.report as ExportReport;
  const current = { version: policy.version, digest: policy.digest };
  if (options.json) printJson(io, { ok: result.changes.length === 0, filed: report.decision.policy, current, policyChanged: result.policyChanged, pathway: result.decision!.pathway, changes: result.changes });
  else {
    const c = pc.createColors(useColor(io, io.stdout));
    const lang = langOf(io);
    const filed = report.decision.policy.version;
    const lines = [result.policyChanged ? say(io, 'report-valid-redecided', { path, version: filed, current: current.version, digest: current.digest.slice(0, 12) }) : say(io, 'report-valid-current', { path, version: filed })];
    if (result.changes.length === 0) lines.push(c.green(say(io, 'report-unchanged', { pathway: report.decision.pathway })));
    for (const ch of result.changes) {
      lines.push(c.yellow(ch.item === undefined ? say(io, 'report-changed-transfer', { filed: ch.filed, now: ch.now }) : say(io, 'report-changed', { item: ch.item, filed: ch.filed, now: ch.now })));
      for (const r of ch.reasons) lines.push(`  - ${r.message[lang]}`, c.dim(`    ${r.code} · ${say(io, 'decision-cites', { citations: r.citations })}`));
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return result.changes.length === 0 ? EXIT.ok : EXIT.policyErrors;
}

/** The bytes of standard input, whatever the stream gives (text or bytes). */
async function* bytesOf(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/** `report compare`: 0 consistent; 1 invalid report or lines, or a discrepancy; 2 usage or I/O. */
export async function reportCompare(io: Io, path: string, logPath: string, options: PolicySourceOptions & { maxPersons: string }): Promise<number> {
  const maxPersons = decimalNumber(options.maxPersons);
  if (!Number.isSafeInteger(maxPersons) || maxPersons < 1) {
    printUsageError(io, usageError('cli-not-positive-integer', { option: '--max-persons', value: `'${options.maxPersons}'` }).diagnostic);
    return EXIT.usage;
  }
  const read = await readReport(io, path, options.json);
  if ('exit' in read) return read.exit;
  const policy = await loadPolicy(io, options);
  if (!policy) return EXIT.usage;
  const report = read.report;
  const problems = reportProblems(policy, report);
  if (problems.length > 0) {
    printProblems(io, path, problems, options.json);
    return EXIT.policyErrors;
  }
  // The log: a file, a pipe (`<(zcat log.gz)`), or standard input (`-`). A folder or a device
  // is refused by what it is: `/dev/null` and `<(…)` were both "a folder", and `-` was no file.
  let handle;
  let chunks: AsyncIterable<Uint8Array>;
  if (logPath === '-') chunks = bytesOf(io.stdin);
  else {
    try {
      handle = await open(resolve(io.cwd, logPath), 'r');
      const info = await handle.stat();
      if (info.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
      if (!info.isFile() && !info.isFIFO()) throw Object.assign(new Error('not a file'), { code: 'not-regular' });
    } catch (e) {
      await handle?.close();
      printUsageError(io, readFailure(logPath, e));
      return EXIT.usage;
    }
    chunks = fileChunks(handle);
  }
  let result;
  try {
    result = await compareReport(policy, report as ExportReport, chunks, { maxPersons });
  } catch (e) {
    // Only the file system's errors are the log's: anything else is not a read failure to blame on it.
    if (typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
    printUsageError(io, readFailure(logPath, e));
    return EXIT.usage;
  } finally {
    await handle?.close().catch(() => undefined);
  }
  const { count, differences } = result;
  const discrepancies = differences.filter(isDiscrepancy);
  const failed = discrepancies.length > 0 || count.invalid > 0 || count.incomplete;
  const lang = langOf(io);
  if (options.json) {
    const problems = count.problems.map((p) => withText(p, logProblemText(p), lang));
    printJson(io, { ok: !failed, year: count.year, lines: count.lines, otherYear: count.otherYear, invalid: count.invalid, incomplete: count.incomplete, problems, parts: count.parts, actualPathway: result.actualPathway, differences: differences.map((d) => withText(d, differenceText(d), lang)) });
  } else {
    const c = pc.createColors(useColor(io, io.stdout));
    for (const p of count.problems) io.stderr.write(problemLines(io, `${logPath}:${p.line}:${p.pointer ? ` ${p.pointer}` : ''}`, p.code, logProblemText(p), p.code === 'not-json' ? p.message : undefined));
    if (count.invalid > count.problems.length) io.stderr.write(`${say(io, 'log-more-bad-lines', { path: logPath, count: count.invalid - count.problems.length })}\n`);
    const excluded = count.parts.reduce((n, p) => n + p.excludedLines, 0);
    const counted = count.parts.reduce((n, p) => n + p.lines, 0);
    const lines = [say(io, 'log-summary', { path: logPath, lines: count.lines, year: count.year, counted, excluded, otherYear: count.otherYear, invalid: count.invalid })];
    if (count.incomplete) lines.push(c.red(say(io, 'log-incomplete')));
    for (const p of count.parts) lines.push(c.dim(`  ${say(io, 'log-part', { item: p.item, persons: p.persons, sensitivePersons: p.sensitivePersons, lines: p.lines, last: p.lastDate || '—' })}`));
    // Consistent only when nothing failed: a log of bad lines, or none, said "consistent" beside exit 1.
    if (!failed && differences.length === 0) lines.push(c.green(say(io, 'log-consistent', { path })));
    for (const d of differences) lines.push((isDiscrepancy(d) ? c.yellow : c.dim)(problemString(differenceText(d), lang)));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed ? EXIT.policyErrors : EXIT.ok;
}
