/**
 * Running git as a child process and collecting its whole output as bytes. A failure is a
 * `GitError` carrying git's own message: the machinery failing is an I/O error for the caller
 * to report as such, never a verdict about the repository's content.
 */
import { spawn } from 'node:child_process';
import type { ToolOutput } from '../diagnostics.js';

/**
 * git could not be run, refused the command, or answered what cannot be used. `message` is what
 * git said when `fromGit`, else our own words about its answer (a short read, a name that is not
 * UTF-8, a record out of shape).
 */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    message: string,
    readonly exitCode: number | null = null,
    /** What git wrote to stdout before it failed (a command such as merge-tree answers with exit 1). */
    readonly stdout?: Buffer,
    readonly fromGit = false,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

/** A GitError's message beside a catalogued diagnostic: git's own words, or ours labelled as ours. */
export function gitOutput(e: GitError): ToolOutput {
  return e.fromGit ? { tool: 'git', text: e.message } : { tool: 'git', text: e.message, ours: true };
}

/**
 * Options before every git command we run: objects as they are stored, never as a
 * `refs/replace/` entry or `GIT_NO_REPLACE_OBJECTS` unset would show them (a replaced commit
 * read another commit's message and files under its own id, which its signature does not
 * cover), and paths unquoted (`core.quotepath`).
 */
export const GIT_OPTIONS = ['--no-replace-objects', '-c', 'core.quotepath=false'] as const;

/**
 * Runs `git <args>` in `root`, with `input` on its stdin when given, and returns its stdout as
 * one Buffer, however large; rejects with a GitError when git cannot start or exits non-zero.
 */
export function runGit(root: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...GIT_OPTIONS, ...args], { cwd: root, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    // git may exit before reading all of it (a bad argument): its own error is the one to report.
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (e) => reject(new GitError(args, `cannot run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const said = Buffer.concat(err).toString('utf8').trim();
        reject(new GitError(args, said || `git ${args[0] ?? ''} exited with ${code}`, code, Buffer.concat(out), said !== ''));
      }
    });
  });
}
