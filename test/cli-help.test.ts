/**
 * `--help` in both languages: every command, argument and option of the real program has a
 * description in Chinese and English in cli/help-texts.ts (and the table names nothing the
 * program lacks), and `--help` prints the reader's language.
 */
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../compiler/governance/stages.js';
import { COMMAND_HELP, HELP_WORDS, type CommandHelp } from '../cli/help-texts.js';
import { main, program } from '../cli/main.js';
import { displayWidth } from '../compiler/display-width.js';
import { latinWordsIn } from './latin-words.js';
import { runCli } from './support.js';

const io = { cwd: '/', env: {}, stdout: { write: () => {}, colors: false }, stderr: { write: () => {}, colors: false }, stdin: Readable.from([]) };

/** Every command of the program by its path, with the names of its arguments and the long flags of its options. */
function commandsOf(command: Command, path: readonly string[] = []): Array<{ key: string; args: string[]; options: string[] }> {
  const here = { key: path.join(' ') || 'qingdan', args: command.registeredArguments.map((a) => a.name()), options: command.options.map((o) => o.long!) };
  return [here, ...command.commands.flatMap((c) => commandsOf(c, [...path, c.name()]))];
}

/** Words that are code or names in Chinese help: the commands' own values, tools, formats. */
const CODE = /^(?:list|baseline|governance|measures|icv|chromium|git|main|manifest|accepted|partly|rejected|withdrawn|superseded|draft|zh|en|Schema|Markdown|markdown|json|amendment)$/;

const table = COMMAND_HELP as Record<string, CommandHelp>;
const tree = commandsOf(program(io, async () => {}));

describe('the help table', () => {
  it('describes every command, argument and option of the program, and nothing else', () => {
    expect(Object.keys(table).sort()).toEqual(tree.map((c) => c.key).sort());
    for (const c of tree) {
      expect(Object.keys(table[c.key]!.arguments ?? {}).sort(), c.key).toEqual([...c.args].sort());
      expect(Object.keys(table[c.key]!.options ?? {}).sort(), c.key).toEqual([...c.options].sort());
    }
  });

  it('has both languages for every text, the Chinese free of English prose', () => {
    const texts = [
      ...Object.entries(table).flatMap(([key, h]) => [[key, h.description], ...Object.entries({ ...h.arguments, ...h.options }).map(([name, t]) => [`${key} ${name}`, t] as const)] as const),
      ...Object.entries(HELP_WORDS),
    ];
    for (const [where, t] of texts) {
      expect(t.en.trim(), where).not.toBe('');
      expect(t.zh, where).toMatch(/\p{Script=Han}|^\[/u);
      expect(latinWordsIn(t.zh).filter((w) => !CODE.test(w)), `${where}: ${t.zh}`).toEqual([]);
    }
  });
});

describe('--help', () => {
  it('prints every description of a command in the chosen language, and the help printer\u2019s words too', async () => {
    for (const [lang, before, env] of [['zh', ['--lang', 'zh'], {}], ['zh', [], { LC_ALL: 'zh_CN.UTF-8' }], ['en', [], {}]] as const) {
      const r = await runCli([...before, 'proposal', 'advance', '--help'], { env });
      expect(r.code).toBe(0);
      const h = COMMAND_HELP['proposal advance'];
      // Wrapped lines: Chinese breaks between characters, so spacing is not compared.
      const printed = r.stdout.replace(/\s+/g, '');
      for (const t of [h.description, h.arguments.id, ...Object.values(h.options), HELP_WORDS['Usage:'], HELP_WORDS['Options:'], HELP_WORDS.help]) expect(printed, lang).toContain(t[lang].replace(/\s+/g, ''));
    }
  });

  it('prints no English prose under --lang zh, for the program and every command', async () => {
    const english: string[] = [];
    for (const c of tree) {
      const r = await runCli(['--lang', 'zh', ...(c.key === 'qingdan' ? [] : c.key.split(' ')), '--help']);
      expect(r.code, c.key).toBe(0);
      // Argument names and option values (<stage>, [paths...]) are syntax; command names and the choices listed (stage ids) are code.
      const syntax = [...tree.flatMap((t) => t.key.split(' ')), ...c.args, 'help', ...STAGES];
      english.push(...latinWordsIn(r.stdout).filter((w) => !syntax.includes(w) && !CODE.test(w)).map((w) => `${c.key}: ${w}`));
    }
    expect(english).toEqual([]);
  });
});

describe('--help in a narrow terminal', () => {
  /** `--help` of the command at `path` printed `columns` wide, in `lang`. */
  async function helpAt(path: readonly string[], columns: number, lang: 'zh' | 'en'): Promise<string> {
    const out: string[] = [];
    const narrow = { ...io, stdout: { write: (t: string) => void out.push(t), colors: false, columns } };
    expect(await main(['--lang', lang, ...path, '--help'], narrow)).toBe(0);
    return out.join('');
  }

  it('wraps Chinese by display width: no line of any command\u2019s help is wider than the terminal, but for one unbreakable token', async () => {
    const tooWide: string[] = [];
    let wrapped = 0;
    for (const columns of [60, 80]) {
      for (const c of tree) {
        const path = c.key === 'qingdan' ? [] : c.key.split(' ');
        for (const line of (await helpAt(path, columns, 'zh')).split('\n')) {
          if (displayWidth(line) > columns && !/^\s*\S+$/.test(line)) tooWide.push(`${columns} ${c.key}: ${line}`);
          // A continuation line (only the description column) shows that wrapping happened.
          if (/^ {10,}\p{Script=Han}/u.test(line)) wrapped++;
        }
      }
    }
    expect(tooWide).toEqual([]);
    expect(wrapped).toBeGreaterThan(10);
  });

  it('wraps without losing or adding a character: the descriptions read the same unwrapped', async () => {
    const h = COMMAND_HELP['report compare'];
    for (const lang of ['zh', 'en'] as const) {
      const text = (await helpAt(['report', 'compare'], 60, lang)).split('\n').map((l) => l.trim()).join(lang === 'zh' ? '' : ' ');
      for (const t of [h.description, ...Object.values(h.options)]) expect(text.replace(/\s+/g, ''), lang).toContain(t[lang].replace(/\s+/g, ''));
    }
  });

  it('puts no space after the full-width colon of the usage line', async () => {
    for (const c of tree) {
      const path = c.key === 'qingdan' ? [] : c.key.split(' ');
      expect((await helpAt(path, 80, 'zh')).split('\n')[0], c.key).toMatch(new RegExp(`^${HELP_WORDS['Usage:'].zh}qingdan`));
      expect((await helpAt(path, 80, 'en')).split('\n')[0], c.key).toMatch(new RegExp(`^${HELP_WORDS['Usage:'].en} qingdan`));
    }
  });
});
