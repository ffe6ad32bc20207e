/**
 * The diagnostic catalogue is closed and complete in both languages: every entry (codes, hints,
 * notes) has the same placeholders in Chinese and English, its term slots name placeholders,
 * every term is translated, and no English prose sits inside the Chinese text. The argument
 * types are checked by the compiler: the `@ts-expect-error` lines below fail `tsc` if a wrong
 * or missing argument ever type-checks.
 */
import { describe, expect, it } from 'vitest';
import { CODES, HINTS, NOTES, TERMS, type MessageKind, type SlotSpec } from '../compiler/diagnostic-codes.js';
import { diagnostic, hint, messageOf, render } from '../compiler/diagnostics.js';
import { MESSAGES } from '../cli/messages.js';
import { PROBLEMS } from '../compiler/problem-messages.js';

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

/** Words allowed in Chinese text: code the drafter types (keywords, stage ids), and names of formats, files and tools. */
const CODE_WORDS = /^(?:YYYY|MM|DD|YAML|UTF|Schema|FIFO|URI|ISO|true|false|null|git|ciio|not|basis|document|art|important|assessment|contract|exempt|when|persons|sensitive|low|high|in|until|annex|baseline|list|item|scenario|zone|chapter|article|general|rule|category|ladder|kind|kinds|any|sub|standard|sector|zones|status|effective|note|fields|description|proposal|qingdan|check|policy|new|advance|sign|resolve|filed|receipt|number|stage|role|person|decision|accepted|partly|rejected|id|owner|pi|governance|roster|yaml|proposals|gpg|format|ssh|user|signingkey|your|key|Proposal|dist|trial|numbering|source|paraphrase|published|counting|below|validity|exemption|adopts|issuer|docnumber|sic|example|draft|survey|important|data|identification|scenario|analysis|review|approved|force|withdrawn|superseded|HEAD|JSON|manifest|Debian|chromium|sha|changeset)$/;

/** The English words left in `zh` once placeholders, `code` and 'quoted' keywords are taken out. */
function englishIn(zh: string): string[] {
  const prose = zh
    .replace(/\{\w+\}/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/'[^']*'/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/（[\w.-]+）/g, '') // an id after its Chinese name: 免予申报（exempt）
    .replace(/\.qd\b/g, '')
    .replace(/qingdan [^；。，]*/g, '') // a command line quoted in a hint
    .replace(/--[\w-]+/g, '') // a command-line option
    .replace(/[*&]\w+/g, '') // YAML's alias and anchor syntax
    .replace(/[\w./-]+\.(?:ya?ml|qd)\b/g, ''); // file names
  return (prose.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !CODE_WORDS.test(w));
}

const catalogues: Array<[string, Record<string, MessageKind>]> = [
  ['codes', CODES],
  ['hints', HINTS],
  ['notes', NOTES],
  ['messages', MESSAGES],
  ['problems', PROBLEMS],
];

