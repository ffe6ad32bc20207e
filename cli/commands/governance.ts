/** `qingdan governance check|codeowners`: the whole governance workflow, checked against git. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../compiler/diagnostics.js';
import { checkGovernance, type GovernanceReport } from '../../compiler/governance/check.js';
import { CODEOWNERS_PATH, generateCodeowners } from '../../compiler/governance/codeowners.js';
import { registerProposal } from './proposal.js';
import { EXIT, diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';

/** Prints a governance report (text on stderr, or JSON on stdout) and returns the exit code. */
export function reportGovernance(report: GovernanceReport, json: boolean | undefined, extra: object = {}): number {
  const { diagnostics } = report;
  // The machinery failing (git, an unreadable file) is an I/O error, never a governance verdict.
  const ioError = diagnostics.some((d) => d.code.startsWith('QD4'));
  if (json) {
    printJson({ ok: exitFor(diagnostics) === 0, history: report.history, ...(report.epoch ? { epoch: report.epoch } : {}), proposals: report.governance.proposals.map((p) => ({ id: p.meta?.value?.id ?? p.folder, stage: p.meta?.value?.stage ?? null })), ...extra, diagnostics: diagnosticsJson(diagnostics) });
  } else {
    printDiagnostics(diagnostics, new Map(report.sources.map((s) => [s.path, s.text])));
    if (exitFor(diagnostics) === 0) {
      const n = report.governance.proposals.length;
      const at = report.head ? ` at ${report.head.slice(0, 12)}` : '';
      const how = report.history ? (report.base ? `history after ${report.base.slice(0, 12)}, trusting its roster` : report.epoch ? `history since the trust anchor ${report.epoch.slice(0, 12)}` : 'no roster with keys yet, so no history is governed') : 'no history walk';
      process.stderr.write(`governance: ${n} proposal${n === 1 ? '' : 's'} checked${at} (${how}): no errors\n`);
      return EXIT.ok;
    }
  }
  return ioError ? EXIT.usage : exitFor(diagnostics);
}

/** Registers `qingdan governance …` and `qingdan proposal …` (one call in cli/main.ts). */
export function registerGovernance(program: Command, setExit: (code: number) => void): void {
  registerProposal(program, setExit);
  const governance = program.command('governance').description('check the drafting workflow of the lists (rosters, proposals, sign-offs, git history)');
  governance
    .command('check')
    .description('check the roster, every proposal, the lists\u2019 statuses and, with git, who committed and signed each sign-off')
    .option('--base <revision>', 'the trusted revision: its roster is the trust root, and only commits after it are walked')
    .option('--head <revision>', 'the revision checked, read from git objects (default: HEAD)')
    .option('--no-history', 'skip the history walk (signatures and commit rules)')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { base?: string; head?: string; history: boolean; json?: boolean }) => {
      const report = await checkGovernance(process.cwd(), { ...(options.base ? { base: options.base } : {}), ...(options.head ? { head: options.head } : {}), noHistory: !options.history });
      setExit(reportGovernance(report, options.json));
    });
  governance
    .command('codeowners')
    .description(`regenerate ${CODEOWNERS_PATH} from the roster`)
    .option('--check', 'do not write; exit 1 when the file is out of date')
    .action(async (options: { check?: boolean }) => {
      const root = process.cwd();
      const report = await checkGovernance(root, { noHistory: true });
      const roster = report.governance.roster?.value;
      const fatal: Diagnostic[] = report.diagnostics.filter((d) => d.severity === 'error' && d.span?.file.startsWith('policy/governance/'));
      if (!roster || fatal.length) {
        printDiagnostics(fatal.length ? fatal : report.diagnostics, new Map(report.sources.map((s) => [s.path, s.text])));
        setExit(EXIT.policyErrors);
        return;
      }
      const text = generateCodeowners(roster, report.lists, report.governance.proposals);
      const file = join(root, CODEOWNERS_PATH);
      const current = await readFile(file, 'utf8').catch(() => undefined);
      if (options.check) {
        if (current === text) process.stderr.write(`${CODEOWNERS_PATH} is up to date\n`);
        else process.stderr.write(`${CODEOWNERS_PATH} is out of date: run \`qingdan governance codeowners\`\n`);
        setExit(current === text ? EXIT.ok : EXIT.policyErrors);
        return;
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      process.stderr.write(`wrote ${CODEOWNERS_PATH}\n`);
    });
}
