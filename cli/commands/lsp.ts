/** `qingdan lsp`: the `.qd` language server on stdin/stdout, for any LSP editor. */
import type { Command } from 'commander';
import type { Run } from '../command.js';

export function registerLsp(program: Command, run: Run): void {
  program
    .command('lsp')
    .description('run the .qd language server over stdio (diagnostics, hover, definition, references, completion, outline, formatting)')
    .option('--stdio', 'talk over stdin/stdout (the default; accepted because editors pass it)')
    .action(() =>
      run(async () => {
        const { startLanguageServer } = await import('../../compiler/language-server/server.js');
        startLanguageServer();
        // The server runs until the client sends `exit`, which ends the process.
        return new Promise<number>(() => {});
      }),
    );
}
