/**
 * Reading git objects — blobs, trees, what a revision names — through one
 * `git cat-file --batch-command` process. Every answer is checked against the size git announces
 * for it, so a short read can never pass for a file's content (the concurrent `git show` calls
 * this replaced returned truncated files under load). One process serves a whole command: a
 * governance check read a commit's tree, its files and its history's rosters through three
 * processes, and starting a process from a large one costs ~10 ms here.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { GitError, GIT_OPTIONS } from './run.js';

/** What git says of an object: its id, type and size in bytes. */
export interface ObjectInfo {
  readonly oid: string;
  readonly type: string;
  readonly size: number;
}

/** What a read expects: the object's header only, or its content as a blob or a tree. */
type Want = 'info' | 'blob' | 'tree';

interface Pending {
  readonly spec: string;
  readonly want: Want;
  readonly resolve: (answer: { info: ObjectInfo; bytes?: Buffer } | undefined) => void;
  readonly reject: (e: Error) => void;
}

const ARGS = ['cat-file', '--batch-command'] as const;

/**
 * One `git cat-file --batch-command` process answering `info()`, `read()` and `readTree()` calls
 * in the order they were made. Call `close()` when done; a reader that fails rejects every
 * pending and later call.
 */
export class ObjectReader {
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly queue: Pending[] = [];
  /**
   * git's output not yet consumed, oldest chunk first, the first read from `offset` on. Chunks
   * are never joined: each blob is copied out of them once, at its exact size (joining the
   * buffered output on each chunk copied the 10k-item policy's 6 MB three times over).
   */
  private readonly chunks: Buffer[] = [];
  private offset = 0;
  /** Bytes buffered from `offset` on. */
  private buffered = 0;
  /** How many buffered bytes the read at the head of the queue needs before it can be answered. */
  private needed = 0;
  private failure: GitError | undefined;
  private stderr = '';

  constructor(root: string) {
    this.child = spawn('git', [...GIT_OPTIONS, ...ARGS], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      // A blob still arriving is not looked at again until it is complete.
      if (this.buffered >= this.needed) this.drain();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('error', (e) => this.fail(`cannot run git cat-file: ${e.message}`));
    this.child.on('close', (code) => {
      if (this.queue.length) this.fail(this.stderr.trim() || `git cat-file exited with ${code} before answering`, this.stderr.trim() !== '');
    });
    this.child.stdin.on('error', (e) => this.fail(`cannot write to git cat-file: ${e.message}`));
  }

  /** The id, type and size of the object `spec` names (`HEAD^{commit}`, `<rev>:<path>`, an id), or undefined when there is none. */
  async info(spec: string): Promise<ObjectInfo | undefined> {
    return (await this.ask(spec, 'info'))?.info;
  }

  /**
   * The bytes of the blob named by `spec` (`<rev>:<path>` or an object id), or undefined when
   * git has no such object. Rejects with a GitError when git fails or the answer is not a blob of
   * the announced size.
   */
  async read(spec: string): Promise<Buffer | undefined> {
    return (await this.ask(spec, 'blob'))?.bytes;
  }

  /** The raw entries of the tree `spec` names (`<rev>^{tree}`, an id), or undefined when there is none. */
  async readTree(spec: string): Promise<TreeRecord[] | undefined> {
    const answer = await this.ask(spec, 'tree');
    return answer && parseTree(answer.bytes!, answer.info.oid.length / 2, spec);
  }

  /** Ends the git process once every pending call is answered. */
  close(): void {
    this.child.stdin.end();
  }

  private ask(spec: string, want: Want): Promise<{ info: ObjectInfo; bytes?: Buffer } | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (spec.includes('\n')) return Promise.reject(new GitError([...ARGS], `an object name cannot contain a newline: ${JSON.stringify(spec)}`));
    return new Promise((resolve, reject) => {
      this.queue.push({ spec, want, resolve, reject });
      this.child.stdin.write(`${want === 'info' ? 'info' : 'contents'} ${spec}\n`);
    });
  }

  private fail(message: string, fromGit = false): void {
    this.failure ??= new GitError([...ARGS], message, null, undefined, fromGit);
    for (const pending of this.queue.splice(0)) pending.reject(this.failure);
  }

