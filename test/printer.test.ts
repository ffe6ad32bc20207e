import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectComments } from '../compiler/comments.js';
import { formatSource, type FormatResult } from '../compiler/format.js';
import { parseSource } from '../compiler/parse.js';
import { printFile } from '../compiler/printer.js';
import { qdFile } from './arbitrary-qd.js';
import { ROOT } from './support.js';

/** An AST without source positions: what must survive printing. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'span' || key === 'first' || key === 'paraphraseAt') continue;
    out[key] = key === 'important' ? v !== undefined : shape(v);
  }
  return out;
}

/**
 * `expect(actual).toEqual(expected)` for two ASTs without positions (plain objects and arrays):
 * strict deep equality implies toEqual's, so expect — a slow walk when run two thousand times —
 * gives the verdict, and its diff, only where they differ strictly.
 */
function expectEqualTrees(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

/**
 * Prettier's two properties: the printed text parses to the same AST, and printing is stable.
 * `first` is `text` formatted, when the caller has already formatted it.
 */
function expectRoundTrip(path: string, text: string, first: FormatResult = formatSource({ path, text })): string {
  if (!first.ok) throw new Error(`${path} cannot be printed: ${first.diagnostics.map((d) => d.code).join(', ')}`);
  const reparsed = parseSource({ path, text: first.text });
  expect(reparsed.diagnostics.map((d) => d.code)).toEqual([]);
  expectEqualTrees(shape(reparsed.file), shape(first.file));
  const second = formatSource({ path, text: first.text });
  expect(second.ok && second.text).toBe(first.text);
  // Every comment survives, once.
  expect(collectComments(first.text).map((c) => c.text).sort()).toEqual(collectComments(text).map((c) => c.text).sort());
  return first.text;
}

function qdFilesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.qd'))
    .map((f) => join(dir, f))
    .sort();
}

describe('printer', () => {
  it.each(qdFilesUnder('policy'))('round-trips %s and finds it already in canonical form', (path) => {
    const text = readFileSync(join(ROOT, path), 'utf8');
    expect(expectRoundTrip(path, text)).toBe(text);
  });

  it('round-trips every golden-corpus file that parses cleanly, and refuses the others', () => {
    let printed = 0;
    for (const path of qdFilesUnder('test/golden')) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      const result = formatSource({ path, text });
      if (result.ok) {
        expectRoundTrip(path, text);
        printed++;
      } else expect(result.diagnostics.every((d) => d.severity === 'error')).toBe(true);
    }
    expect(printed).toBeGreaterThan(20);
  });

  it('round-trips generated programs of every declaration, clause order, layout and comment placement', () => {
    let checked = 0;
    fc.assert(
      fc.property(qdFile, (text) => {
        const result = formatSource({ path: 'gen.qd', text });
        fc.pre(result.ok);
        expectRoundTrip('gen.qd', text, result);
        checked++;
      }),
      { seed: 20261201, numRuns: 2000, interruptAfterTimeLimit: 40_000 },
    );
    expect(checked).toBeGreaterThan(500);
  });

  it('keeps a comment before the construct it preceded and a trailing comment on its line, when clauses move', () => {
    const text = [
      '// header',
      '',
      'list l "清单" {',
      '  proposal "2026-0001-x" // the proposal',
      '  // the sector',
      '  sector S16',
      '  scenario s "场景" {',
      '    item i "数据项" {',
      '      assessment when persons >= 1 // one',
      '      // the category',
      '      category S16',
      '      // end of item',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(expectRoundTrip('c.qd', text)).toBe(
      [
        '// header',
        '',
        'list l "清单" {',
        '  // the sector',
        '  sector S16',
        '  proposal "2026-0001-x" // the proposal',
        '',
        '  scenario s "场景" {',
        '    item i "数据项" {',
        '      // the category',
        '      category S16',
        '      assessment when persons >= 1 // one',
        '      // end of item',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('breaks a condition wider than 100 columns before its top-level or, keeping a rung basis on the last line', () => {
    const long = 'persons >= 1000万 or sensitive >= 100万 or (sensitive >= 10万 and kinds any [bank-account, insurance-account, registered-account])';
    const text = `baseline b "基线" {\n  ladder {\n    assessment when ${long} basis national.art7\n  }\n}\n`;
    const printed = expectRoundTrip('b.qd', text);
    expect(printed).toBe(
      [
        'baseline b "基线" {',
        '  ladder {',
        '    assessment when persons >= 1000万 or sensitive >= 100万',
        '      or (sensitive >= 10万 and kinds any [bank-account, insurance-account, registered-account]) basis national.art7',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves Chinese text and its punctuation exactly as written, escaping only quotes, backslashes and line breaks', () => {
    const text = 'zone z "南沙片区（“试点”），\\"引号\\"、\\\\、\\n" authority "管委会"\n';
    expect(expectRoundTrip('z.qd', text)).toBe(text);
  });

  it('refuses a file with a syntax error, an unknown clause or a clause given twice, rather than drop text', () => {
    const bad = {
      syntax: 'zone z "a" {',
      unknown: 'list l "t" {\n  secter S16\n}\n',
      duplicate: 'list l "t" {\n  status draft\n  status approved\n}\n',
    };
    const codes = Object.fromEntries(Object.entries(bad).map(([k, text]) => {
      const r = formatSource({ path: `${k}.qd`, text });
      return [k, r.ok ? [] : r.diagnostics.map((d) => d.code)];
    }));
    expect(codes.unknown).toEqual(['QD2001']);
    expect(codes.duplicate).toEqual(['QD2010']);
    expect(codes.syntax?.length).toBeGreaterThan(0);
  });

  it('prints a list\'s issuer, docnumber and published date, and keeps them through a round trip', () => {
    const text = 'list l "清单" {\n  status approved\n  published 2027-01-01 unconfirmed "待核"\n  docnumber "粤〔2027〕1号"\n  issuer "某机关"\n}\n';
    const printed = expectRoundTrip('l.qd', text);
    expect(printed).toContain('  issuer "某机关"\n  docnumber "粤〔2027〕1号"\n  published 2027-01-01 unconfirmed "待核"\n');
  });

  it('prints an empty file as an empty text', () => {
    expect(printFile(parseSource({ path: 'e.qd', text: '\n\n' }).file)).toBe('');
  });
});
