/** `qingdan verify`: is a bundle archive signed by a trusted key and intact? */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { verifyBundleArchive } from '../../runtime/bundle-archive.js';
import { PolicyLoadError } from '../../runtime/errors.js';
import { EXIT } from '../exit.js';
import { diagnostic } from '../../compiler/diagnostics.js';
import { readFailure } from '../../compiler/read-failure.js';
import type { Io } from '../io.js';
import { printJson } from '../output.js';
import { say } from '../messages.js';
import { printPolicyRefused } from '../policy-refused.js';
import { printUsageError } from '../usage-error.js';

/** Verifies the archive at `path` against the keys `options.key`; returns 0 when good, 1 with a coded reason otherwise. */
export async function verify(io: Io, path: string, options: { key: string[]; json?: boolean }): Promise<number> {
  let archive: Buffer;
  let keys: string[];
  try {
    archive = await readFile(resolve(io.cwd, path));
    keys = await Promise.all(options.key.map((k) => readFile(resolve(io.cwd, k), 'utf8')));
  } catch (e) {
    printUsageError(io, readFailure((e as NodeJS.ErrnoException).path ?? path, e));
    return EXIT.usage;
  }
  try {
    const { identity } = verifyBundleArchive(archive, { trustedKeys: keys });
    if (options.json) printJson(io, { ok: true, ...identity });
    else io.stderr.write(`${say(io, 'verify-ok', { path, version: identity.version, digest: identity.digest })}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof TypeError) {
      printUsageError(io, diagnostic('cli-public-key', undefined, {}, { detail: { tool: 'node', text: e.message } }));
      return EXIT.usage;
    }
    if (!(e instanceof PolicyLoadError)) throw e;
    if (options.json) printJson(io, { ok: false, code: e.code, message: e.message });
    else printPolicyRefused(io, path, e);
    return EXIT.policyErrors;
  }
}
