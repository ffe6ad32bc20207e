/** `qingdan report check|compare`: print what runtime/report.ts and runtime/report-compare.ts find. */
import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { checkReport, compareReport, fileChunks, isDiscrepancy, Policy, PolicyLoadError, reportProblems, type Difference, type ExportReport, type ReportProblem } from '../../runtime/index.js';
import { realDate } from '../../runtime/dates.js';
import type { PolicySourceOptions } from '../commands/report.js';
import { EXIT } from '../exit.js';
import { useColor, type Io } from '../io.js';
import { printJson } from '../output.js';

/** The report's JSON, or the exit code of why it cannot be read (2: I/O; 1: not JSON, said as a problem). */
async function readReport(io: Io, path: string, json: boolean | undefined): Promise<{ report: unknown } | { exit: number }> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    io.stderr.write(`qingdan: cannot read the report ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return { exit: EXIT.usage };
  }
  try {
    return { report: JSON.parse(text) as unknown };
  } catch (e) {
    printProblems(io, path, [{ pointer: '', code: 'not-json' as ReportProblem['code'], message: (e as Error).message }], json);
    return { exit: EXIT.policyErrors };
  }
}

/** The policy to decide with: a bundle archive or a built folder, signed by `--key` when given. */
async function loadPolicy(io: Io, options: PolicySourceOptions): Promise<Policy | undefined> {
  try {
    const keys = options.key ? await Promise.all(options.key.map((k) => readFile(resolve(io.cwd, k), 'utf8'))) : undefined;
    return await Policy.load(resolve(io.cwd, options.bundle ?? options.dist), keys ? { trustedKeys: keys } : {});
  } catch (e) {
    if (e instanceof PolicyLoadError) io.stderr.write(`qingdan: cannot load the policy [${e.code}]: ${e.message}\n`);
    else io.stderr.write(`qingdan: ${(e as NodeJS.ErrnoException).code ?? ''} ${(e as Error).message}\n`);
    return undefined;
  }
}

function printProblems(io: Io, path: string, problems: readonly ReportProblem[], json: boolean | undefined): void {
  if (json) return printJson(io, { ok: false, problems });
  io.stderr.write(`invalid report ${path}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  for (const p of problems) io.stderr.write(`  ${p.pointer || '/'} [${p.code}]: ${p.message}\n`);
}

/** `report check`: 0 valid and unchanged; 1 invalid, or some pathway changed; 2 usage or I/O. */
export async function reportCheck(io: Io, path: string, options: PolicySourceOptions & { asOf?: string }): Promise<number> {
  if (options.asOf !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) && realDate(options.asOf))) {
    io.stderr.write(`qingdan: --as-of ${options.asOf} is not a date YYYY-MM-DD\n`);
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
    const lines = [`${path}: valid; filed with bundle ${report.decision.policy.version}${result.policyChanged ? `, re-decided with ${current.version} (sha256 ${current.digest.slice(0, 12)}…)` : ' (the current one)'}`];
    if (result.changes.length === 0) lines.push(c.green(`unchanged: every item keeps the pathway filed (${report.decision.pathway})`));
    for (const ch of result.changes) {
      lines.push(c.yellow(`changed: ${ch.item ?? 'the transfer'}: filed ${ch.filed}, now ${ch.now}`));
      for (const r of ch.reasons) lines.push(`  - ${r.message.zh}`, c.dim(`    ${r.code} · cites ${r.citations.join(', ')}`));
    }
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return result.changes.length === 0 ? EXIT.ok : EXIT.policyErrors;
}

function describe(d: Difference): string {
  switch (d.kind) {
    case 'unreported-item':
      return `unreported item ${d.item}: exported (${d.persons} persons, ${d.sensitivePersons} sensitive) but not in the report (first at line ${d.firstLine})`;
    case 'volume-above-report':
      return `${d.item}: ${d.actual} ${d.measure} exported, above the ${d.reported} reported`;
    case 'volume-below-report':
      return `${d.item}: ${d.actual} ${d.measure} exported so far, below the ${d.reported} reported`;
    case 'threshold-crossed':
      return `threshold crossed: ${d.item ?? 'the transfer'}: filed ${d.filed}, the volumes exported need ${d.actual}`;
  }
}

/** `report compare`: 0 consistent; 1 invalid report or lines, or a discrepancy; 2 usage or I/O. */
export async function reportCompare(io: Io, path: string, logPath: string, options: PolicySourceOptions & { maxPersons: string }): Promise<number> {
  const maxPersons = Number(options.maxPersons);
  if (!Number.isSafeInteger(maxPersons) || maxPersons < 1) {
    io.stderr.write(`qingdan: --max-persons ${options.maxPersons} is not a positive integer\n`);
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
  let handle;
  try {
    handle = await open(resolve(io.cwd, logPath), 'r');
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
  } catch (e) {
    await handle?.close();
    io.stderr.write(`qingdan: cannot read the export log ${logPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT.usage;
  }
  let result;
  try {
    result = await compareReport(policy, report as ExportReport, fileChunks(handle), { maxPersons });
  } catch (e) {
    io.stderr.write(`qingdan: cannot read the export log ${logPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return EXIT.usage;
  } finally {
    await handle.close().catch(() => undefined);
  }
  const { count, differences } = result;
  const discrepancies = differences.filter(isDiscrepancy);
  const failed = discrepancies.length > 0 || count.invalid > 0 || count.incomplete;
  if (options.json) printJson(io, { ok: !failed, year: count.year, lines: count.lines, otherYear: count.otherYear, invalid: count.invalid, incomplete: count.incomplete, problems: count.problems, parts: count.parts, actualPathway: result.actualPathway, differences });
  else {
    const c = pc.createColors(useColor(io, io.stdout));
    for (const p of count.problems) io.stderr.write(`${logPath}:${p.line}: [${p.code}]${p.pointer ? ` ${p.pointer}:` : ''} ${p.message}\n`);
    if (count.invalid > count.problems.length) io.stderr.write(`${logPath}: … and ${count.invalid - count.problems.length} more bad lines\n`);
    const excluded = count.parts.reduce((n, p) => n + p.excludedLines, 0);
    const lines = [`${logPath}: ${count.lines} lines; ${count.year}: ${count.parts.reduce((n, p) => n + p.lines, 0)} counted, ${excluded} under an exemption (not counted, measures Art. 27), ${count.otherYear} in other years, ${count.invalid} bad`];
    if (count.incomplete) lines.push(c.red('incomplete: counting stopped (see the problems above)'));
    for (const p of count.parts) lines.push(c.dim(`  ${p.item}: ${p.persons} persons, ${p.sensitivePersons} sensitive (${p.lines} transfers, last ${p.lastDate || '—'})`));
    if (differences.length === 0) lines.push(c.green(`consistent with ${path}`));
    for (const d of differences) lines.push((isDiscrepancy(d) ? c.yellow : c.dim)(describe(d)));
    io.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed ? EXIT.policyErrors : EXIT.ok;
}