describe('the diagnostic catalogue', () => {
  for (const [name, catalogue] of catalogues) {
    describe(name, () => {
      it('has the same placeholders in Chinese and English for every entry', () => {
        const mismatched = Object.entries(catalogue).filter(([, k]) => placeholders(k.en).join() !== placeholders(k.zh).join());
        expect(mismatched.map(([id]) => id)).toEqual([]);
      });

      it('has Chinese text for every entry, with no English prose in it', () => {
        const untranslated = Object.entries(catalogue).filter(([, k]) => !/\p{Script=Han}/u.test(k.zh));
        expect(untranslated.map(([id]) => id)).toEqual([]);
        const english = Object.entries(catalogue).flatMap(([id, k]) => englishIn(k.zh).map((w) => `${id}: ${w}`));
        expect(english).toEqual([]);
      });

      it('types only slots that are placeholders of the entry', () => {
        const stray = Object.entries(catalogue).flatMap(([id, k]) => Object.keys(k.slots ?? {}).filter((s) => !placeholders(k.en).includes(s)).map((s) => `${id}.${s}`));
        expect(stray).toEqual([]);
      });
    });
  }

  it('translates every term of every closed table into both languages', () => {
    for (const [table, terms] of Object.entries(TERMS)) {
      for (const [key, text] of Object.entries(terms as Record<string, { en: string; zh: string }>)) {
        expect(text.en.trim(), `${table}.${key}`).not.toBe('');
        expect(text.zh, `${table}.${key}`).toMatch(/\p{Script=Han}|…/u);
      }
    }
  });

  /**
   * Every entry rendered in Chinese with sample arguments of its declared types: each term slot
   * takes every term of its table in turn (so a term's translation is checked where it lands),
   * lists take the whole table, and verbatim code takes a number (never an English word). The
   * result has every placeholder filled and no English word outside code.
   */
  it('renders every entry in Chinese, with sample arguments of every declared type, free of English words', () => {
    const termsOf = (table: string) => Object.keys(TERMS[table as keyof typeof TERMS]);
    const samples = (kind: MessageKind): Record<string, unknown>[] => {
      const slots = (kind.slots ?? {}) as Record<string, SlotSpec>;
      let rows: Record<string, unknown>[] = [{}];
      for (const name of placeholders(kind.en)) {
        const spec = slots[name];
        const values: unknown[] =
          spec === undefined
            ? [7]
            : spec === 'words' || spec === 'choices'
              ? [['a1', 'b2']]
              : spec === 'token'
                ? [...termsOf('token'), "'sector'"]
                : spec === 'token[]'
                  ? [[...termsOf('token'), "'sector'"]]
                  : spec.endsWith('[]')
                    ? [termsOf(spec.slice(0, -2))]
                    : termsOf(spec);
        rows = rows.flatMap((row) => values.map((v) => ({ ...row, [name]: v })));
      }
      return rows;
    };
    const problems: string[] = [];
    let rendered = 0;
    for (const [name, catalogue] of catalogues) {
      for (const [id, kind] of Object.entries(catalogue)) {
        for (const args of samples(kind)) {
          const zh = render(kind, args, 'zh');
          rendered++;
          if (/\{\w+\}/.test(zh)) problems.push(`${name}.${id}: unfilled ${zh}`);
          for (const w of englishIn(zh)) problems.push(`${name}.${id} ${JSON.stringify(args)}: ${w}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(rendered).toBeGreaterThan(Object.keys(CODES).length);
  });

  it('renders a stage in Chinese by its name in measures Art. 9, with the id the commands take', () => {
    const d = diagnostic('cli-transition-skips', undefined, { id: '2026-0001-icv', from: 'draft', to: 'review', skipped: ['survey', 'scenario-analysis'] });
    expect(messageOf(d, 'zh')).toContain(`${TERMS.stage.survey.zh}、${TERMS.stage['scenario-analysis'].zh}`);
    expect(TERMS.stage.survey.zh).toBe('需求调研（survey）');
    expect(messageOf(d, 'en')).toContain('survey, scenario-analysis');
  });

  it('gives each code a stable severity and a code of the form QDnnnn', () => {
    for (const k of Object.values(CODES)) {
      expect(k.code).toMatch(/^QD[1-5]\d{3}$/);
      expect(['error', 'warning']).toContain(k.severity);
    }
  });

  it('renders terms in the reader\'s language, never the other', () => {
    const d = diagnostic('missing-clause', undefined, { context: 'list', id: "'icv'", clause: "'sector'" });
    expect(d.args).toEqual({ context: 'list', id: "'icv'", clause: "'sector'" });
    expect(messageOf(d, 'zh')).toContain(TERMS.noun.list.zh);
    expect(messageOf(d, 'zh')).not.toContain(TERMS.noun.list.en);
    expect(messageOf(d, 'en')).toContain(TERMS.noun.list.en);
    const io = diagnostic('cannot-read', undefined, { path: 'policy', reason: 'ENOENT' });
    expect(messageOf(io, 'zh')).toContain(TERMS.ioReason.ENOENT.zh);
    expect(messageOf(io, 'zh')).not.toMatch(/no such/);
  });
});

// Compile-time checks: each line must be a type error (tsc fails on an unused @ts-expect-error).
export function wrongArgumentsDoNotTypeCheck(): void {
  // @ts-expect-error a missing argument (clause)
  diagnostic('missing-clause', undefined, { context: 'list', id: "'icv'" });
  // @ts-expect-error a misspelt argument
  diagnostic('missing-clause', undefined, { context: 'list', id: "'icv'", clauses: "'sector'" });
  // @ts-expect-error free text where a closed term is required
  diagnostic('missing-clause', undefined, { context: 'a list', id: "'icv'", clause: "'sector'" });
  // @ts-expect-error an errno reason that is not in the table (use cannot-read-errno)
  diagnostic('cannot-read', undefined, { path: 'x', reason: 'no such file' });
  // @ts-expect-error an id that is not in the catalogue
  diagnostic('example-coverage', undefined, { problem: 'x' });
  // @ts-expect-error a hint's missing argument
  hint('did-you-mean', {});
}
