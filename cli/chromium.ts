/**
 * Debian's chromium as a PDF printer for the gazette (fonts-noto-cjk keeps the Chinese from
 * turning into boxes). Debian's chromium-headless-shell, the same engine built for automation
 * only, is preferred: a print takes 1.1 s with it where the full browser's headless mode took
 * 5.2 s (it starts the browser's own pages, such as the omnibox popup, before printing).
 */
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

/** Chromium's flags for a closed network: no background traffic, no first-run, no sandbox as root. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The chromium binary: `env.CHROMIUM_PATH`, else Debian's headless shell, else Debian's chromium; undefined when absent. */
export async function findChromium(env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  for (const candidate of [env.CHROMIUM_PATH, '/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((c): c is string => !!c)) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** Chromium did not print: it could not start, or it exited with an error (its last line of stderr). */
export class PrintFailed extends Error {
  constructor(readonly output: string) {
    super(output);
    this.name = 'PrintFailed';
  }
}

/** Prints one HTML page to a PDF file with chromium's own print pipeline (A4, from the page's CSS). */
export function printToPdf(chromium: string, html: string, pdf: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(chromium, [...CHROMIUM_FLAGS, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => fail(new PrintFailed(e.message)));
    child.on('close', (code) => (code === 0 ? done() : fail(new PrintFailed([`exit code ${code}`, stderr.trim().split('\n').at(-1)].filter(Boolean).join(': ')))));
  });
}
