/** `qingdan fmt [paths…] [--check]`: print `.qd` files in canonical layout. */
import type { Command } from 'commander';
import { formatFiles } from '../../compiler/format-files.js';
import { EXIT, exitFor, printDiagnostics } from '../output.js';

export function registerFmt(program: Command, setExit: (code: number) => void): void {
  program
    .command('fmt')
    .description('rewrite .qd sources in canonical layout (comments and Chinese text kept); --check only lists the files that would change')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('--check', 'write nothing; exit 1 when a file is not in canonical form')
    .action(async (paths: string[], options: { check?: boolean }) => {
      const result = await formatFiles(paths, { check: !!options.check });
      printDiagnostics(result.diagnostics, result.texts);
      for (const path of result.changed) process.stdout.write(`${options.check ? 'would reformat' : 'formatted'} ${path}\n`);
      const unreadable = result.diagnostics.some((d) => d.code.startsWith('QD4'));
      if (unreadable) return setExit(EXIT.usage);
      if (exitFor(result.diagnostics) !== EXIT.ok || (options.check && result.changed.length > 0)) return setExit(EXIT.policyErrors);
      if (options.check) process.stderr.write(`${result.files.length} file${result.files.length === 1 ? '' : 's'} in canonical form\n`);
    });
}
