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
import { readUpTo } from '../runtime/read-up-to.js';
import type { Io } from './io.js';

/** Far above any request or report the contract allows (a request names at most 10,000 items). */
const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** The input's text, or the diagnostic of why it cannot be read: an I/O error, or larger than MAX_INPUT_BYTES. */
export async function readInput(io: Io, path: string): Promise<{ text: string } | { problem: Diagnostic }> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readUpTo(path === '-' ? io.stdin : createReadStream(resolve(io.cwd, path)), MAX_INPUT_BYTES);
  } catch (e) {
    return { problem: readFailure(path, e) };
  }
  if (bytes) return { text: withoutBom(bytes.toString('utf8')) };
  const tooLarge = path === '-' ? diagnostic('cli-stdin-too-large', undefined, { limit: MAX_INPUT_BYTES }, { hint: hint('input-bound') }) : diagnostic('cli-input-too-large', undefined, { path, limit: MAX_INPUT_BYTES }, { hint: hint('input-bound') });
  return { problem: tooLarge };
}
