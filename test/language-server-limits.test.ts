/**
 * The language server holds open documents to the same bound as `qingdan check`: one larger than
 * a source may be is QD4014 at its start, not parsed, and the rest of the policy checks as before.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../compiler/compile.js';
import { PolicyWorkspace } from '../compiler/language-server/workspace.js';
import { ROOT } from './support.js';

describe('the language server’s bound on a document', () => {
  it('says QD4014 for an open document past 16 MiB instead of parsing it (before: parsed at every keystroke)', async () => {
    const workspace = new PolicyWorkspace(ROOT);
    await workspace.load();
    const path = 'policy/lists/huge.qd';
    // A comment, so that parsed it would be clean: only the bound can report it.
    workspace.setText(path, `// ${'说'.repeat(MAX_SOURCE_BYTES / 3)}\n`);
    const byFile = workspace.diagnosticsByFile();
    expect(byFile.get(path)!.map((d) => [d.code, d.id, d.args.limit, d.span?.offset])).toEqual([['QD4014', 'source-too-large', MAX_SOURCE_BYTES, 0]]);
    expect([...byFile].filter(([file, list]) => file !== path && list.some((d) => d.severity === 'error'))).toEqual([]);
    // Below the bound the same comment is parsed, and clean.
    workspace.setText(path, `// ${'说'.repeat(1000)}\n`);
    expect(workspace.diagnosticsByFile().get(path)).toEqual([]);
  });
});
