/**
 * Language-server benchmark: `npx tsx bench/lsp.ts [--edits 100]`.
 *
 * Spawns `qingdan lsp` on a temporary copy of policy/ and drives it over JSON-RPC
 * (vscode-jsonrpc), as an editor would: open a file, then make one-character edits (typing a
 * character into a description, then deleting it again) and time each edit from sending
 * `didChange` to receiving the file's `publishDiagnostics`. Reported: the median and p90 of the
 * edits, for the largest real file (target < 50 ms) and for a generated file of 10,000 items
 * (bench/generate-policy.ts; target < 300 ms). Exits 0 regardless.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generatePolicy } from './generate-policy.js';

const { values } = parseArgs({ options: { edits: { type: 'string', default: '100' } } });
const EDITS = Number(values.edits);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const workspace = mkdtempSync(join(tmpdir(), 'qingdan-bench-lsp-'));
cpSync(join(ROOT, 'policy'), join(workspace, 'policy'), { recursive: true });
const [generated] = generatePolicy(10_000, 1, { itemsPerFile: 10_000, dir: 'policy/generated' }).filter((s) => s.path.includes('generated'));

const qdFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.qd')).map((f) => join(dir, f));
const largestReal = qdFiles(join(workspace, 'policy')).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;

const server = spawn(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'lsp', '--stdio'], { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
const waiting = new Map<string, (count: number) => void>();
connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => waiting.get(p.uri)?.(p.diagnostics.length));
connection.listen();
await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: null });
await connection.sendNotification('initialized', {});

const published = (uri: string) => new Promise<number>((resolve) => waiting.set(uri, resolve));

/**
 * Median and p90 (ms) of one-character edits in `file`, alternately typing and deleting. The
 * file is opened with `text` (the generated one exists only in the editor, so the real file is
 * measured with the real policy alone).
 */
async function measure(file: string, text = readFileSync(file, 'utf8')): Promise<{ median: number; p90: number; errors: number }> {
  const uri = pathToFileURL(file).href;
  const at = text.lastIndexOf('description "') + 'description "'.length;
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at - 1) - 1;
  let version = 1;
  const opened = published(uri);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'qd', version, text } });
  await opened;
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < EDITS + 5; i++) {
    const typing = i % 2 === 0;
    const change = typing
      ? { range: { start: { line, character }, end: { line, character } }, text: '字' }
      : { range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' };
    const done = published(uri);
    const start = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
    errors += await done;
    // The first edits warm up the server's code paths.
    if (i >= 5) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p90: times[Math.floor(times.length * 0.9)]!, errors };
}

const report = (name: string, r: { median: number; p90: number; errors: number }, target: number) => {
  console.log(`${name}: median ${r.median.toFixed(1)} ms, p90 ${r.p90.toFixed(1)} ms over ${EDITS} one-character edits (${r.errors} diagnostics published in total)`);
  console.log(`${r.median < target ? 'PASS' : 'FAIL'} diagnostics after an edit in ${name} < ${target} ms (median ${r.median.toFixed(1)} ms)`);
};

report(`the largest real file (${largestReal.slice(workspace.length + 1)}, ${statSync(largestReal).size} bytes)`, await measure(largestReal), 50);
report('a generated file of 10,000 items', await measure(join(workspace, generated!.path), generated!.text), 300);

await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
connection.dispose();
server.kill();
rmSync(workspace, { recursive: true, force: true });
