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
  const ioError = diagnostics.some((d) => d.code === 'QD4001' || d.code === 'QD4002');
  if (json) {
    printJson({ ok: exitFor(diagnostics) === 0, history: report.history, ...(report.epoch ? { epoch: report.epoch } : {}), proposals: report.governance.proposals.map((p) => ({ id: p.meta?.value?.id ?? p.folder, stage: p.meta?.value?.stage ?? null })), ...extra, diagnostics: diagnosticsJson(diagnostics) });
  } else {
    printDiagnostics(diagnostics, new Map(report.sources.map((s) => [s.path, s.text])));
    if (exitFor(diagnostics) === 0) {
      const n = report.governance.proposals.length;
      const how = report.history ? (report.epoch ? `git history since ${report.epoch.slice(0, 12)}${report.base ? ` and ${report.base.slice(0, 12)}` : ''}` : 'sign-offs against git (the roster is not committed yet, so no policy change is governed)') : 'no git history';
      process.stderr.write(`governance: ${n} proposal${n === 1 ? '' : 's'} checked (${how}): no errors\n`);
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
    .option('--base <revision>', 'check changes to policy/ after this revision (default: since the roster was committed)')
    .option('--no-history', 'skip the rules that read git history')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { base?: string; history: boolean; json?: boolean }) => {
      const report = await checkGovernance(process.cwd(), { ...(options.base ? { base: options.base } : {}), noHistory: !options.history });
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
