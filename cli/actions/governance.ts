/** `qingdan governance check|codeowners`: the whole governance workflow, checked against git. */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { checkGovernance, type GovernanceReport } from '../../compiler/governance/check.js';
import { CODEOWNERS_PATH, generateCodeowners } from '../../compiler/governance/codeowners.js';
import { EXIT } from '../exit.js';
import { say } from '../messages.js';
import type { Io } from '../io.js';
import { diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';
import { repositoryFolder } from '../repository-folder.js';

/** Prints a governance report (text on stderr, or JSON on stdout) and returns the exit code. */
export function reportGovernance(io: Io, report: GovernanceReport, json: boolean | undefined, extra: object = {}): number {
  const { diagnostics } = report;
  // The machinery failing (git, an unreadable file) is an I/O error, never a governance verdict.
  const ioError = diagnostics.some((d) => d.code.startsWith('QD4'));
  if (json) {
    printJson(io, { ok: exitFor(diagnostics) === 0, history: report.history, ...(report.epoch ? { epoch: report.epoch } : {}), proposals: report.governance.proposals.map((p) => ({ id: p.meta?.value?.id ?? p.folder, stage: p.meta?.value?.stage ?? null })), ...extra, diagnostics: diagnosticsJson(io, diagnostics) });
  } else {
    printDiagnostics(io, diagnostics, new Map(report.sources.map((s) => [s.path, s.text])));
    if (exitFor(diagnostics) === 0) {
      const checked = { count: report.governance.proposals.length, head: report.head?.slice(0, 12) ?? 'HEAD' };
      const line = !report.history
        ? say(io, 'governance-clean-no-history', checked)
        : report.base
          ? say(io, 'governance-clean-after-base', { ...checked, base: report.base.slice(0, 12) })
          : report.epoch
            ? say(io, 'governance-clean-since-anchor', { ...checked, anchor: report.epoch.slice(0, 12) })
            : say(io, 'governance-clean-no-keys', checked);
      io.stderr.write(`${line}\n`);
    }
  }
  return ioError ? EXIT.usage : exitFor(diagnostics);
}

/** Checks the roster, every proposal and, with git, who signed what; returns the exit code. */
export async function governanceCheck(io: Io, options: { base?: string; head?: string; history: boolean; json?: boolean }): Promise<number> {
  const report = await checkGovernance(io.cwd, { ...(options.base ? { base: options.base } : {}), ...(options.head ? { head: options.head } : {}), noHistory: !options.history });
  return reportGovernance(io, report, options.json);
}

/** Regenerates the CODEOWNERS file from the roster (or with `check`, says whether it is current); returns the exit code. */
export async function governanceCodeowners(io: Io, options: { check?: boolean }): Promise<number> {
  const root = await repositoryFolder(io.cwd);
  const report = await checkGovernance(root, { noHistory: true });
  const roster = report.governance.roster?.value;
  const fatal: Diagnostic[] = report.diagnostics.filter((d) => d.severity === 'error' && d.span?.file.startsWith('policy/governance/'));
  if (!roster || fatal.length) {
    printDiagnostics(io, fatal.length ? fatal : report.diagnostics, new Map(report.sources.map((s) => [s.path, s.text])));
    return EXIT.policyErrors;
  }
  const text = generateCodeowners(roster, report.lists, report.governance.proposals);
  const file = join(root, CODEOWNERS_PATH);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (options.check) {
    if (current === text) io.stderr.write(`${say(io, 'codeowners-up-to-date', { path: CODEOWNERS_PATH })}\n`);
    else io.stderr.write(`${say(io, 'codeowners-out-of-date', { path: CODEOWNERS_PATH, command: '`qingdan governance codeowners`' })}\n`);
    return current === text ? EXIT.ok : EXIT.policyErrors;
  }
  await makeDirectory(dirname(file));
  await writeFile(file, text);
  io.stderr.write(`${say(io, 'file-written', { path: CODEOWNERS_PATH })}\n`);
  return EXIT.ok;
}
