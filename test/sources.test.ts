/**
 * Reading sources: only regular `.qd` files inside the project are read. Links, FIFOs, sockets
 * and files outside the project are refused with a located, coded error that shows none of
 * their content; a file above the size limit is refused before it is read.
 */
import { execFileSync } from 'node:child_process';
import { cp, symlink, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../compiler/build.js';
import { MAX_SOURCE_BYTES, readSources } from '../compiler/compile.js';
import { formatDiagnostics } from '../compiler/print-diagnostics.js';
import { ROOT, runCli, tempDir } from './support.js';

const SECRET = 'AWS_SECRET_ACCESS_KEY=qd-test-secret-5f1e';

/** A project with the real policy, and a "secret" file outside it that would not parse. */
async function project(): Promise<{ work: string; secret: string }> {
  const outside = await tempDir('qingdan-outside-');
  const secret = join(outside, 'environ');
  await writeFile(secret, `${SECRET}\nHOME=/root\n${SECRET}\n`);
  const work = await tempDir('qingdan-src-');
  await cp(join(ROOT, 'policy'), join(work, 'policy'), { recursive: true });
  await writeFile(join(work, 'package.json'), JSON.stringify({ version: '1.0.0' }));
  return { work, secret };
}

const found = (r: { diagnostics: readonly { code: string; span?: { file: string } }[] }) => r.diagnostics.map((d) => [d.code, d.span?.file]);

describe('reading sources', () => {
  it('refuses a .qd file that links outside the project, and never prints its content', async () => {
    const { work, secret } = await project();
    await symlink(secret, join(work, 'policy/lists/env.qd'));
    const r = await build({ paths: ['policy'], outDir: 'dist', root: work });
    expect(r.files).toBeUndefined();
    expect(found(r)).toEqual([['QD4011', 'policy/lists/env.qd']]);
    expect(r.sources?.some((s) => s.text.includes(SECRET))).toBe(false);
    const printed = formatDiagnostics(r.diagnostics, { color: false, lang: 'en', texts: new Map(r.sources!.map((s) => [s.path, s.text])) });
    expect(printed).not.toContain('qd-test-secret');
    expect(printed).toContain('policy/lists/env.qd:1:1');
  });

  it('prints no linked content from the CLI either, and exits 2', async () => {
    const { work, secret } = await project();
    await symlink(secret, join(work, 'policy/lists/env.qd'));
    const r = await runCli(['build'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('QD4011');
    expect(r.stdout + r.stderr).not.toContain('qd-test-secret');
  });

  it('refuses a linked folder of sources and a path that goes through a link', async () => {
    const { work } = await project();
    const elsewhere = await tempDir('qingdan-elsewhere-');
    await writeFile(join(elsewhere, 'extra.qd'), '// not policy\n');
    await symlink(elsewhere, join(work, 'policy/more'));
    await symlink('policy', join(work, 'linked-policy'));
    const r = await readSources(['policy', 'linked-policy/lists'], work);
    expect(found(r)).toEqual([
      ['QD4011', 'linked-policy'],
      ['QD4011', 'policy/more'],
    ]);
    expect(r.sources.map((s) => s.path)).not.toContain('policy/more/extra.qd');
  });

  it('refuses a FIFO without waiting on it, and a socket', async () => {
    const { work } = await project();
    execFileSync('mkfifo', [join(work, 'policy/lists/pipe.qd')]);
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(work, 'policy/lists/sock.qd'), done));
    try {
      const r = await readSources(['policy', 'policy/lists/pipe.qd'], work);
      expect(r.diagnostics.map((d) => [d.code, d.span?.file, d.args])).toEqual([
        ['QD4012', 'policy/lists/pipe.qd', { path: 'policy/lists/pipe.qd', kind: 'fifo' }],
        ['QD4012', 'policy/lists/sock.qd', { path: 'policy/lists/sock.qd', kind: 'socket' }],
      ]);
    } finally {
      server.close();
    }
  });

  it('refuses sources outside the project', async () => {
    const { work, secret } = await project();
    const r = await readSources(['policy', secret, '../'], work);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['QD4013', 'QD4013']);
    expect(r.sources.some((s) => s.text.includes(SECRET))).toBe(false);
  });

  it('refuses a file above the size limit before reading it', async () => {
    const { work } = await project();
    const big = join(work, 'policy/lists/big.qd');
    await writeFile(big, '');
    await truncate(big, MAX_SOURCE_BYTES + 1); // sparse: no disk is used
    const r = await readSources(['policy'], work);
    expect(found(r)).toEqual([['QD4014', 'policy/lists/big.qd']]);
    expect(r.diagnostics[0]!.args).toMatchObject({ bytes: MAX_SOURCE_BYTES + 1 });
    await truncate(big, 0);
    await writeFile(big, '// a comment is a source\n');
    expect((await readSources(['policy'], work)).diagnostics).toEqual([]);
  });

  it('reads the real policy as before', async () => {
    const r = await readSources(['policy'], ROOT);
    expect(r.diagnostics).toEqual([]);
    expect(r.sources.map((s) => s.path)).toContain('policy/lists/icv.qd');
  });
});
