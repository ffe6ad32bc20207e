/** The VS Code extension in editors/vscode/ stays in step with the language: every keyword is highlighted. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../compiler/lexer.js';
import { ROOT } from './support.js';

const extension = join(ROOT, 'editors/vscode');
const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const grammar = JSON.parse(readFileSync(join(extension, 'syntaxes/qd.tmLanguage.json'), 'utf8'));

describe('editors/vscode', () => {
  it('declares the qd language and its grammar, and starts qingdan lsp', () => {
    expect(manifest.contributes.languages[0]).toMatchObject({ id: 'qd', extensions: ['.qd'] });
    expect(manifest.contributes.grammars[0]).toMatchObject({ language: 'qd', scopeName: grammar.scopeName });
    expect(manifest.contributes.configuration.properties['qingdan.server.command'].default).toEqual(['npx', 'qingdan', 'lsp', '--stdio']);
    expect(readFileSync(join(extension, manifest.main), 'utf8')).toContain("require('vscode-languageclient/node')");
  });

  it('highlights every keyword the lexer knows as a whole word', () => {
    const patterns: RegExp[] = grammar.repository.keywords.patterns.map((p: { match: string }) => new RegExp(p.match));
    const unhighlighted = KEYWORDS.filter((k) => !patterns.some((p) => p.exec(` ${k} `)?.[0] === k));
    expect(unhighlighted).toEqual([]);
    // Not inside an identifier: `data-flow` is a name, not the keyword `data`.
    expect(patterns.some((p) => p.exec(' data-flow ')?.[0] === 'data' || p.exec(' big-data ')?.[0] === 'data')).toBe(false);
  });
});
