/**
 * Commits and what each changed, read from git objects: the metadata of a range of commits
 * (parents, author, both dates, message), the raw tree changes of a commit against one parent,
 * and which commits carry a good signature by whom under an allowed-signers list.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitError, runGit } from './run.js';
import type { EntryKind } from './tree.js';

export interface CommitInfo {
  readonly sha: string;
  readonly parents: readonly string[];
  readonly authorName: string;
  readonly authorEmail: string;
  /** ISO 8601, as recorded in the commit (and covered by its signature). */
  readonly authorDate: string;
  readonly committerDate: string;
  readonly message: string;
}

const FIELDS = ['%H', '%P', '%an', '%ae', '%aI', '%cI', '%B'];
const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/**
 * A mark that starts each record of one git call's output: random, so that no commit message or
 * path can hold it. A fixed separator (0x1E) let a file named `policy/\x1e…` end its commit's
 * record early, and every change listed after it (the roster's) went unseen.
 */
function recordMark(): string {
  return `qd-${randomBytes(16).toString('hex')}`;
}

/** Git's output was not what the command asked for: an I/O error, never a reading of it. */
function unexpected(args: readonly string[], what: string): GitError {
  return new GitError(args, `unexpected output of git ${args[0] ?? ''}: ${what}`);
}

/**
 * What `git log` would otherwise take from the config of whoever runs the check, each of which
 * changed what it answered: `log.diffMerges` (`-m` then gave a merge one list, and a file
 * neither parent had looked taken from one), `log.showRoot` (a root commit's files went
 * unlisted) and `diff.ignoreSubmodules` (a submodule's commit left the walk).
 */
const PINNED_LOG_OPTIONS = ['--diff-merges=separate', '--root', '--ignore-submodules=none'] as const;

/** The option of those that decides which commits touch a path, for a walk that shows no changes (`--diff-merges` would list a merge once per parent). */
const PINNED_WALK_OPTIONS = ['--ignore-submodules=none'] as const;

/** Runs `git args` in `root` and splits its output into the records that `separator` begins. */
async function records(root: string, args: readonly string[], separator: string): Promise<string[]> {
  const parts = (await runGit(root, args)).toString('utf8').split(separator);
  if (parts.shift() !== '') throw unexpected(args, 'text before the first record');
  return parts;
}

/**
 * The commits selected by `revisions` (`<head>`, `^<excluded>`) that touch `paths`, oldest
 * first, parents before children. No history simplification: every side branch is listed.
 */
export async function readCommits(root: string, revisions: readonly string[], paths: readonly string[] = []): Promise<CommitInfo[]> {
  const mark = recordMark();
  const args = ['log', ...PINNED_WALK_OPTIONS, '--full-history', '--topo-order', '--reverse', `--format=${mark}%x00${FIELDS.join('%x00')}`, ...revisions, '--', ...paths];
  // Each record ends with the newline git puts after each commit.
  return (await records(root, args, `${mark}\0`)).map((record) => commitInfo(args, record.replace(/\n$/, '')));
}

/** A commit's FIELDS, NUL-separated, as git printed them; a NUL in its message stays in it. */
function commitInfo(args: readonly string[], record: string): CommitInfo {
  const [sha = '', parents = '', authorName = '', authorEmail = '', authorDate = '', committerDate = '', ...body] = record.split('\0');
  const parentList = parents ? parents.split(' ') : [];
  if (!SHA.test(sha) || !parentList.every((x) => SHA.test(x)) || body.length === 0) throw unexpected(args, `a malformed record ${JSON.stringify(record.slice(0, 80))}`);
  return { sha, parents: parentList, authorName, authorEmail, authorDate, committerDate, message: body.join('\0') };
}

/** The commits of a range and what each changed, as `readHistory` gives them. */
export interface History {
  /** As `readCommits` lists them. */
  readonly commits: CommitInfo[];
  /**
   * Each commit's raw changes under the paths: one list per parent it was compared with (a
   * merge has one per parent; a commit whose diff against a parent is empty may have no list
   * for it).
   */
  readonly changes: Map<string, RawChange[][]>;
}

