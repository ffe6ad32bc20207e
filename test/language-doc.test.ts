/** docs/language.md stays in step with the grammar: every keyword and every clause of every block is documented. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUSES } from '../compiler/check/rules/UnknownKeywordRule.js';
import { KEYWORDS } from '../compiler/lexer.js';
import { ROOT } from './support.js';

const doc = readFileSync(join(ROOT, 'docs/language.md'), 'utf8');

/** The clause tables of "Every clause, block by block", by the heading's block. */
function clauseTables(): Map<string, string> {
  const section = doc.slice(doc.indexOf('## Every clause, block by block'));
  const tables = new Map<string, string>();
  for (const part of section.split('\n#### ').slice(1)) {
    const heading = part.slice(0, part.indexOf('\n'));
    tables.set(heading, part.slice(heading.length));
  }
  return tables;
}

const HEADINGS: Record<keyof typeof CLAUSES, string> = {
  file: 'At the top level of a file',
  document: 'In a `document`',
  chapter: 'In a `chapter`',
  article: 'In an `article`',
  annex: 'In the `annex`',
  general: 'In `general`',
  rule: 'In a `rule`',
  category: 'In a `category`',
  baseline: 'In the `baseline`',
  ladder: 'In a `ladder`',
  list: 'In a `list`',
  scenario: 'In a `scenario`',
  item: 'In an `item`',
};

describe('docs/language.md', () => {
  it('mentions every keyword the lexer knows, in code', () => {
    expect(KEYWORDS.filter((k) => !new RegExp('`[^`\\n]*\\b' + k + '\\b[^`\\n]*`').test(doc))).toEqual([]);
  });

  it('has a table for every block of the grammar, listing exactly the clauses that block accepts', () => {
    const tables = clauseTables();
    expect([...tables.keys()].filter((h) => h !== 'In a condition').sort()).toEqual(Object.values(HEADINGS).sort());
    for (const [block, clauses] of Object.entries(CLAUSES)) {
      const table = tables.get(HEADINGS[block as keyof typeof CLAUSES])!;
      const documented = [...table.matchAll(/^\| ([^|]+) \|/gm)]
        .map((m) => m[1]!)
        .filter((cell) => cell !== 'clause' && !cell.startsWith('---'))
        .flatMap((cell) => [...cell.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]!));
      expect([block, documented.sort()]).toEqual([block, [...clauses].sort()]);
    }
  });
});
