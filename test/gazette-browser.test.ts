/**
 * The gazette in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser). `.ci/run` installs chromium, fonts-noto-cjk and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, findChromium, printToPdf } from '../cli/chromium.js';
import { buildRealPolicy, ROOT, tempDir } from './support.js';

let browser: Browser;
let gazette: string;
beforeAll(async () => {
  const executablePath = await findChromium(process.env);
  if (!executablePath) throw new Error('chromium is not installed: apt-get install chromium fonts-noto-cjk (as .ci/run does)');
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
