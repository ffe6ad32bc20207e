/**
 * Reading many blobs from one `git cat-file --batch` process. Every answer is checked against
 * the size git announces for it, so a short read can never pass for a file's content (the
 * concurrent `git show` calls this replaces returned truncated files under load).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitError } from './run.js';

interface Pending {
  readonly spec: string;
  readonly resolve: (blob: Buffer | undefined) => void;
  readonly reject: (e: Error) => void;
}

/**
 * One `git cat-file --batch` process answering `read()` calls in the order they were made.
 * Call `close()` when done; a reader that fails rejects every pending and later read.
 */
export class BlobReader {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks received but not yet joined, while a large blob is still arriving. */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  /** How many buffered bytes the read at the head of the queue needs before it can be answered. */
  private needed = 0;
  private failure: GitError | undefined;
  private stderr = '';

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      // Join chunks only once the awaited blob is complete: joining on every chunk is quadratic.
      this.chunks.push(chunk);
      this.chunkBytes += chunk.length;
      if (this.buffer.length + this.chunkBytes < this.needed) return;
      this.buffer = Buffer.concat([this.buffer, ...this.chunks.splice(0)]);
      this.chunkBytes = 0;
      this.drain();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('error', (e) => this.fail(`cannot run git cat-file: ${e.message}`));
    this.child.on('close', (code) => {
      if (this.queue.length) this.fail(this.stderr.trim() || `git cat-file exited with ${code} before answering`);
    });
    this.child.stdin.on('error', (e) => this.fail(`cannot write to git cat-file: ${e.message}`));
  }

  /**
   * The bytes of the object named by `spec` (`<rev>:<path>` or an object id), or undefined when
   * git has no such object. Rejects with a GitError when git fails or the answer is not a blob of
   * the announced size.
   */
  read(spec: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (spec.includes('\n')) return Promise.reject(new GitError(['cat-file', '--batch'], `an object name cannot contain a newline: ${JSON.stringify(spec)}`));
    return new Promise((resolve, reject) => {
      this.queue.push({ spec, resolve, reject });
      this.child.stdin.write(`${spec}\n`);
    });
  }

  /** Ends the git process once every pending read is answered. */
  close(): void {
    this.child.stdin.end();
  }

  private fail(message: string): void {
    this.failure ??= new GitError(['cat-file', '--batch'], message);
    for (const pending of this.queue.splice(0)) pending.reject(this.failure);
  }

  /** Answers as many queued reads as the buffered output completes. */
  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const eol = this.buffer.indexOf(0x0a);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      // "<oid> <type> <size>", then exactly <size> bytes and a newline.
      const [, type, sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (!Number.isSafeInteger(size) || size < 0) {
        this.fail(`unexpected answer from git cat-file for ${pending.spec}: ${JSON.stringify(header)}`);
        return;
      }
      this.needed = eol + 1 + size + 1;
      if (this.buffer.length < this.needed) return;
      this.needed = 0;
      const blob = Buffer.from(this.buffer.subarray(eol + 1, eol + 1 + size));
      this.buffer = this.buffer.subarray(eol + 1 + size + 1);
      this.queue.shift();
      if (type !== 'blob') pending.reject(new GitError(['cat-file', '--batch'], `${pending.spec} is a ${type}, not a file`));
      else pending.resolve(blob);
    }
  }
}
