/**
 * The compiled CLI (scripts/build.mjs): what starting it loads, and how bin/qingdan.js knows
 * that lib/ is older than the sources.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, INPUTS, rebuildNotice, ROOT, staleInput, TARGETS, type Metafile } from '../scripts/build.mjs';
import { tempDir } from './support.js';

// The CLI built into a folder of its own, so that lib/, which other tests run, is left alone.
let outdir: string;
let metafile: Metafile;
beforeAll(async () => {
  outdir = await tempDir();
  ({ metafile } = await build({ ...TARGETS.cli, outdir }));
});

describe('the compiled CLI', () => {
  it('starts without loading any command: compiler, runtime and chevrotain load only in an action', async () => {
    // Everything the entry imports statically (what `qingdan --help` loads).
    const loaded = new Set<string>();
    const visit = (output: string) => {
      if (loaded.has(output)) return;
      loaded.add(output);
      for (const i of metafile.outputs[output]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
    };
    visit(relative(ROOT, join(outdir, 'qingdan.js')));
    const inputs = [...loaded].flatMap((o) => Object.keys(metafile.outputs[o]!.inputs));
    expect(inputs).toContain('cli/main.ts');
    expect(inputs.filter((i) => /^(runtime\/|compiler\/(parser|lexer|compile|build|diff\/|bundle\/)|cli\/actions\/)|chevrotain|lodash/.test(i))).toEqual([]);
    // …and each action is a chunk of its own, loaded by the action.
    const lazy = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
    expect(lazy.length).toBeGreaterThanOrEqual(8);
  });

  it('records the sources it was built from, and only the project’s own', async () => {
    expect(staleInput(outdir)).toBeUndefined();
    const inputs = Object.keys(JSON.parse(await readFile(join(outdir, INPUTS), 'utf8')).inputs);
    expect(inputs).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/actions/check.ts', 'compiler/parser.ts']));
    expect(inputs.filter((i) => i.includes('node_modules'))).toEqual([]);
  });

  it('names a source changed or removed since the build, and a build that never ran', async () => {
    const empty = await tempDir();
    expect(staleInput(empty)).toEqual({});
    const { mtimeMs } = await stat(join(ROOT, 'cli/main.ts'));
    const record = (inputs: Record<string, number>) => writeFile(join(empty, INPUTS), JSON.stringify({ inputs }));
        await record({ 'cli/main.ts': mtimeMs });
    expect(staleInput(empty)).toBeUndefined();
    await record({ 'cli/main.ts': mtimeMs - 1000 });
    expect(staleInput(empty)).toEqual({ input: 'cli/main.ts' });
    await record({ 'cli/main.ts': mtimeMs, 'cli/removed.ts': mtimeMs });
    expect(staleInput(empty)).toEqual({ input: 'cli/removed.ts' });
    await record({ 'cli/main.ts': -1 }); // changed while the build ran
    expect(staleInput(empty)).toEqual({ input: 'cli/main.ts' });
  });

  it('says which source changed, or that the folder was never built, before rebuilding', () => {
    const lib = join(ROOT, 'lib');
    expect(rebuildNotice({ input: 'cli/main.ts' }, lib)).toBe('qingdan: cli/main.ts changed since lib/ was built; rebuilding\n');
    expect(rebuildNotice({}, lib)).toBe('qingdan: lib/ has not been built; rebuilding\n');
  });
});
