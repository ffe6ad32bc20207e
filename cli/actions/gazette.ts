/** `qingdan gazette`: list the built gazette's pages, or print them to PDF with chromium. */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import { claimPdfFolder, mayPrintInto } from '../../compiler/emit/gazette/pdf-folder.js';
import { replaceFileWith } from '../../compiler/replace-file.js';
import { findChromium, PrintFailed, printToPdf } from '../chromium.js';
import { EXIT } from '../exit.js';
import { diagnostic, hint } from '../../compiler/diagnostics.js';
import type { Io } from '../io.js';
import { say } from '../messages.js';
import { printUsageError, usageError } from '../usage-error.js';

async function htmlPages(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

/** Lists (or with `--pdf` prints) the gazette pages `names` (default: all); returns the exit code. */
export async function gazette(io: Io, names: readonly string[], options: { dist: string; pdf?: boolean; out: string }): Promise<number> {
  const gazette = resolve(io.cwd, options.dist, 'gazette');
  const all = await htmlPages(gazette).catch(() => [] as string[]);
  const wanted = new Set(names.map((n) => join(gazette, `${n.replace(/\.html$/, '')}.html`)));
  const unknown = [...wanted].filter((w) => !all.includes(w));
  if (all.length > 0 && unknown.length > 0) {
    printUsageError(io, usageError('cli-no-gazette-page', { pages: unknown.map((u) => u.slice(gazette.length + 1)) }).diagnostic);
    return EXIT.usage;
  }
  const pages = wanted.size > 0 ? all.filter((p) => wanted.has(p)) : all;
  if (pages.length === 0) {
    printUsageError(io, usageError('cli-no-gazette', { path: gazette }, { hint: hint('run-build-first') }).diagnostic);
    return EXIT.usage;
  }
  if (!options.pdf) {
    for (const p of pages) io.stdout.write(`${p}\n`);
    return EXIT.ok;
  }
  const chromium = await findChromium(io.env);
  if (!chromium) {
    printUsageError(io, usageError('cli-no-chromium', {}, { hint: hint('install-chromium') }).diagnostic);
    return EXIT.usage;
  }
  const out = resolve(io.cwd, options.out);
  if (!(await mayPrintInto(out))) {
    printUsageError(io, diagnostic('cli-not-a-pdf-folder', undefined, { path: options.out }, { hint: hint('new-pdf-folder') }));
    return EXIT.usage;
  }
  await claimPdfFolder(out);
  for (const html of pages) {
    const page = html.slice(gazette.length + 1);
    const pdf = join(out, page.replace(/\.html$/, '.pdf'));
    await makeDirectory(dirname(pdf));
    try {
      // Printed beside its place and renamed into it: a killed print leaves no half a PDF.
      await replaceFileWith(pdf, (temporary) => printToPdf(chromium, html, temporary));
    } catch (e) {
      if (!(e instanceof PrintFailed)) throw e;
      printUsageError(io, diagnostic('cli-pdf-failed', undefined, { page }, { detail: { tool: 'chromium', text: e.output } }));
      return EXIT.usage;
    }
    io.stderr.write(`${say(io, 'file-written', { path: pdf })}\n`);
  }
  return EXIT.ok;
}
