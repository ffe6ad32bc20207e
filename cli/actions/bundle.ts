/** `qingdan bundle`: build and pack a (signed) bundle. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundle as buildBundle } from '../../compiler/bundle/bundle.js';
import { mayWriteBundle } from '../../compiler/bundle/output-file.js';
import { replaceFile } from '../../compiler/replace-file.js';
import { readPrivateKey } from '../../compiler/bundle/keys.js';
import { EXIT } from '../exit.js';
import { diagnostic, hint } from '../../compiler/diagnostics.js';
import type { Io } from '../io.js';
import { say } from '../messages.js';
import { printUsageError } from '../usage-error.js';
import { readKeyFile } from '../read-key-file.js';
import { exitFor, printDiagnostics } from '../output.js';

/** Builds the sources under `paths` into the archive `options.out`, signed with `options.sign`; returns the exit code. */
export async function bundle(io: Io, paths: readonly string[], options: { out: string; sign?: string; gazette?: boolean }): Promise<number> {
  const out = resolve(io.cwd, options.out);
  if (!(await mayWriteBundle(out))) {
    printUsageError(io, diagnostic('cli-not-a-bundle-file', undefined, { path: options.out }, { hint: hint('new-output-file') }));
    return EXIT.usage;
  }
  let signingKey;
  if (options.sign) {
    try {
      signingKey = readPrivateKey(await readKeyFile(resolve(io.cwd, options.sign)));
    } catch (e) {
      printUsageError(io, diagnostic('cli-signing-key', undefined, { path: options.sign }, { detail: { tool: 'node', text: (e as Error).message } }));
      return EXIT.usage;
    }
  }
  const result = await buildBundle({ paths, root: io.cwd, ...(signingKey ? { signingKey } : {}), gazette: options.gazette ?? false });
  const texts = new Map<string, string>();
  for (const d of result.diagnostics) {
    const file = d.span?.file;
    if (file && !texts.has(file)) texts.set(file, await readFile(resolve(io.cwd, file), 'utf8').catch(() => ''));
  }
  printDiagnostics(io, result.diagnostics, texts);
  if (!result.archive || !result.manifest?.bundle) {
    io.stderr.write(`${say(io, 'bundle-failed', { path: options.out })}\n`);
    return Math.max(EXIT.policyErrors, exitFor(result.diagnostics));
  }
  await replaceFile(out, result.archive);
  const { version, digest } = result.manifest.bundle;
  io.stderr.write(`${say(io, signingKey ? 'bundle-written-signed' : 'bundle-written', { version, digest: digest.slice(0, 12), path: options.out })}\n`);
  return EXIT.ok;
}
