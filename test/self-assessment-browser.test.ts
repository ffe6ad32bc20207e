/**
 * The self-assessment page in a real browser (Debian's chromium driven by playwright-core): the
 * runtime bundled into the page verifies the policy it carries and decides locally; search in
 * Chinese, a decision, every "what would change" figure checked against the runtime in Node at
 * the threshold and one step back, the exported report validated against the report schema, and
 * the page printed to PDF and read back with pdftotext. The page makes no request: any would fail.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, findChromium } from '../cli/chromium.js';
import { pageBundle, selfAssessmentFiles, SELF_ASSESSMENT_PAGE } from '../compiler/site/self-assessment/page.js';
import { Policy, reportProblems } from '../runtime/index.js';
import type { PolicyArtifact } from '../runtime/artifact.js';
import type { EvaluationRequest } from '../runtime/request.js';
import { buildRealPolicy, tempDir } from './support.js';
import { latinWordsIn } from './latin-words.js';

let browser: Browser;
let page: Page;
let policy: Policy;
let artifact: PolicyArtifact;
let dir: string;
const requests: string[] = [];
const HEAD = 'a'.repeat(40);

beforeAll(async () => {
  const executablePath = await findChromium(process.env);
  if (!executablePath) throw new Error('chromium is not installed: apt-get install chromium-headless-shell fonts-noto-cjk (as .ci/run does)');
  const built = await buildRealPolicy();
  artifact = built.artifact;
  policy = await Policy.load(built.outDir);
  dir = await tempDir('qingdan-self-assessment-');
  for (const [path, content] of selfAssessmentFiles({ policy: artifact, head: HEAD, date: '2027-06-01' }, [])) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS.filter((f) => f !== '--headless'), headless: true });
  page = await browser.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(dir, SELF_ASSESSMENT_PAGE)).href);
  await page.waitForSelector('body[data-ready]');
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** The request the page decides, as the test set it up. */
function pageRequest(persons: number): EvaluationRequest {
  return { asOf: '2027-06-01', preview: true, processor: { zone: 'nansha', ciio: false }, transfer: { isExport: true, items: [{ id: 'icv.owner-pi', persons, sensitivePersons: 0 }] } };
}

describe('the self-assessment page in chromium', () => {
  it('verifies the policy it carries (the digest of the bundle’s policy.json)', async () => {
    expect(await page.getAttribute('body', 'data-ready')).toBe('true');
    const digest = createHash('sha256').update(pageBundle(artifact, HEAD).policy).digest('hex');
    expect(await page.getAttribute('#qd-status', 'data-digest')).toBe(digest);
  });

  it('finds data items by name or field in Chinese', async () => {
    await page.fill('#qd-search', '车主');
    const found = await page.$$eval('#qd-results li', (lis) => lis.map((li) => (li as HTMLElement).dataset.item));
    expect(found).toContain('icv.owner-pi');
    for (const id of found) {
      const item = artifact.lists.flatMap((l) => l.scenarios.flatMap((s) => s.items)).find((i) => i.id === id)!;
      expect([item.title, item.description ?? '', ...item.fields].some((t) => t.includes('车主'))).toBe(true);
    }
    await page.fill('#qd-search', '故障码'); // a field, not a title
    expect(await page.$$eval('#qd-results li', (lis) => lis.map((li) => (li as HTMLElement).dataset.item))).toContain('icv.vehicle-diagnostics');
  });

  it('decides locally, with reasons linked to the gazette, and every margin agrees with the runtime at the threshold ± 1', async () => {
    await page.fill('#qd-search', '车主');
    await page.click('#qd-results li[data-item="icv.owner-pi"] button');
    await page.selectOption('#qd-zone', 'nansha');
    await page.check('#qd-preview');
    await page.fill('#qd-items tr[data-item="icv.owner-pi"] input[data-measure="persons"]', '87655');
    const request = pageRequest(87_655);
    const expected = policy.evaluate(request);
    expect(await page.getAttribute('#qd-pathway', 'data-pathway')).toBe(expected.pathway);
    const links = await page.$$eval('#qd-reasons a', (as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((h) => h!.startsWith('../gazette/'))).toBe(true);
    const margins = await page.$$eval('#qd-margins li[data-part]', (lis) => lis.map((li) => ({ ...(li as HTMLElement).dataset, text: li.textContent }) as Record<string, string>));
    const up = margins.find((m) => m.part === 'icv.owner-pi' && m.measure === 'persons' && m.direction === 'up')!;
    expect(up).toMatchObject({ volume: '100000', pathway: 'standard-contract-or-certification' });
    expect(up.text).toContain('再增加 12,345 ');
    for (const m of margins.filter((x) => x.part === 'icv.owner-pi' && x.measure !== 'kinds')) {
      const at = (v: number) => {
        const r = pageRequest(87_655);
        const item = { ...r.transfer.items![0]!, [m.measure!]: v };
        return policy.evaluate({ ...r, transfer: { ...r.transfer, items: [item] } }).pathway;
      };
      const v = Number(m.volume);
      expect(at(v)).toBe(m.pathway);
      expect(at(m.direction === 'up' ? v - 1 : v + 1)).toBe(expected.pathway);
    }
  });

  it('says in Chinese why it cannot decide a request that breaks the schema', async () => {
    await page.fill('#qd-asof', '');
    const said = (await page.textContent('#qd-result'))!;
    expect(said).toContain('/asOf');
    expect(latinWordsIn(said, ['asOf', 'YYYY-MM-DD'])).toEqual([]);
    expect(await page.$('#qd-pathway')).toBeNull();
    await page.fill('#qd-asof', '2027-06-01');
    expect(await page.getAttribute('#qd-pathway', 'data-pathway')).toBe(policy.evaluate(pageRequest(87_655)).pathway);
  });

  it('exports a report that conforms to the report schema and re-decides to the same pathways', async () => {
    await page.fill('#qd-name', '广州示例汽车科技有限公司');
    await page.fill('#qd-scenario', '售后服务');
    await page.fill('#qd-r-name', 'Example Motors GmbH');
    await page.fill('#qd-r-region', '德国');
    await page.fill('#qd-r-purpose', '全球售后质保与召回服务');
    await page.click('#qd-export');
    expect(await page.getAttribute('#qd-report-status', 'data-valid')).toBe('true');
    const report = JSON.parse((await page.textContent('#qd-report'))!) as { decision: { pathway: string; policy: { digest: string } }; catalogue: { item: string; persons: number }[] };
    expect(reportProblems(policy, report)).toEqual([]);
    expect(report.catalogue).toEqual([{ item: 'icv.owner-pi', title: '车主个人信息', persons: 87_655, sensitivePersons: 0 }]);
    expect(report.decision.pathway).toBe(policy.evaluate(pageRequest(87_655)).pathway);
    expect(report.decision.policy.digest).toBe(policy.digest);
  });

  it('prints to PDF with the decision and the margins in it', async () => {
    const pdf = join(dir, 'self-assessment.pdf');
    await page.emulateMedia({ media: 'print' });
    await writeFile(pdf, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('数据出境自评估');
    expect(text).toContain('再增加12,345');
    expect(text).toContain('广州示例汽车科技有限公司');
  });

  it('made no request beyond its own files', () => {
    expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
  });
});