/**
 * The commits selected by `revisions` that touch `paths`, as `readCommits` lists them, and the
 * raw changes of each, in one git call (`log --diff-merges=separate --raw`: a merge's header
 * comes once per parent compared, each followed by that diff).
 */
export async function readHistory(root: string, revisions: readonly string[], paths: readonly string[] = []): Promise<History> {
  const mark = recordMark();
  // A second mark ends the message: the changes that follow cannot be told from its text else.
  const end = recordMark();
  const args = ['log', ...PINNED_LOG_OPTIONS, '--full-history', '--topo-order', '--reverse', '--raw', '-z', '--no-renames', '--no-abbrev', `--format=${mark}%x00${FIELDS.join('%x00')}${end}`, ...revisions, '--', ...paths];
  const commits: CommitInfo[] = [];
  const changes = new Map<string, RawChange[][]>();
  for (const record of await records(root, args, `${mark}\0`)) {
    const stop = record.indexOf(end);
    // After the message: NUL, then a newline before a non-empty change list.
    if (stop < 0 || record[stop + end.length] !== '\0') throw unexpected(args, `a malformed record ${JSON.stringify(record.slice(0, 80))}`);
    const info = commitInfo(args, record.slice(0, stop));
    if (commits.at(-1)?.sha !== info.sha) commits.push(info);
    changes.set(info.sha, [...(changes.get(info.sha) ?? []), parseRaw(args, record.slice(stop + end.length + 1).replace(/^\n/, ''))]);
  }
  return { commits, changes };
}

/** The committer date (ISO) of each of `commits`, in one git call. */
export async function committerDates(root: string, commits: readonly string[]): Promise<Map<string, string>> {
  const dates = new Map<string, string>();
  if (commits.length === 0) return dates;
  const out = await runGit(root, ['log', '--no-walk=unsorted', '--format=%H %cI', ...commits]);
  for (const line of out.toString('utf8').split('\n')) {
    const [sha, date] = line.split(' ');
    if (sha && date) dates.set(sha, date);
  }
  return dates;
}

const KINDS: Record<string, EntryKind> = { '100644': 'file', '100755': 'executable', '120000': 'symlink', '160000': 'submodule' };

export interface RawChange {
  /** A added, D deleted, M modified, T type changed. */
  readonly status: string;
  readonly path: string;
  readonly oldOid: string;
  readonly newOid: string;
  readonly oldKind: EntryKind | undefined;
  readonly newKind: EntryKind | undefined;
}

const NULL_OID = /^0+$/;

/**
 * The files each pair's `commit` changed against its `parent` under `paths`, for any number of
 * pairs in one git call (`git diff-tree --stdin`; a merge's omitted parents asked one process
 * each, `proposal status` of this repository started 288): one list per pair, in order, empty
 * where the two hold the same files.
 */
export async function diffTrees(root: string, pairs: readonly { readonly parent: string; readonly commit: string }[], paths: readonly string[] = []): Promise<RawChange[][]> {
  if (pairs.length === 0) return [];
  const args = ['diff-tree', '--stdin', '--always', '-r', '-z', '--raw', '--no-renames', '--no-abbrev', '--', ...paths];
  // Object ids only: a name with a space or a newline would be read as another pair.
  const bad = pairs.find((p) => !SHA.test(p.parent) || !SHA.test(p.commit));
  if (bad) throw new GitError(args, `not a pair of commit ids: ${JSON.stringify(bad)}`);
  const parts = (await runGit(root, args, pairs.map((p) => `${p.commit} ${p.parent}\n`).join(''))).toString('utf8').split('\0');
  if (parts.pop() !== '') throw unexpected(args, 'output that does not end its last field');
  // Each pair: the commit's id (printed even for an empty diff, by --always), then its changes.
  const lists: RawChange[][] = [];
  for (let i = 0; i < parts.length; ) {
    const pair = pairs[lists.length];
    if (parts[i++] !== pair?.commit) throw unexpected(args, `a malformed record ${JSON.stringify(parts[i - 1]!.slice(0, 80))}`);
    const changes: RawChange[] = [];
    for (; i < parts.length && parts[i]!.startsWith(':'); i += 2) changes.push(rawChange(args, parts[i]!, parts[i + 1]));
    lists.push(changes);
  }
  if (lists.length !== pairs.length) throw unexpected(args, `${lists.length} answers to ${pairs.length} pairs`);
  return lists;
}

