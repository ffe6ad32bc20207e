/** `qingdan verify`: is a bundle archive signed by a trusted key, intact, and a policy the runtime loads? */
import { resolve } from 'node:path';
import { readArchiveFile } from '../../runtime/bundle-archive.js';
import { PolicyLoadError } from '../../runtime/errors.js';
import { Policy } from '../../runtime/policy.js';
import { EXIT } from '../exit.js';
import { readFailure } from '../../compiler/read-failure.js';
import type { Io } from '../io.js';
import { printJson } from '../output.js';
import { say } from '../messages.js';
import { printPolicyRefused } from '../policy-refused.js';
import { readTrustedKeys } from '../trusted-keys.js';
import { printUsageError } from '../usage-error.js';

/**
 * Verifies the archive at `path` against the keys `options.key` exactly as a loader configured
 * with those keys would (signature, files, then the policy's schema); returns 0 when good, 1
 * with a coded reason otherwise.
 */
export async function verify(io: Io, path: string, options: { key: string[]; json?: boolean }): Promise<number> {
  const trusted = await readTrustedKeys(io.cwd, options.key);
  if ('problem' in trusted) {
    printUsageError(io, trusted.problem);
    return EXIT.usage;
  }
  const refused = (e: PolicyLoadError): number => {
    if (options.json) printJson(io, { ok: false, code: e.code, message: e.message });
    else printPolicyRefused(io, path, e);
    return EXIT.policyErrors;
  };
  let archive: Buffer;
  try {
    archive = await readArchiveFile(resolve(io.cwd, path));
  } catch (e) {
    if (e instanceof PolicyLoadError) return refused(e);
    printUsageError(io, readFailure(path, e));
    return EXIT.usage;
  }
  try {
    const policy = await Policy.load(archive, { trustedKeys: trusted.keys });
    const identity = { version: policy.version, digest: policy.digest };
    if (options.json) printJson(io, { ok: true, ...identity });
    else io.stderr.write(`${say(io, 'verify-ok', { path, version: identity.version, digest: identity.digest })}\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof PolicyLoadError)) throw e;
    return refused(e);
  }
}
