/** `qingdan build [paths…] [--out dir]`: compile the policy into a validated artifact set. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { build } from '../../compiler/build.js';
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
        const texts = new Map<string, string>();
        for (const d of result.diagnostics) {
          const file = d.span?.file;
          if (file && !texts.has(file)) texts.set(file, await readFile(file, 'utf8').catch(() => ''));
        }
        printDiagnostics(result.diagnostics, texts);
        if (result.files) process.stderr.write(`built ${written.length} files into ${options.out}/\n`);
        else process.stderr.write(`build failed: ${options.out}/ left unchanged\n`);
      }
      const unreadable = result.diagnostics.some((d) => d.id === 'cannot-read' || d.id === 'no-sources');
      setExit(unreadable ? EXIT.usage : result.files ? exitFor(result.diagnostics) : Math.max(EXIT.policyErrors, exitFor(result.diagnostics)));
    });
}
