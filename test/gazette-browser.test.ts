/**
 * The gazette in a real browser: Debian's chromium (its headless shell) driven by playwright-core
 * (never a downloaded browser). `.ci/run` installs them, fonts-noto-cjk and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, findChromium, printToPdf } from '../cli/chromium.js';
import { buildRealPolicy, diagnosticLine, ROOT, runCli, tempDir } from './support.js';

let browser: Browser;
let gazette: string;
beforeAll(async () => {
  const executablePath = await findChromium(process.env);
  if (!executablePath) throw new Error('chromium is not installed: apt-get install chromium-headless-shell fonts-noto-cjk (as .ci/run does)');
  gazette = join((await buildRealPolicy()).outDir, 'gazette');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'), headless: true });
});
afterAll(async () => {
  await browser?.close();
});

const open = async (name: string) => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
  await page.goto(pathToFileURL(join(gazette, name)).href);
  return page;
};

describe('the gazette in chromium', () => {
  it('shows the 31 articles of the measures, and saves a screenshot', async () => {
    const page = await open('measures.html');
    expect(await page.locator('h3[id^="measures.art"]').count()).toBe(31);
    expect(await page.locator('h2[id^="measures.ch"]').count()).toBe(6);
    expect(await page.locator('[id="measures.art13"]').textContent()).toBe('第十三条（条号推定）');
    const out = join(ROOT, 'test-output');
    await mkdir(out, { recursive: true });
    await page.screenshot({ path: join(out, 'gazette-measures.png') });
    expect((await stat(join(out, 'gazette-measures.png'))).size).toBeGreaterThan(10_000);
  });

  it('lays the annex table out with its merged cells', async () => {
    const page = await open('annex.html');
    const rows = page.locator('[id="annex.table"] + table tbody tr');
    expect(await rows.count()).toBe(40);
    expect(await page.locator('[id="annex.C03"]').getAttribute('rowspan')).toBe('10');
    expect(await page.locator('[id="annex.example.S15-S17"]').getAttribute('rowspan')).toBe('3');
    // The merged example cell is as tall as the three rows it spans.
    const cell = await page.locator('[id="annex.example.S15-S17"]').boundingBox();
    const first = await page.locator('[id="annex.S15"]').boundingBox();
    const last = await page.locator('[id="annex.S17"]').boundingBox();
    expect(cell!.y).toBeCloseTo(first!.y, 0);
    expect(cell!.y + cell!.height).toBeCloseTo(last!.y + last!.height, 0);
  });

  it('shows a list item over its threshold rungs, watermarked as a draft', async () => {
    const page = await open('lists/icv.html');
    const item = page.locator('[id="icv.owner-pi"]');
    expect(await item.getAttribute('rowspan')).toBe('3');
    const row = item.locator('xpath=..');
    expect(await row.locator('td').last().textContent()).toBe('数据出境安全评估');
    expect(await page.locator('.watermark').isVisible()).toBe(true);
    await page.screenshot({ path: join(ROOT, 'test-output', 'gazette-icv.png'), fullPage: false });
  });

  it('prints to PDF with pages and Chinese text', async () => {
    const pdf = join(await tempDir(), 'measures.pdf');
    await printToPdf((await findChromium(process.env))!, join(gazette, 'measures.html'), pdf);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('第十三条');
    expect(text).toContain('数据处理者');
    expect(text).toMatch(/1\s*\/\s*\d+/); // page numbers from the @page margin box
  });
});

describe('qingdan gazette --pdf', () => {
  const print = (out: string, env: Record<string, string> = {}) => runCli(['gazette', 'measures', '--pdf', '--dist', dirname(gazette), '-o', out], { env });

  it('prints into a new folder, and into it again', async () => {
    const out = join(await tempDir(), 'pdf');
    for (let run = 0; run < 2; run++) {
      const r = await print(out);
      expect([r.code, r.stderr]).toEqual([0, `wrote ${join(out, 'measures.pdf')}\n`]);
      expect((await readdir(out)).sort()).toEqual(['.qingdan-gazette-pdf', 'measures.pdf']);
    }
    const info = execFileSync('pdfinfo', [join(out, 'measures.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
  });

  it('never prints over a file it did not print (it replaced a reader\'s own measures.pdf)', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'measures.pdf'), 'my own notes');
    const file = join(await tempDir(), 'notes.txt');
    await writeFile(file, 'not a folder');
    for (const out of [folder, file]) {
      const r = await print(out);
      expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-not-a-pdf-folder', { path: out })]);
    }
    expect(await readdir(folder)).toEqual(['measures.pdf']);
    expect(await readFile(join(folder, 'measures.pdf'), 'utf8')).toBe('my own notes');
    expect(await readFile(file, 'utf8')).toBe('not a folder');
  });

  it('prints with Debian\'s headless shell when it is installed, else chromium, and with CHROMIUM_PATH above both', async () => {
    expect(await findChromium({})).toBe('/usr/bin/chromium-headless-shell');
    expect(await findChromium({ CHROMIUM_PATH: '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
    expect(await findChromium({ CHROMIUM_PATH: join(await tempDir(), 'absent') })).toBe('/usr/bin/chromium-headless-shell');
  });

  it('reports a chromium that fails with a code, and leaves no half a PDF (it was an internal error)', async () => {
    const out = join(await tempDir(), 'pdf');
    const r = await print(out, { CHROMIUM_PATH: '/bin/false' });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('cli-pdf-failed', { page: 'measures.html' })]);
    expect(r.stderr).toContain('exit code 1');
    expect(await readdir(out)).toEqual(['.qingdan-gazette-pdf']);
  });
});

