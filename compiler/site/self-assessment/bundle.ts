/**
 * The self-assessment page's script: the runtime (Policy, marginsOf, reportOf and the report's
 * precompiled validator) and the page's code (app.ts), bundled by esbuild for the browser as one
 * classic script, so the page works opened from disk (file://) as from any static host. Node's
 * modules the runtime imports for loading files are stubbed: the page loads nothing but the
 * bytes it carries. Deterministic: the same sources give the same script.
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { qingdanRoot } from '../../qingdan-package.js';

const HERE = 'compiler/site/self-assessment';

/** Node's modules the runtime imports: node:crypto → crypto-shim.ts (SHA-256), the others → a stub that throws when used. */
function browserAliases(root: string): Record<string, string> {
  const stub = join(root, HERE, 'node-stub.cjs');
  return { 'node:crypto': join(root, HERE, 'crypto-shim.ts'), 'node:fs': stub, 'node:path': stub, 'node:zlib': stub, 'node:os': stub, 'node:url': stub };
}

let cached: string | undefined;

/** The page's script (built once per process). */
export function selfAssessmentScript(): string {
  if (cached !== undefined) return cached;
  const root = qingdanRoot();
  const result = buildSync({
    entryPoints: [join(root, HERE, 'app.ts')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    inject: [join(root, HERE, 'buffer-shim.ts')],
    alias: browserAliases(root),
    logLevel: 'silent',
  });
  return (cached = result.outputFiles[0]!.text);
}
