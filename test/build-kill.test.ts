/**
 * A build killed at any moment leaves `dist` resolving to a complete, verifiable build, and the
 * next build removes what the killed one left. Real processes, real SIGKILLs at random delays and
 * aimed at random steps of the swap, in a loop bounded in time.
 */
import { spawn } from 'node:child_process';
import { readlinkSync, statSync, watch, type FSWatcher } from 'node:fs';
import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, readlink, realpath, utimes } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { SUPERSEDED, SUPERSEDED_GRACE_MS } from '../compiler/output-folder.js';
import { BUILD_MARKER } from '../runtime/artifact.js';
import { Policy } from '../runtime/index.js';
import { driverPath } from './drivers.js';
import { ROOT, tempDir } from './support.js';

/** test/fixtures/build-forever.ts, compiled before the tests: a driver starts in a fraction of a second. */
const DRIVER = driverPath('build-forever');
/**
 * How long the loop runs, and the fewest kills it makes however slowly drivers start on a loaded
 * machine; each round spawns a driver, kills it and checks `dist`. (Run through tsx, a driver
 * took 2.7× as long per round: a 20 s loop with at least 4 kills made 4 at load 17, where this
 * one makes 16 in 45 s.)
 */
const BUDGET_MS = 8_000;
const MIN_KILLS = 10;

/**
 * When to kill a driver once it is under way: after `delay` ms, or — aimed at the swap — as soon
 * as the `nth` entry of the output's parent folder is made, renamed or removed (inotify, so the
 * kill lands between the content folder's creation, the link's, the rename and the clean-up).
 */
type Aim = { readonly delay: number } | { readonly nth: number; readonly watch: string };

/** Starts the driver, waits for it to be under way, kills it as `aim` says; resolves on its exit. */
function killDuring(args: string[], aim: Aim): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [DRIVER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const kill = () => child.kill('SIGKILL');
    let watcher: FSWatcher | undefined;
    const lines = createInterface({ input: child.stdout });
    lines.once('line', () => {
      if ('delay' in aim) return void setTimeout(kill, aim.delay);
      let seen = 0;
      watcher = watch(aim.watch, () => ++seen === aim.nth && kill());
      setTimeout(kill, 5_000); // if the events never come
    });
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      watcher?.close();
      if (signal === 'SIGKILL') done();
      else fail(new Error(`the driver exited with ${code} before it was killed`));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `dist` is a link to a folder holding exactly a build: the marker, the manifest and the artifacts it lists, each matching its sha256. */
async function expectCompleteBuild(dist: string): Promise<void> {
  expect((await lstat(dist)).isSymbolicLink()).toBe(true);
  const folder = await realpath(dist);
  const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { sha256: string }> };
  const files = (await readdir(folder, { withFileTypes: true, recursive: true })).filter((e) => e.isFile()).map((e) => relative(folder, join(e.parentPath, e.name)));
  expect(files.sort()).toEqual([BUILD_MARKER, 'manifest.json', ...Object.keys(manifest.artifacts)].sort());
  for (const [name, { sha256 }] of Object.entries(manifest.artifacts)) {
    expect(createHash('sha256').update(await readFile(join(folder, name))).digest('hex'), name).toBe(sha256);
  }
  await Policy.load(dist);
}

describe('a build killed at a random moment', () => {
  it('always leaves dist resolving to a complete build, and the next build tidies up', { timeout: 300_000 }, async () => {
    const work = await tempDir('qingdan-kill-');
    const dist = join(work, 'dist');
    expect((await build({ paths: ['policy'], outDir: dist, root: ROOT })).files).toBeDefined();
    // A copy of the first build for the publishing drivers, outside the folder they replace.
    const source = join(await tempDir('qingdan-kill-from-'), 'dist');
    expect((await build({ paths: ['policy'], outDir: source, root: ROOT })).files).toBeDefined();

    const started = Date.now();
    let kills = 0;
    while (Date.now() - started < BUDGET_MS || kills < MIN_KILLS) {
      // Every fourth round a whole build, else republishing, so most kills land in the swap.
      const args = kills % 4 === 3 ? [ROOT, dist, 'build'] : [ROOT, dist, 'publish', await realpath(source)];
      const aim: Aim = kills % 2 === 0 ? { nth: 1 + Math.floor(Math.random() * 6), watch: work } : { delay: Math.random() * (args[2] === 'build' ? 1500 : 250) };
      await killDuring(args, aim);
      kills++;
      await expectCompleteBuild(dist);
      // What the killed driver left is recognisably a build's, so the next build can remove it.
      const ours = (await readdir(work)).filter((e) => e !== 'dist');
      expect(ours.filter((e) => !e.startsWith('.dist.build-') && !e.startsWith('.dist.link-'))).toEqual([]);
      for (const e of ours.filter((e) => e.startsWith('.dist.build-'))) {
        const entries = await readdir(join(work, e));
        expect(entries.length === 0 || entries.includes(BUILD_MARKER), `${e}: ${entries.join(' ')}`).toBe(true);
      }
    }

    // Builds replaced less than the grace period ago stay for their readers: let it pass.
    const past = (Date.now() - SUPERSEDED_GRACE_MS - 1_000) / 1000;
    for (const e of (await readdir(work)).filter((e) => e.startsWith('.dist.build-'))) await utimes(join(work, e, SUPERSEDED), 0, past).catch(() => undefined);
    const previous = await readlink(dist);
    expect((await build({ paths: ['policy'], outDir: dist, root: ROOT })).files).toBeDefined();
    await expectCompleteBuild(dist);
    const left = await readdir(work);
    const kept = new Set([previous, await readlink(dist)]);
    // Anything else would have to be a build still running: only when a killed driver's process
    // id has already been reused by a live process (ids wrap at 32768 on a busy machine).
    const extra = left.filter((e) => (e.startsWith('.dist.build-') || e.startsWith('.dist.link-')) && !kept.has(e));
    expect(extra.filter((e) => !alive(Number(/-(\d+)-[0-9a-f]+$/.exec(e)?.[1]))), left.join(' ')).toEqual([]);
  });

  // Kills rarely land in the microseconds between two renames; a reader polling while builds
  // flip dist does find such a gap (a flip done as unlink + rename fails this test).
  it('never lets a reader find dist missing while builds replace it', { timeout: 120_000 }, async () => {
    const work = await tempDir('qingdan-flip-');
    const dist = join(work, 'dist');
    expect((await build({ paths: ['policy'], outDir: dist, root: ROOT })).files).toBeDefined();
    const source = await realpath(dist);
    const child = spawn(process.execPath, [DRIVER, ROOT, dist, 'publish', source], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ready) => createInterface({ input: child.stdout }).once('line', () => ready()));
      // A tight synchronous loop in this process while the driver flips dist in its own.
      let reads = 0;
      let misses = 0;
      let flips = 0;
      let last = await readlink(dist);
      const end = Date.now() + 4_000;
      while (Date.now() < end) {
        reads++;
        try {
          statSync(join(dist, 'manifest.json'));
        } catch {
          misses++;
        }
        if (reads % 1000 === 0) {
          try {
            const now = readlinkSync(dist);
            if (now !== last) flips++;
            last = now;
          } catch {
            misses++;
          }
        }
      }
      expect(flips).toBeGreaterThan(0);
      expect(misses, `${misses} of ${reads} reads found no dist/manifest.json over ${flips}+ flips`).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
