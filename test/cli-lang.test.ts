/**
 * Chinese first: `--lang zh|en`, defaulting from the locale (`LC_ALL`, then `LANG`: `zh_*` is
 * Chinese), for the terminal and for `--json` alike. `--json` carries the diagnostic as data
 * (code, id, args, span, related, hint, fix); its `message` is that data rendered.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODES, HINTS, TERMS } from '../compiler/diagnostic-codes.js';
import { ROOT, runCli } from './support.js';

const work = await mkdtemp(join(ROOT, 'test/.tmp-lang-'));
const file = relative(ROOT, join(work, 'draft.qd'));
afterAll(() => rm(work, { recursive: true, force: true }));
await writeFile(join(ROOT, file), 'list draft "示例" {\n  secter S16\n  zones nansha\n}\n');

/** Runs `check` on the draft with the given locale variables (and arguments before the command). */
const check = (env: Record<string, string>, ...before: string[]) => runCli([...before, 'check', 'policy', file], { env });

describe('the language of diagnostics', () => {
  it('is Chinese under a zh_* locale, from LANG when LC_ALL is unset, and from LC_ALL over LANG', async () => {
    for (const env of [{ LC_ALL: '', LANG: 'zh_CN.UTF-8' }, { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }]) {
      const r = await check(env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('错误[QD2001]');
      expect(r.stderr).toContain(TERMS.block.list.zh);
      expect(r.stderr).not.toContain(TERMS.block.list.en);
    }
  });

  it('is English under any other locale, and --lang overrides the locale either way', async () => {
    expect((await check({ LC_ALL: '', LANG: 'C.UTF-8' })).stderr).toContain('error[QD2001]');
    expect((await check({ LC_ALL: 'fr_FR.UTF-8', LANG: 'zh_CN.UTF-8' })).stderr).toContain('error[QD2001]');
    expect((await check({ LC_ALL: '', LANG: 'en_US.UTF-8' }, '--lang', 'zh')).stderr).toContain('错误[QD2001]');
    expect((await check({ LC_ALL: 'zh_CN.UTF-8' }, '--lang', 'en')).stderr).toContain('error[QD2001]');
  });

  it('refuses a language it does not have, as a usage error', async () => {
    expect((await check({}, '--lang', 'fr')).code).toBe(2);
  });

  it('carries code, id, args, span, hint and fix in --json, the message rendered in the chosen language', async () => {
    const zh = await runCli(['--lang', 'zh', 'check', 'policy', file, '--json']);
    const en = await runCli(['--lang', 'en', 'check', 'policy', file, '--json']);
    const misspelt = (stdout: string) => (JSON.parse(stdout) as { diagnostics: Array<Record<string, unknown>> }).diagnostics.find((d) => d.id === 'unknown-keyword');
    const dz = misspelt(zh.stdout);
    const de = misspelt(en.stdout);
    expect(dz).toMatchObject({
      code: CODES['unknown-keyword'].code,
      id: 'unknown-keyword',
      args: { word: "'secter'", context: 'list' },
      span: { file, line: 2, column: 3, endLine: 2, endColumn: 9 },
      hint: { id: 'did-you-mean', args: { words: ['sector'] } },
      fix: { span: { line: 2, column: 3 }, replacement: 'sector' },
    });
    // The data is the same in both languages; only the rendered text differs.
    const { message: mz, hint: hz, ...restZh } = dz!;
    const { message: me, hint: he, ...restEn } = de!;
    expect(restZh).toEqual(restEn);
    expect(mz).not.toBe(me);
    expect(mz).toMatch(/\p{Script=Han}/u);
    expect((hz as { text: string }).text).not.toBe((he as { text: string }).text);
    expect(HINTS['did-you-mean'].zh.startsWith((hz as { text: string }).text.slice(0, 4))).toBe(true);
  });
});