const RAW_HEAD = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([ADMT])$/;

/**
 * Parses `--raw -z --no-renames` output: ":<old mode> <new mode> <old oid> <new oid> <status>"
 * NUL "<path>" NUL, and so on. Anything else is an I/O error: a reader that skipped what it did
 * not recognise would drop the changes after it.
 */
function parseRaw(args: readonly string[], out: string): RawChange[] {
  const parts = out.split('\0');
  if (parts.pop() !== '') throw unexpected(args, 'a change list that does not end its last path');
  const changes: RawChange[] = [];
  for (let i = 0; i < parts.length; i += 2) changes.push(rawChange(args, parts[i]!, parts[i + 1]));
  return changes;
}

/**
 * One change of `--raw -z` output: its ":<old mode> <new mode> <old oid> <new oid> <status>" field
 * and its path. A path holding U+FFFD is refused: so reads a name that is not UTF-8, and two such
 * names read alike (as in a tree, tree.ts), so one file's change could pass for another's.
 */
function rawChange(args: readonly string[], field: string, path: string | undefined): RawChange {
  const head = RAW_HEAD.exec(field);
  if (!head || !path) throw unexpected(args, `a malformed change ${JSON.stringify(field.slice(0, 80))}`);
  if (path.includes('\uFFFD')) throw new GitError(args, `${path}: a file name that is not UTF-8`);
  const [, oldMode = '', newMode = '', oldOid = '', newOid = '', status = ''] = head;
  return {
    status,
    path,
    oldOid,
    newOid,
    oldKind: NULL_OID.test(oldOid) && oldMode === '000000' ? undefined : KINDS[oldMode] ?? 'other',
    newKind: NULL_OID.test(newOid) && newMode === '000000' ? undefined : KINDS[newMode] ?? 'other',
  };
}

export interface Signature {
  /** git's %G?: G good, B bad, U good but untrusted, N none, E cannot check, X/Y/R expired or revoked. */
  readonly status: string;
  /** The allowed-signers principal whose key made a good signature, '' otherwise. */
  readonly principal: string;
}

/**
 * Verdicts git gave in this process, by allowed-signers list and commit: the commit id names the
 * signed bytes and the list names the trusted keys, so the verdict cannot differ. A process that
 * checks histories sharing commits (a proposal command and the check it runs, the language
 * server, the tests' red team) asks git once per commit; each `git verify` starts two ssh-keygen
 * processes. Emptied when full.
 */
const verdicts = new Map<string, Signature>();
const MAX_VERDICTS = 50_000;

/**
 * The signature of each commit as `git log --format=%G?` sees it with `allowedSigners` (the
 * lines of an ssh allowed-signers file) as the only trusted keys. One git call for the commits
 * not verified under that list before.
 */
