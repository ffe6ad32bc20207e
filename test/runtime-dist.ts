/**
 * Whether runtime/dist/ — what `npm pack` puts into @qingdan/runtime's tarball — was built from
 * the runtime's current sources. `npm ci` builds it (the root `prepare` script) and global setup
 * rebuilds it when it is stale, so the packing test packs it as it is instead of running the
 * package's `prepack` build (a full tsc run) itself, while other test files may be reading it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/build.mjs';

const RUNTIME = join(ROOT, 'runtime');
const DIST = join(RUNTIME, 'dist');
/** What the build reads besides the sources (runtime/tsconfig.build.json extends the root's). */
const CONFIG = [join(RUNTIME, 'tsconfig.build.json'), join(ROOT, 'tsconfig.json'), join(RUNTIME, 'package.json')];

/**
 * The first reason runtime/dist/ is not the build of the current sources, or undefined: each
 * source (runtime/*.ts) needs its .js and .d.ts, newer than it and than the build's
 * configuration, and no .js may be left from a source that is gone.
 */
export function runtimeDistStale(): string | undefined {
  const sources = readdirSync(RUNTIME).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  let built: string[];
  try {
    built = readdirSync(DIST).filter((f) => f.endsWith('.js'));
  } catch {
    return 'runtime/dist/ has not been built';
  }
  const names = new Set(sources.map((f) => f.slice(0, -'.ts'.length)));
  const orphan = built.find((f) => !names.has(f.slice(0, -'.js'.length)));
  if (orphan) return `runtime/dist/${orphan} has no source`;
  const configTime = Math.max(...CONFIG.map(mtime));
  for (const source of sources) {
    const name = source.slice(0, -'.ts'.length);
    const since = Math.max(configTime, mtime(join(RUNTIME, source)));
    for (const out of [`${name}.js`, `${name}.d.ts`]) {
      const time = mtime(join(DIST, out));
      if (!(time >= since)) return `runtime/dist/${out} is older than its source or the build's configuration`;
    }
  }
  return undefined;
}

/** A file's modification time, NaN when it is missing (so that it compares as stale). */
function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.NaN;
  }
}
