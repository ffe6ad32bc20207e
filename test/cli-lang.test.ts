/**
 * Chinese first: `--lang zh|en`, defaulting from the locale (`LC_ALL`, then `LANG`: `zh_*` is
 * Chinese), for the terminal and for `--json` alike. `--json` carries the diagnostic as data
 * (code, id, args, span, related, hint, fix); its `message` is that data rendered.
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command, CommanderError } from 'commander';
import { usageDiagnostic } from '../cli/usage-error.js';
import { CODES, HINTS, TERMS, type DiagnosticArgs } from '../compiler/diagnostic-codes.js';
import { render } from '../compiler/diagnostics.js';
import { diagnosticLine, ROOT, runCli } from './support.js';

// Named at the top (the tables below use the path), made in a hook: collecting the file
// (`vitest list`) runs no afterAll, and a folder made at the top was left behind.
const work = join(ROOT, 'test', `.tmp-lang-${randomUUID()}`);
const file = relative(ROOT, join(work, 'draft.qd'));
beforeAll(async () => {
  await mkdir(work);
  await writeFile(join(ROOT, file), 'list draft "示例" {\n  secter S16\n  zones nansha\n}\n');
});
afterAll(() => rm(work, { recursive: true, force: true }));

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

  // A usage error is found by commander while parsing; it is printed from its catalogue entry
  // (chosen by commander's error code) in the chosen language, its first line rendered from id and args.
  const usage = [
    ['an unknown option', ['check', '--bogus'], 'cli-unknown-option', { option: '--bogus' }],
    ['an unknown command', ['chek'], 'cli-unknown-command', { command: 'chek' }],
    ['a missing argument', ['evaluate'], 'cli-missing-argument', { argument: '<request>' }],
    ['a missing option value', ['check', '--lang'], 'cli-option-missing-value', { option: '--lang <lang>' }],
    ['a value outside its choices', ['--lang', 'fr', 'check'], 'cli-invalid-value', { option: '--lang <lang>', value: "'fr'" }],
    ['a value outside its choices after =', ['--lang=fr', 'check'], 'cli-invalid-value', { option: '--lang <lang>', value: "'fr'" }],
    ['a missing required option', ['proposal', 'new', 'x', '--author', 'p-li'], 'cli-missing-option', { option: '--title <title>' }],
    ['an argument too many', ['evaluate', 'a.json', 'b.json'], 'cli-too-many-arguments', { command: "'evaluate'", expected: 1, received: 2 }],
    ['an unknown subcommand', ['proposal', 'advanse'], 'cli-unknown-command', { command: 'advanse' }],
  ] as const;
  for (const [mistake, args, id, expected] of usage) {
    it(`prints ${mistake} in Chinese under --lang zh or a zh locale, in English otherwise, exit 2 either way`, async () => {
      const kind = CODES[id];
      for (const [env, before, lang] of [
        [{ LC_ALL: 'zh_CN.UTF-8' }, [], 'zh'],
        [{}, ['--lang', 'zh'], 'zh'],
        [{}, [], 'en'],
      ] as const) {
        if (id === 'cli-invalid-value' && before.length) continue; // --lang itself is the mistake
        const r = await runCli([...before, ...args], { env });
        expect(r.code).toBe(2);
        const head = lang === 'zh' ? `错误[${kind.code}]：` : `error[${kind.code}]: `;
        expect(r.stderr.split('\n')[0]).toBe(head + render(kind, expected, lang));
        expect(r.stderr).not.toMatch(/^error: /m); // commander's own English line is not printed
      }
    });
  }

  // What the commands themselves refuse, each a catalogued diagnostic with its arguments.
  const refusals = [
    [['diff', '--format', 'html'], 'cli-invalid-value', { option: '--format', value: "'html'" }],
    [['site', '--date', '2026-13-01'], 'cli-invalid-date', { option: '--date', date: "'2026-13-01'" }],
    // Of the right form but no day: Date.parse rolled it over to 2 March, and the site was written.
    [['site', '--date', '2027-02-30'], 'cli-invalid-date', { option: '--date', date: "'2027-02-30'" }],
    [['proposal', 'advance', '2026-0001-icv', '--date', '2027-02-30'], 'cli-invalid-date', { option: '--date', date: "'2027-02-30'" }],
    [['report', 'check', 'r.json', '--as-of', '2027-13-01'], 'cli-invalid-date', { option: '--as-of', date: "'2027-13-01'" }],
    [['report', 'compare', 'r.json', 'x.jsonl', '--max-persons', '0'], 'cli-not-positive-integer', { option: '--max-persons', value: "'0'" }],
    [['diff', 'HEAD', 'HEAD', '--max-bytes', 'abc'], 'cli-not-positive-integer', { option: '--max-bytes', value: "'abc'" }],
    [['report', 'compare', 'r.json', 'x.jsonl', '--max-persons', '0x10'], 'cli-not-positive-integer', { option: '--max-persons', value: "'0x10'" }],
    [['evaluate', file], 'cli-request-not-json', { path: file }],
    [['evaluate', 'no-such-request.json'], 'cannot-read', { path: 'no-such-request.json', reason: 'ENOENT' }],
    [['gazette', '--dist', 'no-such-dist'], 'cli-no-gazette', { path: join(ROOT, 'no-such-dist', 'gazette') }],
    [['serve'], 'cli-serve-needs-key', {}],
    // A build folder: Policy.load takes one, but serve hands out the archive itself.
    [['serve', 'policy', '--allow-unsigned'], 'cli-serve-folder', { path: 'policy' }],
  ] as const;
  for (const [args, id, expected] of refusals) {
    it(`refuses ${args.slice(0, 2).join(' ')} as ${id}, in Chinese (exit 2)`, async () => {
      const r = await runCli(['--lang', 'zh', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(diagnosticLine(id, expected as DiagnosticArgs<typeof id>, 'zh'));
    });
  }

  it('never writes a key pair over another (exit 2)', async () => {
    const keys = relative(ROOT, join(work, 'keys'));
    expect((await runCli(['keys', 'generate', keys])).code).toBe(0);
    const again = await runCli(['--lang', 'zh', 'keys', 'generate', keys]);
    expect([again.code, again.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-key-exists', { path: keys }, 'zh')]);
  });

  it('writes no key into the working folder for an empty <dir>, and leaves no half a pair when the second file cannot be written', async () => {
    const empty = await runCli(['keys', 'generate', ''], { cwd: work });
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-invalid-value', { option: '<dir>', value: "''" })]);
    expect(existsSync(join(work, 'private.pem'))).toBe(false);
    // public.pem taken by a folder: private.pem, written first, is removed again (a full disk
    // left an empty private.pem that every retry refused to write over).
    const half = join(work, 'half');
    await mkdir(join(half, 'public.pem'), { recursive: true });
    const r = await runCli(['keys', 'generate', half]);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-key-exists', { path: half })]);
    expect(existsSync(join(half, 'private.pem'))).toBe(false);
  });

  it('names an unknown revision in the chosen language (exit 2)', async () => {
    const r = await runCli(['--lang', 'zh', 'diff', 'no-such-revision']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`错误[QD4031]：${render(CODES['unknown-revision'], { revision: "'no-such-revision'" }, 'zh')}`);
  });

  it('reads the values a usage error names from the command line and the declarations, never from commander\'s wording', () => {
    const command = new Command('demo').exitOverride().configureOutput({ outputError: () => {} }).option('--json').argument('<file>');
    const failure = (args: string[]) => {
      try {
        command.parse(args, { from: 'user' });
      } catch (e) {
        // The same error in other words: only its code and exit code are kept.
        const { exitCode, code } = e as CommanderError;
        return usageDiagnostic(new CommanderError(exitCode, code, 'some other wording'), command, args);
      }
      throw new Error('no usage error');
    };
    expect(failure(['x', '--jsn'])).toMatchObject({ id: 'cli-unknown-option', args: { option: '--jsn' }, hint: { id: 'did-you-mean', args: { words: ['--json'] } } });
    expect(failure([])).toMatchObject({ id: 'cli-missing-argument', args: { argument: '<file>' } });
  });

  it('offers a did-you-mean for an unknown subcommand, and keeps what it cannot name as commander\'s verbatim text', async () => {
    const r = await runCli(['--lang', 'zh', 'proposal', 'advanse']);
    expect(r.stderr).toContain(`= 提示：${render(HINTS['did-you-mean'], { words: ['advance'] }, 'zh')}`);
    const other = usageDiagnostic(new CommanderError(1, 'commander.somethingNew', 'error: something new'), new Command('demo'), []);
    expect(other).toMatchObject({ id: 'cli-usage', detail: { tool: 'commander', text: 'something new' } });
  });

  it('offers commander\'s did-you-mean as a catalogued hint', async () => {
    const r = await runCli(['--lang', 'zh', 'check', '--jsn']);
    expect(r.stderr).toContain(`= 提示：${render(HINTS['did-you-mean'], { words: ['--json'] }, 'zh')}`);
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
