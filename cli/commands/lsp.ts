/** `qingdan lsp`: the `.qd` language server on stdin/stdout, for any LSP editor. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerLsp(program: Command, run: Run): void {
  program
    .command('lsp')
    .option('--stdio')
    .action(() =>
      run(async () => {
        const { startLanguageServer } = await import('../../compiler/language-server/server.js');
        startLanguageServer();
        // The server runs until the client sends `exit`, which ends the process.
        return new Promise<number>(() => {});
      }),
    );
}