  /** Answers as many queued calls as the buffered output completes. */
  private drain(): void {
    for (;;) {
      const pending = this.queue[0];
      if (!pending) return;
      const eol = this.indexOfNewline();
      if (eol < 0) return;
      const header = this.peek(eol).toString('utf8');
      if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        this.skip(eol + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      // "<oid> <type> <size>", then for `contents` exactly <size> bytes and a newline.
      const [oid = '', type = '', sizeText] = header.split(' ');
      const size = Number(sizeText);
      if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid) || !Number.isSafeInteger(size) || size < 0) {
        this.fail(`unexpected answer from git cat-file for ${pending.spec}: ${JSON.stringify(header)}`);
        return;
      }
      const info = { oid, type, size };
      if (pending.want === 'info') {
        this.skip(eol + 1);
        this.queue.shift();
        pending.resolve({ info });
        continue;
      }
      this.needed = eol + 1 + size + 1;
      if (this.buffered < this.needed) return;
      this.needed = 0;
      this.skip(eol + 1);
      const bytes = this.take(size);
      if (this.peek(1)[0] !== 0x0a) {
        this.fail(`unexpected answer from git cat-file for ${pending.spec}: ${size} bytes not followed by a newline`);
        return;
      }
      this.skip(1);
      this.queue.shift();
      if (type !== pending.want) pending.reject(new GitError([...ARGS], `${pending.spec} is a ${type}, not a ${pending.want === 'blob' ? 'file' : 'folder'}`));
      else pending.resolve({ info, bytes });
    }
  }

  /** Where the first newline of the buffered output is (counted from `offset`), or -1. */
  private indexOfNewline(): number {
    let before = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i]!;
      const from = i === 0 ? this.offset : 0;
      const at = chunk.indexOf(0x0a, from);
      if (at >= 0) return before + at - from;
      before += chunk.length - from;
    }
    return -1;
  }

  /** The first `length` buffered bytes (a header line), leaving them buffered. */
  private peek(length: number): Buffer {
    const pieces: Buffer[] = [];
    let from = this.offset;
    for (let i = 0, got = 0; got < length; i++, from = 0) {
      const piece = this.chunks[i]!.subarray(from, from + length - got);
      pieces.push(piece);
      got += piece.length;
    }
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, length);
  }

  /** Consumes `length` buffered bytes. */
  private skip(length: number): void {
    this.consume(length);
  }

  /** Consumes `length` buffered bytes and returns them, copied once into a buffer of their own. */
  private take(length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    this.consume(length, bytes);
    return bytes;
  }

  /** Consumes `length` buffered bytes, copying them into `into` when given. */
  private consume(length: number, into?: Buffer): void {
    let done = 0;
    while (done < length) {
      const chunk = this.chunks[0]!;
      const n = Math.min(length - done, chunk.length - this.offset);
      if (into) chunk.copy(into, done, this.offset, this.offset + n);
      done += n;
      this.offset += n;
      if (this.offset === chunk.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.buffered -= length;
  }
}

/** Runs `use` with an ObjectReader on `root`, and ends its process however `use` ends. */
export async function withObjectReader<T>(root: string, use: (reader: ObjectReader) => Promise<T>): Promise<T> {
  const reader = new ObjectReader(root);
  try {
    return await use(reader);
  } finally {
    reader.close();
  }
}

/** One entry of a tree object as git stores it: the mode (octal text), the name and the object id. */
export interface TreeRecord {
  readonly mode: string;
  readonly name: string;
  readonly oid: string;
  /**
   * False when the name's bytes are not UTF-8: `name` then holds U+FFFD for them, and two such
   * names can read the same (a map by path kept one file and dropped the other, unseen).
   */
  readonly utf8: boolean;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a tree object: entries of "<mode> SP <name> NUL <id as `idBytes` raw bytes>". Anything
 * else is an I/O error: a reader that skipped what it did not recognise would drop entries.
 */
function parseTree(bytes: Buffer, idBytes: number, spec: string): TreeRecord[] {
  const records: TreeRecord[] = [];
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(0x20, at);
    const nul = bytes.indexOf(0x00, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > bytes.length) throw new GitError([...ARGS], `${spec}: a malformed tree entry at byte ${at}`);
    const mode = bytes.toString('latin1', at, space);
    const oid = bytes.toString('hex', nul + 1, nul + 1 + idBytes);
    try {
      records.push({ mode, name: STRICT_UTF8.decode(bytes.subarray(space + 1, nul)), oid, utf8: true });
    } catch {
      records.push({ mode, name: bytes.toString('utf8', space + 1, nul), oid, utf8: false });
    }
    at = nul + 1 + idBytes;
  }
  return records;
}
