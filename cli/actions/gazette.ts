/** `qingdan gazette`: list the built gazette's pages, or print them to PDF with chromium. */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDirectory } from '../../runtime/make-directory.js';
import { findChromium, printToPdf } from '../chromium.js';
import { EXIT } from '../exit.js';
import { hint } from '../../compiler/diagnostics.js';
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
  for (const html of pages) {
    const pdf = join(resolve(io.cwd, options.out), html.slice(gazette.length + 1).replace(/\.html$/, '.pdf'));
    await makeDirectory(join(pdf, '..'));
    await printToPdf(chromium, html, pdf);
    io.stderr.write(`${say(io, 'file-written', { path: pdf })}\n`);
  }
  return EXIT.ok;
}
