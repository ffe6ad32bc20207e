/**
 * QD4016 for what the file system refused a command: a folder it could not create, a file it
 * could not open or write; and QD4017 for an address a server cannot listen on. Commands that
 * expect a failure (a source that cannot be read, QD4001) report it where it happens; this is
 * for the rest, which would otherwise end as an internal error although the cause is the path
 * or address the user gave and the fix is theirs.
 */
import { isAbsolute, relative } from 'node:path';
import { TERMS, type Term } from './diagnostic-codes.js';
import { diagnostic, hint, type Diagnostic } from './diagnostics.js';

/** Node's syscall names, by what the message calls the operation. */
const OPERATIONS: Readonly<Record<string, Term<'ioOperation'>>> = {
  mkdir: 'mkdir',
  open: 'open',
  read: 'read',
  stat: 'read',
  lstat: 'read',
  scandir: 'read',
  readlink: 'read',
  realpath: 'read',
  write: 'write',
  copyfile: 'write',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove',
  rm: 'remove',
  symlink: 'symlink',
};

/**
 * The diagnostic for `error` when it is a file system error about a path (a Node errno exception
 * with its `syscall` and `path`), else undefined. The path is shown relative to `cwd` when it lies
 * inside it; an error without a path (a write to a standard stream) is named `stream`.
 */
export function ioFailure(error: unknown, cwd: string, stream?: string): Diagnostic | undefined {
  const e = error as Partial<NodeJS.ErrnoException> | undefined;
  if (typeof e?.code !== 'string' || typeof e.syscall !== 'string') return undefined;
  if (typeof e.path !== 'string' && stream === undefined) return undefined;
  const inside = e.path === undefined ? '' : relative(cwd, e.path);
  const path = e.path === undefined ? stream! : inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : e.path;
  const operation = OPERATIONS[e.syscall] ?? 'other';
  const advice = { hint: hint('io-path') };
  if (e.code in TERMS.ioReason) return diagnostic('io-failed', undefined, { operation, path, reason: e.code as Term<'ioReason'> }, advice);
  return diagnostic('io-failed-errno', undefined, { operation, path, errno: e.code }, advice);
}

/**
 * QD4017 for `error` when it is a socket's refusal to listen on `address` (a Node errno exception
 * of `listen` or `bind`, or of `getaddrinfo` for a host that does not resolve), else undefined.
 */
export function listenFailure(error: unknown, address: string): Diagnostic | undefined {
  const e = error as Partial<NodeJS.ErrnoException> | undefined;
  if (typeof e?.code !== 'string' || (e.syscall !== 'listen' && e.syscall !== 'bind' && e.syscall !== 'getaddrinfo')) return undefined;
  const advice = { hint: hint('listen-elsewhere') };
  if (e.code in TERMS.listenReason) return diagnostic('cannot-listen', undefined, { address, reason: e.code as Term<'listenReason'> }, advice);
  return diagnostic('cannot-listen-errno', undefined, { address, errno: e.code }, advice);
}
