/**
 * The language server and the disk: files created, changed and deleted while it runs (a
 * checkout, `qingdan fmt`, `qingdan new list`) are read again when the client says so. One
 * spawned `qingdan lsp` on a copy of the policy, whose files this test writes.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { spawnLanguageServer, type LanguageServerSession } from './language-server-session.js';
import { ROOT, tempDir } from './support.js';

interface Published {
  uri: string;
  diagnostics: Array<{ code: string }>;
}

let project: string;
let session: LanguageServerSession;
let connection: MessageConnection;
const published: Published[] = [];
const registrations: Array<{ method: string; registerOptions: unknown }> = [];
let wake: (() => void) | undefined;

/** The next diagnostics published for `uri` after `action` runs. */
async function nextDiagnostics(uri: string, action: () => Promise<void>): Promise<Published> {
  const before = published.length;
  await action();
  for (;;) {
    const found = published.slice(before).find((p) => p.uri === uri);
    if (found) return found;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

const uriOf = (path: string) => pathToFileURL(join(project, path)).href;
const CREATED = 1;
const CHANGED = 2;
const DELETED = 3;
const filesChanged = (changes: Array<{ path: string; type: number }>) =>
  connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uriOf(c.path), type: c.type })) });

beforeAll(async () => {
  project = await tempDir();
  await cp(join(ROOT, 'policy'), join(project, 'policy'), { recursive: true });
  session = spawnLanguageServer(project);
  connection = session.connection;
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    wake?.();
  });
  connection.onRequest('client/registerCapability', (p: { registrations: typeof registrations }) => {
    registrations.push(...p.registrations);
    return null;
  });
  await session.initialize(project, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
}, 120_000);

afterAll(() => session.close());

describe('qingdan lsp and files changed on disk', () => {
  it('asks a client that can watch files to report every .qd file', async () => {
    await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf('policy/lists/icv.qd') } }); // the registration has been sent by now
    expect(registrations).toEqual([{ id: expect.any(String), method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/*.qd' }] } }]);
  });

  it('checks a file created on disk with the policy, and forgets it once deleted (the server knew only the files it started with)', async () => {
    // The copy sorts first, so the ids it repeats are reported in icv.qd.
    const copy = 'policy/lists/icv-copy.qd';
    const icv = uriOf('policy/lists/icv.qd');
    await writeFile(join(project, copy), await readFile(join(project, 'policy/lists/icv.qd'), 'utf8'));
    const created = await nextDiagnostics(icv, () => filesChanged([{ path: copy, type: CREATED }]));
    expect(new Set(created.diagnostics.map((d) => d.code))).toEqual(new Set(['QD2002']));
    await rm(join(project, copy));
    const deleted = await nextDiagnostics(icv, () => filesChanged([{ path: copy, type: DELETED }]));
    expect(deleted.diagnostics).toEqual([]);
  });

  it('reads a file changed on disk again', async () => {
    const icv = 'policy/lists/icv.qd';
    const text = await readFile(join(project, icv), 'utf8');
    await writeFile(join(project, icv), text.replace('  sector S16', '  secter S16'));
    const broken = await nextDiagnostics(uriOf(icv), () => filesChanged([{ path: icv, type: CHANGED }]));
    expect(broken.diagnostics.map((d) => d.code)).toContain('QD2001');
    await writeFile(join(project, icv), text);
    const fixed = await nextDiagnostics(uriOf(icv), () => filesChanged([{ path: icv, type: CHANGED }]));
    expect(fixed.diagnostics).toEqual([]);
  });

  it('keeps the editor text of an open document whatever the disk says', async () => {
    const icv = 'policy/lists/icv.qd';
    const text = await readFile(join(project, icv), 'utf8');
    await nextDiagnostics(uriOf(icv), () => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(icv), languageId: 'qd', version: 1, text } }));
    await writeFile(join(project, icv), text.replace('  sector S16', '  secter S16'));
    await filesChanged([{ path: icv, type: CHANGED }]);
    const symbols = await connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: uriOf(icv) } });
    expect(symbols.map((s) => s.name)).toEqual(['icv']);
    expect(published.filter((p) => p.uri === uriOf(icv)).at(-1)!.diagnostics).toEqual([]);
    await writeFile(join(project, icv), text);
  });
});
