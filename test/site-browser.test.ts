/**
 * The review site in a real browser (Debian's chromium through playwright-core), opened from
 * disk as an expert would: from the board, follow a comment to its item in the gazette; read
 * the review deadline and who signs next; print a proposal page to PDF and read its Chinese text
 * back (pdftotext); and run axe-core on the pages, with no serious or critical violation.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium.js';
import { buildSite, siteRepo } from './site-fixture.js';
import { tempDir } from './support.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let site: string;
/** Every URL a page asked for: the site must never leave the disk. */
const requested: string[] = [];

beforeAll(async () => {
  const executablePath = await findChromium(process.env);
  if (!executablePath) throw new Error('chromium is not installed: apt-get install chromium-headless-shell fonts-noto-cjk (as .ci/run does)');
  site = await buildSite(await siteRepo());
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'), headless: true });
}, 90_000);
afterAll(async () => {
  await browser?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(pathToFileURL(join(site, path)).href);
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on `page`. The gazette's watermark (草案 across the
 * page, aria-hidden) is left out: it is decoration, which WCAG 1.4.3 exempts from contrast.
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  type Axe = { run(context: object): Promise<{ violations: AxeViolation[] }> };
  const result = await page.evaluate(async () => (globalThis as unknown as { axe: Axe }).axe.run({ exclude: [['.watermark']] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

describe('the review site in chromium', () => {
  it('follows a concern from the board to its item in the gazette', async () => {
    const page = await open('index.html');
    const row = page.locator('section[aria-labelledby="h-2026-0001-icv"] tr', { hasText: 'k-001' });
    await expect(row.locator('td').nth(2).textContent()).resolves.toContain('车主个人信息的量级门槛');
    await row.getByRole('link').click();
    await page.waitForURL(/gazette\/lists\/icv\.html#icv\.owner-pi$/);
    const item = page.locator('[id="icv.owner-pi"]');
    await expect(item.textContent()).resolves.toBe('车主个人信息');
    // The item is scrolled into view.
    const box = (await item.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(-1);
    expect(box.y).toBeLessThan(900);
  });

  it('shows the review deadline and who must sign next, by name and role', async () => {
    const page = await open('index.html');
    const card = page.locator('section[aria-labelledby="h-2026-0001-icv"]');
    const deadline = card.locator('.review-deadline time');
    await expect(deadline.getAttribute('datetime')).resolves.toBe('2026-11-17');
    await expect(deadline.textContent()).resolves.toBe('2026年11月17日');
    const pending = await card.locator('.pending-signoff').allTextContents();
    expect(pending).toContain('论证与征求意见：冯占位（虚构）（法律专家）');
    // The industry expert signed, but the list changed since: they must sign again.
    expect(pending.find((p) => p.includes('行业专家'))).toContain('郑占位（虚构） 的签署因内容变更已失效');
  });

  it('prints a proposal page to PDF with its Chinese text and without the navigation', async () => {
    const page = await open('proposals/2026-0001-icv.html');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.site nav').isVisible()).resolves.toBe(false);
    const pdf = join(await tempDir(), 'proposal.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('意见采纳情况表');
    expect(text).toContain('智能网联汽车领域数据出境负面清单');
    // A table cell wraps over lines; pdftotext gives each cell's lines in order.
    expect(text.replace(/\s+/g, '')).toContain('不采纳：测绘地理信息数据由测绘管理规定另行规范');
    expect(text).not.toContain('网站导航');
  });

  it.each(['index.html', 'proposals/2026-0001-icv.html', 'gazette/lists/icv.html'])('%s has no serious or critical axe-core violation', async (path) => {
    const page = await open(path);
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });

  it('asked for nothing but files of the site', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => !u.startsWith(pathToFileURL(site).href))).toEqual([]);
  });
});
