/**
 * `qingdan diff [base] [head]`: the policy change between two revisions in regulatory terms;
 * `qingdan release check`: CI's gate that policy changes come with a large enough changeset.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { amendmentText } from '../../compiler/diff/amendment.js';
import { declaredBump, judgeRelease, writeDiffChangeset } from '../../compiler/diff/changesets.js';
import { diffMarkdown } from '../../compiler/diff/markdown.js';
import { defaultBase, WORKING_TREE } from '../../compiler/diff/revision.js';
import { diffRevisions, type RevisionDiff } from '../../compiler/diff/run.js';
import { EXIT, printDiagnostics, printJson } from '../output.js';

async function runDiff(base: string | undefined, head: string | undefined): Promise<RevisionDiff & { baseRevision: string }> {
  const root = process.cwd();
  const baseRevision = base ?? (await defaultBase(root));
  return { ...(await diffRevisions(root, baseRevision, head ?? WORKING_TREE)), baseRevision };
}

/** Prints the diagnostics of a revision that does not compile; true when there were any. */
function reportBroken(result: RevisionDiff): boolean {
  if (result.diff) return false;
  printDiagnostics(result.diagnostics, new Map(result.sources.map((s) => [s.path, s.text])));
  process.stderr.write('qingdan: cannot diff: a revision does not compile (see above)\n');
  return true;
}

async function packageName(): Promise<string> {
  return (JSON.parse(await readFile(join(process.cwd(), 'package.json'), 'utf8')) as { name: string }).name;
}

export function registerDiff(program: Command, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('compare the policy at two git revisions in regulatory terms')
    .argument('[base]', 'base revision (default: the merge-base of HEAD with main)')
    .argument('[head]', 'head revision (default: the working tree)')
    .option('-f, --format <format>', 'markdown | json | amendment', 'markdown')
    .option('--max-bytes <n>', 'cut the Markdown report at this size (for PR comments)', '60000')
    .option('--changeset', 'write a changeset whose bump and summary follow the diff')
    .action(async (base: string | undefined, head: string | undefined, options: { format: string; maxBytes: string; changeset?: boolean }) => {
      if (!['markdown', 'json', 'amendment'].includes(options.format)) {
        process.stderr.write(`qingdan: unknown format '${options.format}' (markdown, json or amendment)\n`);
        return setExit(EXIT.usage);
      }
      const result = await runDiff(base, head);
      if (reportBroken(result)) return setExit(EXIT.policyErrors);
      const diff = result.diff!;
      if (options.format === 'json') printJson(diff);
      else if (options.format === 'amendment') process.stdout.write(amendmentText(diff, result.base!, result.head!));
      else process.stdout.write(diffMarkdown(diff, Number(options.maxBytes)));
      if (options.changeset) {
        const written = await writeDiffChangeset(process.cwd(), await packageName(), diff);
        process.stderr.write(written ? `wrote ${written} (${diff.bump})\n` : 'no regulatory change: no changeset written\n');
      }
      setExit(EXIT.ok);
    });

  const release = program.command('release').description('release checks for CI');
  release
    .command('check')
    .description('fail when policy/ changed since the base without a changeset, or with a lower bump than the diff requires')
    .option('--base <revision>', 'base revision (default: the merge-base of HEAD with main)')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { base?: string; json?: boolean }) => {
      const result = await runDiff(options.base, undefined);
      if (reportBroken(result)) return setExit(EXIT.policyErrors);
      const verdict = judgeRelease(result.diff!, await declaredBump(process.cwd(), result.baseRevision, await packageName()));
      if (options.json) printJson(verdict);
      else process.stderr.write(`${verdict.ok ? 'ok' : 'error'}: ${verdict.message}\n`);
      setExit(verdict.ok ? EXIT.ok : EXIT.policyErrors);
    });
  release.exitOverride();
}
