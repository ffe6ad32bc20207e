/**
 * A bounded fuzz of the front end and checker (issue 14 point 5): random token streams from
 * the grammar, mutations of the real policy files, deep nesting, random UTF-16 (lone
 * surrogates included) and a fixed corpus of huge tokens. For every input, checking neither
 * throws nor hangs, and every diagnostic has a catalogue code and a location inside the file.
 * Fixed seed and run counts, so CI sees the same inputs every time in a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../compiler/compile.js';
import { CODES } from '../compiler/diagnostic-codes.js';
import { KEYWORDS } from '../compiler/lexer.js';
import { ROOT } from './support.js';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(CODES).map((c) => c.code));
const PATH = 'fuzz.qd';

/** Checks `text` alone and with the real policy; returns a problem with the diagnostics, or undefined. */
function problemWith(text: string, withPolicy = false): string | undefined {
  const sources = [...(withPolicy ? REAL : []), { path: PATH, text }];
  const { diagnostics } = checkSources(sources);
  for (const d of diagnostics) {
    if (!KNOWN_CODES.has(d.code)) return `unknown code ${d.code}`;
    // A lone file is not a whole policy: that it lacks the annex and the baseline has no position.
    if (!d.span && d.id === 'one-per-policy' && !withPolicy) continue;
    if (!d.span) return `${d.code} has no location`;
    const source = sources.find((s) => s.path === d.span!.file);
    if (!source) return `${d.code} is located in ${d.span.file}, which was not checked`;
    if (d.span.offset < 0 || d.span.offset + d.span.length > source.text.length) return `${d.code} lies outside its file`;
    if (!(d.span.line >= 1 && d.span.column >= 1)) return `${d.code} has no line and column`;
  }
  return undefined;
}

const REAL = [join(ROOT, 'policy'), join(ROOT, 'policy/lists')].flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.qd'))
    .map((f) => ({ path: join(dir, f).slice(ROOT.length), text: readFileSync(join(dir, f), 'utf8') })),
);

const PIECES = [
  ...KEYWORDS,
  ...'{}()[],.-<>'.split(''),
  '..', '>=', '<=', '"数据"', '"a\\nb"', '"\\q"', '"unclosed', '10万', '1.5万', '100_000', '1_', '00', '0.5',
  '2027-01-01', '2027-13-40', 'owner-pi', 'S16', 'measures.art10', 'nansha', '\n', '\t', '// note\n', '/* c */', '/*', '：', '，', '€', '\u2028', '\uFEFF',
];

const tokenStreams = fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }).map((parts) => parts.join(' '));

const mutations = fc
  .tuple(
    fc.constantFrom(...REAL.map((s) => s.text)),
    fc.array(fc.tuple(fc.constantFrom('delete', 'duplicate', 'insert'), fc.nat(), fc.nat({ max: 400 }), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 6 }),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [op, at, length, piece] of edits) {
      const i = at % (t.length + 1);
      if (op === 'delete') t = t.slice(0, i) + t.slice(i + length);
      else if (op === 'duplicate') t = t.slice(0, i + length) + t.slice(i, i + length) + t.slice(i + length);
      else t = t.slice(0, i) + piece + t.slice(i);
    }
    return t;
  });

const nesting = fc.tuple(fc.nat({ max: 300 }), fc.constantFrom('{', '(', '['), fc.boolean()).map(([depth, open, closed]) => {
  const close = { '{': '}', '(': ')', '[': ']' }[open]!;
  const inner = open.repeat(depth) + 'persons >= 1' + (closed ? close.repeat(depth) : '');
  return `list l "t" {\n  scenario s "s" {\n    item i "i" {\n      assessment when ${inner}\n    }\n  }\n}\n`;
});

const utf16 = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 400 });

const MiB = 2 ** 20;
/** Huge tokens: each once, at sizes that crashed or hung the old front end (or close, to stay fast). */
const HUGE: Record<string, string> = {
  'string literal': `zone a "${'字'.repeat(2 * MiB)}"`,
  'unclosed string': `zone a "${'x'.repeat(2 * MiB)}`,
  'string of escapes': `zone a "${'\\n'.repeat(MiB)}"`,
  name: `zone ${'a'.repeat(MiB)} "甲"`,
  'hyphenated name': `zone ${'a-'.repeat(MiB)}a "甲"`,
  'clause word': `list l "t" {\n  ${'z'.repeat(MiB)}\n}`,
  number: `list l "t" {\n  scenario s "s" {\n    item i "i" {\n      assessment when persons >= ${'9'.repeat(MiB)}\n    }\n  }\n}`,
  'number of underscores': `document d "t" {\n  chapter 1${'_'.repeat(MiB)} "c" {}\n}`,
  'block comment': `/*${'x'.repeat(2 * MiB)}*/`,
  'unclosed comment': `/*${'x'.repeat(2 * MiB)}`,
  noise: '€'.repeat(2 * MiB),
  'alternating noise': '€a'.repeat(MiB / 8),
  'open braces': '{'.repeat(MiB / 4),
  'broken declarations': 'list\n'.repeat(100_000),
};

describe('fuzzing the compiler front end', () => {
  const params = { seed: 20_261_201, verbose: 1 } as const;

  it('survives random token streams of the grammar', () => {
    fc.assert(fc.property(tokenStreams, (text) => problemWith(text) === undefined), { ...params, numRuns: 300 });
  });

  it('survives mutations of the real policy files, checked with the rest of the policy', () => {
    fc.assert(fc.property(mutations, (text) => problemWith(text, true) === undefined), { ...params, numRuns: 25 });
  });

  it('survives deep and unclosed nesting', () => {
    fc.assert(fc.property(nesting, (text) => problemWith(text) === undefined), { ...params, numRuns: 60 });
  });

  it('survives random UTF-16, lone surrogates included', () => {
    fc.assert(fc.property(utf16, (text) => problemWith(text) === undefined), { ...params, numRuns: 300 });
  });

  it.each(Object.keys(HUGE))('survives a huge token: %s', (name) => {
    expect(problemWith(HUGE[name]!)).toBeUndefined();
  });
});
