/**
 * Hints that fix the mistake: each mistake a drafter typing Chinese makes outside strings is
 * ONE diagnostic (code, id, arguments, span) with a machine-applicable fix, and applying the
 * fix leaves the policy clean. Checked with the real policy, so references resolve.
 */
import { describe, expect, it } from 'vitest';
import { checkSources, readSources } from '../compiler/compile.js';
import type { Diagnostic, Fix } from '../compiler/diagnostics.js';
import { ROOT } from './support.js';

const policy = (await readSources(['policy'], ROOT)).sources;
const PATH = 'draft.qd';

/** A clean list, with `{sector}`, `{date}`, `{rung}` standing for the clauses a case breaks. */
const LIST = `list draft "示例清单（草案）" {
  sector S16
  zones nansha
  status draft
  effective 2027-06-01 until 2028-07-01
  basis measures.art10
  note "示例。"
  scenario rd "研发设计" {
    item owner-pi "车主个人信息" {
      category S16
      assessment when persons >= 100万
      contract when persons in 10万..100万
    }
  }
}
`;

function check(text: string): Diagnostic[] {
  return checkSources([...policy, { path: PATH, text }]).diagnostics.filter((d) => d.span?.file === PATH);
}

function apply(text: string, fix: Fix): string {
  return text.slice(0, fix.span.offset) + fix.replacement + text.slice(fix.span.offset + fix.span.length);
}

const CASES: Array<{ name: string; from: string; to: string; code: string; id: string; args: object; replacement: string }> = [
  { name: 'full-width digits', from: '>= 100万', to: '>= １００万', code: 'QD1001', id: 'full-width-character', args: { char: "'１００万'" }, replacement: '100万' },
  { name: 'a full-width comma', from: 'zones nansha', to: 'zones nansha，hengqin', code: 'QD1001', id: 'full-width-character', args: { char: "'，'" }, replacement: ',' },
  { name: 'a full-width parenthesis', from: 'assessment when persons >= 100万', to: 'assessment when （persons >= 100万)', code: 'QD1001', id: 'full-width-character', args: { char: "'（'" }, replacement: '(' },
  { name: 'a full-width colon', from: 'note "示例。"', to: 'note："示例。"', code: 'QD1001', id: 'full-width-character', args: { char: "'：'" }, replacement: '' },
  { name: 'curly quotes', from: 'note "示例。"', to: 'note “示例。”', code: 'QD1001', id: 'full-width-character', args: { char: "'“'" }, replacement: '"示例。"' },
  { name: 'a comparison sign ≥', from: '>= 100万', to: '≥ 100万', code: 'QD1001', id: 'comparison-sign', args: { char: "'≥'" }, replacement: '>=' },
  { name: 'a full-width comparison ＞＝', from: '>= 100万', to: '＞＝ 100万', code: 'QD1001', id: 'comparison-sign', args: { char: "'＞＝'" }, replacement: '>=' },
  { name: 'a unit 万人', from: '>= 100万', to: '>= 100万人', code: 'QD1001', id: 'persons-unit', args: { unit: "'人'" }, replacement: '100万' },
  { name: 'a unit 人 after a plain number', from: 'in 10万..100万', to: 'in 100000人..100万', code: 'QD1001', id: 'persons-unit', args: { unit: "'人'" }, replacement: '100000' },
  { name: 'a Chinese date', from: '2027-06-01', to: '2027年6月1日', code: 'QD1001', id: 'chinese-date', args: { date: "'2027年6月1日'" }, replacement: '2027-06-01' },
  { name: 'Chinese text where a string goes', from: 'note "示例。"', to: 'note 示例。', code: 'QD1001', id: 'chinese-outside-string', args: { char: "'示例。'" }, replacement: '"示例。"' },
  { name: 'a misspelt keyword', from: '  sector S16', to: '  secter S16', code: 'QD2001', id: 'unknown-keyword', args: { word: "'secter'", context: 'list' }, replacement: 'sector' },
  { name: 'a non-canonical number', from: '>= 100万', to: '>= 0100万', code: 'QD1015', id: 'non-canonical-number', args: { number: '0100万', problems: ['leading-zero'] }, replacement: '100万' },
];

describe('mistakes that have a fix', () => {
  it('starts from a clean list', () => {
    expect(check(LIST)).toEqual([]);
  });

  for (const c of CASES) {
    it(`${c.name}: one ${c.code} (${c.id}) whose fix leaves the policy clean`, () => {
      const text = LIST.replace(c.from, c.to);
      expect(text).not.toBe(LIST);
      const found = check(text);
      expect(found.map((d) => [d.code, d.id, d.args])).toEqual([[c.code, c.id, c.args]]);
      const d = found[0]!;
      expect(d.span!.offset).toBe(text.indexOf(c.to) + c.to.indexOf(String(Object.values(c.args)[0]).replace(/'/g, '')));
      expect(d.fix?.replacement).toBe(c.replacement);
      const fixed = apply(text, d.fix!);
      expect(check(fixed)).toEqual([]);
    });
  }
});

describe('mistakes without a fix', () => {
  it('reports a character that is not Chinese (€) as a plain unexpected character, without the advice to quote it', () => {
    const found = check(LIST.replace('>= 100万', '>= 100万 €'));
    expect(found.map((d) => [d.code, d.id, d.args, d.hint])).toEqual([['QD1001', 'unexpected-character', { char: "'€'" }, undefined]]);
    expect(found[0]!.fix).toBeUndefined();
  });

  it('reports `secter S22` once, with the suggestion, and nothing about the missing sector or S22', () => {
    const found = check(LIST.replace('  sector S16', '  secter S22'));
    expect(found.map((d) => [d.code, d.id, d.hint])).toEqual([['QD2001', 'unknown-keyword', { id: 'did-you-mean', args: { words: ['sector'] } }]]);
  });

  it('reports a fractional volume once, without the ladder gap it would leave', () => {
    const found = check(LIST.replace('>= 100万', '>= 1.00005万').replace('in 10万..100万', 'in 1万..1.00005万'));
    expect(found.map((d) => [d.code, d.id])).toEqual([
      ['QD3003', 'non-integer-volume'],
      ['QD3003', 'non-integer-volume'],
    ]);
  });
});
