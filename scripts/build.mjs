#!/usr/bin/env node
/**
 * Compiles the TypeScript that `qingdan` runs into JavaScript in lib/ (gitignored), so that the
 * command starts without a TypeScript loader: `npm ci` runs this (the `prepare` script), and
 * bin/qingdan.js runs it again when a source changed since (see `staleInput`).
 *
 *   node scripts/build.mjs        # or: npm run build:cli
 *
 * The CLI is one esbuild bundle of the project's sources (and chevrotain, see BUNDLED), split
 * at every dynamic `import()`: lib/qingdan.js declares the commands, and each command's action
 * loads its own chunk when it runs, so starting loads no TypeScript loader and no code of a
 * command that does not run.
 *
 * To build another entry (e.g. the runtime as a package), add a target to TARGETS.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { statSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (this file is in scripts/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * What gets built. The CLI's output sits directly in lib/, one folder below the root like its
 * sources in cli/ and compiler/, so `new URL('../package.json', import.meta.url)` in them finds
 * the same package.json compiled or not.
 */
export const TARGETS = {
  cli: { entryPoints: { qingdan: 'cli/main.ts' }, outdir: 'lib' },
};

/** The file listing a build's own sources with their modification times. */
export const INPUTS = 'inputs.json';

/**
 * Dependencies stay in node_modules, except those that Node loads slowly from there: chevrotain
 * is hundreds of small lodash-es modules. A dependency must never be both bundled and loaded
 * from node_modules (the sources `createRequire` ajv's standalone code generator, and a bundled
 * ajv next to it generates garbage: its `instanceof` checks see two copies of its classes).
 */
const BUNDLED = new Set(['chevrotain']);

function externals() {
  const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return Object.keys(dependencies).filter((name) => !BUNDLED.has(name));
}

/** Output files older than this that the new build no longer has are removed (a process started before it may still load them). */
const KEEP_OBSOLETE_MS = 60_000;

/**
 * Builds `target` into its outdir and returns the files written (relative to the root) and
 * esbuild's metafile (what each output holds and imports). Each file is written under a
 * temporary name and renamed into place, the entry and the inputs list last, so that a
 * concurrent `qingdan` loads either the old build or the new one, never half a file.
 */
export async function build(target = TARGETS.cli) {
  const { build: esbuild } = await import('esbuild');
  const started = Date.now();
  const outdir = resolve(ROOT, target.outdir);
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: target.entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: '[name]-[hash]',
    external: externals(),
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  await mkdir(outdir, { recursive: true });
  const entries = new Set(Object.keys(target.entryPoints).map((name) => join(outdir, `${name}.js`)));
  const ordered = [...result.outputFiles].sort((a, b) => Number(entries.has(a.path)) - Number(entries.has(b.path)));
  for (const file of ordered) await writeAtomically(file.path, file.contents);
  await writeAtomically(join(outdir, INPUTS), `${JSON.stringify({ inputs: sourceTimes(result.metafile, started) }, null, 2)}\n`);
  await removeObsolete(outdir, new Set([...result.outputFiles.map((f) => basename(f.path)), INPUTS]));
  return { files: result.outputFiles.map((f) => relative(ROOT, f.path)), metafile: result.metafile };
}

/**
 * The project's own files that went into the build, each with its modification time. A file
 * changed while the build ran gets time -1, so the next start sees it as changed.
 */
function sourceTimes(metafile, started) {
  const times = {};
  for (const input of Object.keys(metafile.inputs).sort()) {
    if (input.includes('node_modules/')) continue;
    const mtime = statSync(join(ROOT, input)).mtimeMs;
    times[input] = mtime < started ? mtime : -1;
  }
  return times;
}

/**
 * Why `outdir` must be built again: `{ input }`, the first of its sources that changed since it
 * was built, or `{}` when it was never built; undefined when the build is current. Cheap enough
 * to run on every start: one stat per source file.
 */
export function staleInput(outdir = resolve(ROOT, TARGETS.cli.outdir)) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(outdir, INPUTS), 'utf8')).inputs;
  } catch {
    return {};
  }
  for (const [input, mtime] of Object.entries(inputs)) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs !== mtime) return { input };
    } catch {
      return { input };
    }
  }
  return undefined;
}

/** What `qingdan` says before it rebuilds `outdir`, for a `staleInput` answer. */
export function rebuildNotice(stale, outdir = resolve(ROOT, TARGETS.cli.outdir)) {
  const folder = `${relative(ROOT, outdir)}/`;
  return `qingdan: ${stale.input ? `${stale.input} changed since ${folder} was built` : `${folder} has not been built`}; rebuilding\n`;
}

async function writeAtomically(path, contents) {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

async function removeObsolete(outdir, keep) {
  for (const name of await readdir(outdir)) {
    if (keep.has(name)) continue;
    const path = join(outdir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && Date.now() - info.mtimeMs > KEEP_OBSOLETE_MS) await rm(path, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files } = await build();
  process.stderr.write(`built ${files.filter((f) => f.endsWith('.js')).length} files into ${dirname(files[0])}/\n`);
}
