/**
 * A command's JSON input — a request, a report — from a file or standard input (`-`), read up to
 * a bound, and without a byte order mark (a Windows editor's). Read whole and unbounded,
 * `yes | qingdan evaluate -` ran until the heap was exhausted, and a huge file named by mistake
 * would have too.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { diagnostic, hint, type Diagnostic } from '../compiler/diagnostics.js';
import { readFailure } from '../compiler/read-failure.js';
import { withoutBom } from '../compiler/source.js';
import type { Io } from './io.js';

/** Far above any request or report the contract allows (a request names at most 10,000 items). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** The input passed the bound: nothing more of it was read. */
class InputTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the input is larger than ${limit} bytes`);
  }
}

/** The text of `path` (relative to the working folder) or of standard input for `-`; throws the file system's error or InputTooLargeError. */
async function readInputText(io: Io, path: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop early closes the stream: nothing past the bound is read.
  for await (const chunk of path === '-' ? io.stdin : createReadStream(resolve(io.cwd, path))) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += bytes.length;
    if (total > MAX_INPUT_BYTES) throw new InputTooLargeError(MAX_INPUT_BYTES);
    chunks.push(bytes);
  }
  return withoutBom(Buffer.concat(chunks).toString('utf8'));
}

/** The input's text, or the diagnostic of why it cannot be read: an I/O error, or larger than MAX_INPUT_BYTES. */
export async function readInput(io: Io, path: string): Promise<{ text: string } | { problem: Diagnostic }> {
  try {
    return { text: await readInputText(io, path) };
  } catch (e) {
    if (e instanceof InputTooLargeError) {
      const problem = path === '-' ? diagnostic('cli-stdin-too-large', undefined, { limit: e.limit }, { hint: hint('input-bound') }) : diagnostic('cli-input-too-large', undefined, { path, limit: e.limit }, { hint: hint('input-bound') });
      return { problem };
    }
    return { problem: readFailure(path, e) };
  }
}
