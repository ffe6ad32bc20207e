/** `qingdan build [paths…] [--out dir]`: compile the policy into a validated artifact set. */
import type { Command } from 'commander';
import { build, isUsageError } from '../../compiler/build.js';
import { EXIT, diagnosticsJson, exitFor, printDiagnostics, printJson } from '../output.js';

export function registerBuild(program: Command, setExit: (code: number) => void): void {
  program
    .command('build')
    .description('compile .qd sources into dist/: policy.json, manifest.json and their JSON Schemas')
    .argument('[paths...]', 'files or folders of .qd sources', ['policy'])
    .option('-o, --out <dir>', 'output folder (replaced only when the build succeeds)', 'dist')
    .option('--amendments-since <revision>', 'add a revision note (修订说明) to the gazette: the amendments since this git revision')
    .option('--json', 'print the result as JSON on stdout')
    .action(async (paths: string[], options: { out: string; json?: boolean; amendmentsSince?: string }) => {
      const result = await build({ paths, outDir: options.out, root: process.cwd(), ...(options.amendmentsSince ? { amendmentsSince: options.amendmentsSince } : {}) });
      const written = result.files ? [...result.files.keys()].sort() : [];
      if (options.json) {
        printJson({ ok: !!result.files, outDir: options.out, files: written, diagnostics: diagnosticsJson(result.diagnostics) });
      } else {
        // Code frames come only from the sources as the build read them, never from a re-read.
        printDiagnostics(result.diagnostics, new Map((result.sources ?? []).map((s) => [s.path, s.text])));
        if (result.files) process.stderr.write(`built ${written.length} files into ${options.out}/\n`);
        else process.stderr.write(`build failed: ${options.out}/ left unchanged\n`);
      }
      const unreadable = result.diagnostics.some(isUsageError);
      setExit(unreadable ? EXIT.usage : result.files ? exitFor(result.diagnostics) : Math.max(EXIT.policyErrors, exitFor(result.diagnostics)));
    });
}
