/**
 * The qingdan package itself: its folder and version, found from this module's own location, so
 * the answer is the same run from sources (tsx) or from the compiled lib/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder of the `qingdan` package.json above this module. */
export function qingdanRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'qingdan') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('the qingdan package was not found above the compiler');
    dir = up;
  }
}

/** The version of the running qingdan: the compiler a manifest names. */
export function compilerVersion(): string {
  return (JSON.parse(readFileSync(join(qingdanRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
