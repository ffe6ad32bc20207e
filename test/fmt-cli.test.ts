/**
 * `qingdan fmt` on a folder of its own: the first test runs the installed command in child
 * processes, as a user does; the others run the same `main` in this process (see runCli).
 */
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './support.js';

/** `node bin/qingdan.js args` in a child process. */
function spawned(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/qingdan.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command in this process. */
async function inProcess(args: string[], cwd: string) {
  const r = await runCli(args, { cwd });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

const MESSY = 'zone   z "南沙片区"   basis measures.art5   // 片区\nzone y "前海" authority "管委会"\n';
const CANONICAL = 'zone z "南沙片区" basis measures.art5 // 片区\nzone y "前海" authority "管委会"\n';

describe('qingdan fmt', () => {
  it('--check lists the files that would change, exits 1 and writes nothing; fmt then rewrites them and --check passes', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'messy.qd'), MESSY);
    await writeFile(join(dir, 'tidy.qd'), CANONICAL);
    const checked = spawned(['fmt', '--check', '.'], dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout.trim().split('\n')).toEqual(['would reformat messy.qd']);
    expect(await readFile(join(dir, 'messy.qd'), 'utf8')).toBe(MESSY);

    const formatted = spawned(['fmt', '.'], dir);
    expect(formatted.status).toBe(0);
    expect(await readFile(join(dir, 'messy.qd'), 'utf8')).toBe(CANONICAL);
    // The atomic write leaves no temporary file behind.
    expect((await readdir(dir)).sort()).toEqual(['messy.qd', 'tidy.qd']);
    expect(spawned(['fmt', '--check', '.'], dir).status).toBe(0);
  });

  it('leaves a file it cannot print untouched and reports why with a located code', async () => {
    const dir = await tempDir();
    const broken = 'list l "t" {\n  secter S16\n}\n';
    await writeFile(join(dir, 'broken.qd'), broken);
    const r = await inProcess(['fmt', 'broken.qd'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('QD2001');
    expect(r.stderr).toContain('broken.qd:2:3');
    expect(await readFile(join(dir, 'broken.qd'), 'utf8')).toBe(broken);
  });

  it('exits 2 on a path that does not exist', async () => {
    const r = await inProcess(['fmt', 'nowhere'], await tempDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('QD4001');
  });
});
