/** One spawned `qingdan lsp --stdio` and a real JSON-RPC client (vscode-jsonrpc) talking to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from './support.js';

export interface LanguageServerSession {
  /** Not yet listening: add notification and request handlers first, then `initialize`. */
  readonly connection: MessageConnection;
  /** Listens, initializes the server on the project `root` with the client's `capabilities`, and says it is initialized. */
  initialize(root: string, capabilities?: object): Promise<{ capabilities: Record<string, unknown> }>;
  /** Shuts the server down and ends its process. */
  close(): Promise<void>;
}

/** Starts the language server in `cwd`. */
export function spawnLanguageServer(cwd: string): LanguageServerSession {
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/qingdan.js'), 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  return {
    connection,
    async initialize(root, capabilities = {}) {
      connection.listen();
      const result = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities, workspaceFolders: null });
      await connection.sendNotification('initialized', {});
      return result;
    },
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      server.kill();
    },
  };
}
