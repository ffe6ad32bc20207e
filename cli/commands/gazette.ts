/**
 * `qingdan gazette --pdf`: prints the built HTML gazette to PDF with Debian's chromium
 * (fonts-noto-cjk keeps the Chinese from turning into boxes). The HTML and Markdown
 * gazettes themselves are written by `qingdan build`.
 */
import { spawn } from 'node:child_process';
import { access, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { EXIT } from '../output.js';

/** Chromium's flags for a closed network: no background traffic, no first-run, no sandbox as root. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The chromium binary: $CHROMIUM_PATH, or Debian's /usr/bin/chromium; undefined when absent. */
export async function findChromium(): Promise<string | undefined> {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((c): c is string => !!c)) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** Prints one HTML page to a PDF file with chromium's own print pipeline (A4, from the page's CSS). */
export function printToPdf(chromium: string, html: string, pdf: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(chromium, [...CHROMIUM_FLAGS, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`chromium exited ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`))));
  });
}

async function htmlPages(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.html')) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}

export function registerGazette(program: Command, setExit: (code: number) => void): void {
  program
    .command('gazette')
    .description('print the built gazette (dist/gazette/*.html) to PDF with chromium')
    .argument('[pages...]', 'pages to print, e.g. measures lists/icv (default: all)')
    .option('--dist <dir>', 'the build output holding gazette/', 'dist')
    .option('--pdf', 'print every page to PDF')
    .option('-o, --out <dir>', 'where the PDFs go', 'gazette-pdf')
    .action(async (names: string[], options: { dist: string; pdf?: boolean; out: string }) => {
      const gazette = resolve(options.dist, 'gazette');
      const all = await htmlPages(gazette).catch(() => [] as string[]);
      const wanted = new Set(names.map((n) => join(gazette, `${n.replace(/\.html$/, '')}.html`)));
      const unknown = [...wanted].filter((w) => !all.includes(w));
      if (all.length > 0 && unknown.length > 0) {
        process.stderr.write(`qingdan: no such gazette page: ${unknown.map((u) => u.slice(gazette.length + 1)).join(', ')}\n`);
        return setExit(EXIT.usage);
      }
      const pages = wanted.size > 0 ? all.filter((p) => wanted.has(p)) : all;
      if (pages.length === 0) {
        process.stderr.write(`qingdan: no gazette in ${gazette}; run \`qingdan build\` first\n`);
        return setExit(EXIT.usage);
      }
      if (!options.pdf) {
        for (const p of pages) process.stdout.write(`${p}\n`);
        return setExit(EXIT.ok);
      }
      const chromium = await findChromium();
      if (!chromium) {
        process.stderr.write('qingdan: chromium not found. Install Debian\'s chromium and CJK fonts (`apt-get install chromium fonts-noto-cjk`) or set CHROMIUM_PATH.\n');
        return setExit(EXIT.usage);
      }
      for (const html of pages) {
        const pdf = join(resolve(options.out), html.slice(gazette.length + 1).replace(/\.html$/, '.pdf'));
        await mkdir(join(pdf, '..'), { recursive: true });
        await printToPdf(chromium, html, pdf);
        process.stderr.write(`wrote ${pdf}\n`);
      }
      setExit(EXIT.ok);
    });
}
