/**
 * What git says about governance files, through simple-git: who committed each version of a
 * file, whether a commit carries a good SSH signature by a given key, a file's text at a
 * commit, and which commits changed `policy/`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit, type SimpleGit } from 'simple-git';

const run = promisify(execFile);

export interface CommitInfo {
  readonly sha: string;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly date: string;
}

export interface ChangedFile {
  readonly status: string;
  readonly path: string;
}

export class History {
  private readonly git: SimpleGit;

  private constructor(readonly root: string) {
    this.git = simpleGit(root);
  }

  /** The history of `root`, or undefined when it is not inside a git work tree with commits. */
  static async open(root: string): Promise<History | undefined> {
    const h = new History(root);
    try {
      if (!(await h.git.checkIsRepo())) return undefined;
      await h.git.raw(['rev-parse', '--verify', 'HEAD']);
      return h;
    } catch {
      return undefined;
    }
  }

  private parseLog(out: string): CommitInfo[] {
    return out
      .split('\n')
      .filter((l) => l.includes('\0'))
      .map((l) => {
        const [sha = '', authorName = '', authorEmail = '', date = ''] = l.split('\0');
        return { sha, authorName, authorEmail, date };
      });
  }

  /** Every commit that touched `path` (the file as named; renames are not followed), oldest first. */
  async commitsTouching(path: string): Promise<CommitInfo[]> {
    const out = await this.git.raw(['-c', 'core.quotepath=false', 'log', '--reverse', '--format=%H%x00%an%x00%ae%x00%aI', '--', path]);
    return this.parseLog(out);
  }

  /** The commits that added `path` (more than one when it was deleted and added again), oldest first. */
  async commitsAdding(path: string): Promise<CommitInfo[]> {
    const out = await this.git.raw(['-c', 'core.quotepath=false', 'log', '--reverse', '--diff-filter=A', '--format=%H%x00%an%x00%ae%x00%aI', '--', path]);
    return this.parseLog(out);
  }

  /** The text of `path` at `sha`, or undefined when it does not exist there. */
  async fileAt(sha: string, path: string): Promise<string | undefined> {
    try {
      return await this.git.show([`${sha}:${path}`]);
    } catch {
      return undefined;
    }
  }

  /**
   * Whether `sha` carries a good SSH signature made with `key`: `git verify-commit` runs with an
   * allowed-signers file that holds only this key, so a signature by any other key fails.
   */
  async signedWith(sha: string, principal: string, key: string): Promise<boolean> {
    const dir = await mkdtemp(join(tmpdir(), 'qingdan-signers-'));
    const file = join(dir, 'allowed_signers');
    try {
      await writeFile(file, `${principal} namespaces="git" ${key.trim()}\n`);
      // Run git directly: `verify-commit` of an unsigned commit fails silently (exit 1, no
      // output), which simple-git would report as success.
      await run('git', ['-c', `gpg.ssh.allowedSignersFile=${file}`, 'verify-commit', sha], { cwd: this.root });
      const status = (await this.git.raw(['-c', `gpg.ssh.allowedSignersFile=${file}`, 'log', '-1', '--format=%G?', sha])).trim();
      return status === 'G';
    } catch {
      return false;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Commits touching `path` selected by git revision arguments (`^<excluded>`, `HEAD`), oldest first. */
  async commitsIn(revisions: readonly string[], path: string): Promise<(CommitInfo & { message: string })[]> {
    const out = await this.git.raw(['log', '--reverse', '--format=%H%x00%an%x00%ae%x00%aI%x00%B%x1e', ...revisions, '--', path]);
    return out
      .split('\x1e')
      .map((chunk) => chunk.replace(/^\n+/, ''))
      .filter((chunk) => chunk.includes('\0'))
      .map((chunk) => {
        const [sha = '', authorName = '', authorEmail = '', date = '', message = ''] = chunk.split('\0');
        return { sha, authorName, authorEmail, date, message };
      });
  }

  /** The files `sha` changed relative to its first parent (or, for a root commit, all its files). */
  async changedFiles(sha: string): Promise<ChangedFile[]> {
    const out = await this.git.raw(['-c', 'core.quotepath=false', 'diff-tree', '--root', '--no-commit-id', '-r', '--name-status', '-z', sha]);
    const parts = out.split('\0').filter((s) => s !== '');
    const files: ChangedFile[] = [];
    for (let i = 0; i < parts.length; ) {
      const status = parts[i++]!;
      if (status.startsWith('R') || status.startsWith('C')) {
        i++; // the old path
      }
      const path = parts[i++];
      if (path !== undefined) files.push({ status, path });
    }
    return files;
  }

  async parentOf(sha: string): Promise<string | undefined> {
    try {
      return (await this.git.raw(['rev-parse', '--verify', '--quiet', `${sha}^`])).trim() || undefined;
    } catch {
      return undefined;
    }
  }
}
