/**
 * bin/heavy-commands.js: which commands bin/qingdan.js runs again under V8 flags of their own
 * (a larger young generation, a smaller inlining budget), and that the process it starts has the
 * flags and answers as the command would.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandOf, SMALL_YOUNG_GENERATION_FLAG, INLINING_FLAG, relaunchArgs, YOUNG_GENERATION_FLAG } from '../bin/heavy-commands.js';
import { ROOT, tempDir } from './support.js';

const BIN = join(ROOT, 'bin/qingdan.js');

describe('the V8 flags of heavy commands', () => {
  it('finds the command past the global options', () => {
    expect(commandOf(['--lang', 'zh', 'build', '--out', 'x'])).toBe('build');
    expect(commandOf(['--lang=en', 'fmt', '--check'])).toBe('fmt');
    expect(commandOf(['--no-color', 'check'])).toBe('check');
    expect(commandOf(['--help'])).toBeUndefined();
  });

  it('relaunches build, fmt, diff, site and bundle with the flags, and nothing else or twice', () => {
    for (const command of ['build', 'fmt', 'site', 'bundle']) {
      expect(relaunchArgs(BIN, ['--lang', 'zh', command, 'a'], ['--enable-source-maps'], {})).toEqual([YOUNG_GENERATION_FLAG, '--enable-source-maps', BIN, '--lang', 'zh', command, 'a']);
    }
    // A diff runs once and cold, and keeps what it parses: a small young generation, and less inlining.
    expect(relaunchArgs(BIN, ['diff', 'main'], [], {})).toEqual([SMALL_YOUNG_GENERATION_FLAG, INLINING_FLAG, BIN, 'diff', 'main']);
    expect(relaunchArgs(BIN, ['diff'], [SMALL_YOUNG_GENERATION_FLAG, INLINING_FLAG], {})).toBeNull();
    for (const command of ['check', 'evaluate', 'serve', 'lsp', 'proposal']) expect(relaunchArgs(BIN, [command], [], {})).toBeNull();
    expect(relaunchArgs(BIN, ['build'], [YOUNG_GENERATION_FLAG], {})).toBeNull();
    // The user's own size wins.
    expect(relaunchArgs(BIN, ['build'], [], { NODE_OPTIONS: '--max-semi-space-size=8' })).toBeNull();
  });

  it('runs fmt in a process started with the flags, with the command’s output and exit code', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'messy.qd'), 'zone   z "南沙片区"   basis measures.art5\n');
    // A preload each process runs (node passes it on with execArgv): it prints its flags.
    const probe = `data:text/javascript,process.stderr.write("execArgv " + JSON.stringify(process.execArgv.filter((a) => a.startsWith("--max-"))) + "\\n")`;
    const r = spawnSync(process.execPath, ['--import', probe, BIN, 'fmt', '--check', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toBe('would reformat messy.qd');
    expect(r.stderr.match(/^execArgv .*$/gm)).toEqual(['execArgv []', `execArgv ${JSON.stringify([YOUNG_GENERATION_FLAG])}`]);
  });
});
