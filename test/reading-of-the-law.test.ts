/**
 * docs/reading-of-the-law.md is where the runtime's inferences are explained: its anchors are
 * well formed and unique, every link inside it resolves, and no file of the repository cites a
 * document a user's clone does not have.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READING_PATH, readingAnchors } from './reading-anchors.js';
import { ROOT } from './support.js';


describe('docs/reading-of-the-law.md', () => {
  const text = readFileSync(join(ROOT, READING_PATH), 'utf8');

  it('has unique anchors for the decision order and each inference', () => {
    const all = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]!);
    expect(new Set(all).size).toBe(all.length);
    for (const a of ['decision-order', 'numbering', 'no-list-decides', 'trial-period', 'pi-duties', 'export-control', 'holdings', 'rule2-etc', 'rule3-sensitive', 'zone-enterprise-rules', 'hengqin']) expect(all).toContain(a);
  });

  it('links only to its own anchors', () => {
    const anchors = readingAnchors();
    const links = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const l of links) expect(anchors.has(l), `#${l}`).toBe(true);
  });

  it('is the only reading cited: no tracked file cites a document outside the repository', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter((f) => f && !f.startsWith('policy/sources/') && f !== 'test/reading-of-the-law.test.ts');
    const outside = /DOMAIN(\.md)? ?§|DOMAIN\.md|\.\.\/shared|\.\.\/seeds|DSL-SKETCH/;
    const offenders = files.filter((f) => /\.(ts|md|qd|yaml|yml|json)$/.test(f)).filter((f) => outside.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('is cited by every file that points the reader to it, at an anchor it has', () => {
    const files = execFileSync('git', ['grep', '-l', 'reading-of-the-law.md#'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const anchors = readingAnchors();
    for (const f of files) {
      for (const m of readFileSync(join(ROOT, f), 'utf8').matchAll(/reading-of-the-law\.md#([a-z0-9-]+)/g)) expect(anchors.has(m[1]!), `${f}: #${m[1]}`).toBe(true);
    }
  });
});