export async function verifySignatures(root: string, commits: readonly string[], allowedSigners: string): Promise<Map<string, Signature>> {
  const list = createHash('sha256').update(allowedSigners).digest('hex');
  const result = new Map<string, Signature>();
  const unknown = commits.filter((sha) => {
    const known = verdicts.get(`${list}:${sha}`);
    if (known) result.set(sha, known);
    return !known;
  });
  if (!unknown.length) return result;
  const dir = await mkdtemp(join(tmpdir(), 'qingdan-signers-'));
  const file = join(dir, 'allowed_signers');
  try {
    await writeFile(file, allowedSigners);
    const mark = recordMark();
    const args = ['-c', `gpg.ssh.allowedSignersFile=${file}`, 'log', '--no-walk=unsorted', `--format=${mark}%x00%H%x00%G?%x00%GS`, ...unknown];
    const given = new Map<string, Signature>();
    for (const record of await records(root, args, `${mark}\0`)) {
      const [sha = '', status = '', principal = ''] = record.replace(/\n$/, '').split('\0');
      if (!SHA.test(sha)) throw unexpected(args, `a malformed record ${JSON.stringify(record.slice(0, 80))}`);
      given.set(sha, { status, principal: status === 'G' ? principal : '' });
    }
    if (verdicts.size + given.size > MAX_VERDICTS) verdicts.clear();
    for (const [sha, signature] of given) {
      verdicts.set(`${list}:${sha}`, signature);
      result.set(sha, signature);
    }
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The top folder of the repository `dir` lies in. Paths in git objects are the repository's;
 * read from a subfolder, `policy/governance/roster.yaml` was not found at any commit, and
 * `governance check` run from `policy/lists` passed a commit that broke the rules.
 */
export async function repositoryRoot(dir: string): Promise<string> {
  return (await runGit(dir, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
}

/**
 * The top folder of the repository `dir` lies in and the commit `revision` names there, in one
 * git call. Rejects with a GitError outside a repository or when there is no such commit.
 */
export async function repositoryCommit(dir: string, revision: string): Promise<{ root: string; commit: string }> {
  const args = ['rev-parse', '--show-toplevel', '--verify', '--end-of-options', `${revision}^{commit}`];
  const [root = '', commit = '', ...rest] = (await runGit(dir, args)).toString('utf8').split('\n');
  if (!root || !SHA.test(commit) || rest.some(Boolean)) throw unexpected(args, 'not a folder and a commit');
  return { root, commit };
}

/** The commit `revision` names (`HEAD`, a branch, a sha). Rejects with a GitError when there is none. */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  return (await runGit(root, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`])).toString('utf8').trim();
}

/** What git's own merge of two commits gives: its tree, and the paths it could not merge cleanly. */
export interface MergeResult {
  readonly tree: string;
  readonly conflicted: ReadonlySet<string>;
}

/**
 * The merge git itself would make of `a` and `b` (`git merge-tree --write-tree`, git 2.38 or
 * later), in memory: nothing is written to the working tree or a branch.
 */
export async function mergeTree(root: string, a: string, b: string): Promise<MergeResult> {
  const args = ['merge-tree', '--write-tree', '-z', '--name-only', '--allow-unrelated-histories', a, b];
  let out: Buffer;
  try {
    out = await runGit(root, args);
  } catch (e) {
    // Exit 1: the merge has conflicts, and the output says which.
    if (!(e instanceof GitError) || e.exitCode !== 1 || !e.stdout) throw e;
    out = e.stdout;
  }
  const [tree = '', ...rest] = out.toString('utf8').split('\0');
  if (!SHA.test(tree)) throw unexpected(args, `a malformed tree ${JSON.stringify(tree.slice(0, 80))}`);
  const end = rest.indexOf('');
  return { tree, conflicted: new Set(end < 0 ? [] : rest.slice(0, end)) };
}

/** The best common ancestor of `a` and `b`, or undefined when their histories are unrelated. */
export async function mergeBase(root: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await runGit(root, ['merge-base', a, b])).toString('utf8').trim() || undefined;
  } catch (e) {
    // Exit 1 with no output: no common ancestor. Anything else is git failing.
    if (e instanceof GitError && e.exitCode === 1) return undefined;
    throw e;
  }
}

/**
 * The commits at which a shallow clone's history is cut (git's `shallow` file): git shows them
 * without their parents, as if each began the history. Empty for a whole clone.
 */
export async function shallowCommits(root: string): Promise<ReadonlySet<string>> {
  // The file is .git/shallow; git is asked where it is only when .git is not a plain folder.
  const dotGit = join(root, '.git');
  const plain = process.env.GIT_DIR === undefined && (await stat(dotGit).catch(() => undefined))?.isDirectory();
  const file = plain ? join(dotGit, 'shallow') : resolve(root, (await runGit(root, ['rev-parse', '--git-path', 'shallow'])).toString('utf8').trim());
  try {
    return new Set((await readFile(file, 'utf8')).split('\n').filter(Boolean));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new GitError(['rev-parse', '--git-path', 'shallow'], `cannot read ${file}: ${(e as Error).message}`);
  }
}

/** Whether `ancestor` is an ancestor of (or equal to) `commit`. */
export async function isAncestor(root: string, ancestor: string, commit: string): Promise<boolean> {
  try {
    await runGit(root, ['merge-base', '--is-ancestor', ancestor, commit]);
    return true;
  } catch {
    return false;
  }
}
