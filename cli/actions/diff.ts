/** `qingdan diff` and `qingdan release check`: the policy change between two revisions. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { amendmentText } from '../../compiler/diff/amendment.js';
import { declaredBump, judgeRelease, writeDiffChangeset, type ReleaseCheck } from '../../compiler/diff/changesets.js';
import { diffMarkdown } from '../../compiler/diff/markdown.js';
import { defaultBase, WORKING_TREE } from '../../compiler/diff/revision.js';
import { diffRevisions, type RevisionDiff } from '../../compiler/diff/run.js';
import { hint } from '../../compiler/diagnostics.js';
import { EXIT } from '../exit.js';
import { langOf, type Io } from '../io.js';
import { say } from '../messages.js';
import { printDiagnostics, printJson } from '../output.js';
import { printUsageError, usageError } from '../usage-error.js';
import { repositoryFolder } from '../repository-folder.js';
import { decimalNumber } from '../decimal.js';

/** The formats `qingdan diff` prints. */
const DIFF_FORMATS = ['markdown', 'json', 'amendment'] as const;

async function runDiff(root: string, base: string | undefined, head: string | undefined): Promise<RevisionDiff & { baseRevision: string }> {
  const baseRevision = base ?? (await defaultBase(root));
  return { ...(await diffRevisions(root, baseRevision, head ?? WORKING_TREE)), baseRevision };
}

/** Prints why a revision cannot be read (git, QD4030) or does not compile; true when it cannot. */
function reportBroken(io: Io, result: RevisionDiff): boolean {
  if (result.diff) return false;
  printDiagnostics(io, result.diagnostics, new Map(result.sources.map((s) => [s.path, s.text])));
  printUsageError(io, usageError('cli-cannot-diff').diagnostic);
  return true;
}

async function packageName(root: string): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string }).name;
}

/** Prints the diff from `base` to `head` in `options.format`; returns the exit code. */
export async function diff(io: Io, base: string | undefined, head: string | undefined, options: { format: string; maxBytes: string; changeset?: boolean }): Promise<number> {
  if (!(DIFF_FORMATS as readonly string[]).includes(options.format)) {
    printUsageError(io, usageError('cli-invalid-value', { option: '--format', value: `'${options.format}'` }, { hint: hint('cli-choices', { words: DIFF_FORMATS }) }).diagnostic);
    return EXIT.usage;
  }
  const maxBytes = decimalNumber(options.maxBytes);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    printUsageError(io, usageError('cli-not-positive-integer', { option: '--max-bytes', value: `'${options.maxBytes}'` }).diagnostic);
    return EXIT.usage;
  }
  const root = await repositoryFolder(io.cwd);
  const result = await runDiff(root, base, head);
  if (reportBroken(io, result)) return EXIT.policyErrors;
  const diff = result.diff!;
  if (options.format === 'json') printJson(io, diff);
  else if (options.format === 'amendment') io.stdout.write(amendmentText(diff, result.base!, result.head!));
  else io.stdout.write(diffMarkdown(diff, { lang: langOf(io), maxBytes }));
  if (options.changeset) {
    const written = await writeDiffChangeset(root, await packageName(root), diff);
    io.stderr.write(`${!written ? say(io, 'no-changeset') : say(io, written.existed ? 'changeset-exists' : 'changeset-written', { path: written.path, bump: diff.bump })}\n`);
  }
  return EXIT.ok;
}

/** The release check's verdict in the reader's language. */
export function verdictText(io: Io, v: ReleaseCheck): string {
  switch (v.verdict) {
    case 'no-change':
      return say(io, 'release-no-change');
    case 'no-changeset':
      return say(io, 'release-no-changeset', { required: v.required, command: '`qingdan diff --changeset`' });
    case 'bump-too-small':
      return say(io, 'release-bump-too-small', { declared: v.declared, required: v.required });
    case 'sufficient':
      return say(io, 'release-sufficient', { declared: v.declared, required: v.required });
  }
}

/** Fails when policy/ changed since the base without a large enough changeset; returns the exit code. */
export async function releaseCheck(io: Io, options: { base?: string; json?: boolean }): Promise<number> {
  const root = await repositoryFolder(io.cwd);
  const result = await runDiff(root, options.base, undefined);
  if (reportBroken(io, result)) return EXIT.policyErrors;
  const verdict = judgeRelease(result.diff!, await declaredBump(root, result.baseRevision, await packageName(root)));
  const said = verdictText(io, verdict);
  if (options.json) printJson(io, { ...verdict, message: said });
  else io.stderr.write(`${say(io, verdict.ok ? 'release-ok' : 'release-failed', { verdict: said })}\n`);
  return verdict.ok ? EXIT.ok : EXIT.policyErrors;
}
