/** `qingdan check [paths…]`: parse and check policy sources without writing anything. */
import type { Command } from 'commander';
import { checkSources, readSources } from '../../compiler/compile.js';
import { EXIT, diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('parse and check .qd policy sources; report every problem with its location')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('--json', 'print diagnostics as JSON on stdout')
    .action(async (paths: string[], options: { json?: boolean }) => {
      const read = await readSources(paths);
      const diagnostics = read.diagnostics.length ? read.diagnostics : checkSources(read.sources).diagnostics;
      if (options.json) printJson({ ok: exitFor(diagnostics) === 0, files: read.sources.map((s) => s.path), diagnostics: diagnosticsJson(diagnostics) });
      else {
        printDiagnostics(diagnostics, new Map(read.sources.map((s) => [s.path, s.text])));
        if (exitFor(diagnostics) === 0) process.stderr.write(`checked ${read.sources.length} file${read.sources.length === 1 ? '' : 's'}: no errors\n`);
      }
      setExit(read.diagnostics.length ? EXIT.usage : exitFor(diagnostics));
    });
}
