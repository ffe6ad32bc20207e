/**
 * What the gazette tells a reader about the reading of the law: the measures' publication date
 * shown as a value to be confirmed with the trial period it sets, and the annex's typos kept as
 * published and annotated as the measures' are.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyArtifact } from '../runtime/artifact.js';
import { buildRealPolicy } from './support.js';

let outDir: string;
let artifact: PolicyArtifact;
beforeAll(async () => {
  ({ outDir, artifact } = await buildRealPolicy());
});

const page = (name: string) => readFile(join(outDir, 'gazette', name), 'utf8');
const visible = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the measures\' publication date and trial period', () => {
  it('are declared by the measures, the date marked as not confirmed, the trial citing Art. 31', () => {
    const measures = artifact.documents.find((d) => d.id === 'measures')!;
    expect(measures.published).toMatchObject({ date: '2026-07-01', confirmed: false });
    expect(measures.trial).toEqual({ years: 2, basis: ['measures.art31'] });
    expect(artifact.trial).toEqual({ document: 'measures', from: '2026-07-01', until: '2028-07-01', confirmed: false, basis: ['measures.art31'] });
  });

  it('every list of the policy ends within the trial', () => {
    for (const l of artifact.lists) {
      expect(l.effective.from >= artifact.trial!.from, l.id).toBe(true);
      expect((l.effective.until ?? artifact.trial!.until) <= artifact.trial!.until, l.id).toBe(true);
    }
  });

  it('the gazette shows the date as to be confirmed, and the trial\'s last day', async () => {
    const html = visible(await page('measures.html'));
    expect(html).toContain('发布日期：2026年7月1日【待确认】');
    expect(html).toContain('试行期：两年，2026年7月1日至2028年6月30日【随发布日期待确认】');
    expect(html).toContain('发布日期待确认（to be confirmed）');
    expect(await page('measures.html')).toContain('class="unconfirmed"');
  });
});

describe('the annex\'s typos', () => {
  it('are kept in the text exactly as published', () => {
    const rule2 = artifact.annex.generalRules.rules.find((r) => r.id === 'annex.rule2')!;
    expect(rule2.text).toContain('等的个人敏感信息。');
    const s18 = artifact.annex.categories.flatMap((c) => c.examples).find((e) => e.covers.includes('S18'))!;
    expect(s18.text).toContain('科研与生产能力的的数据');
    expect(artifact.annex.sic).toEqual([
      { text: '的的', correction: '的' },
      { text: '个人敏感信息', correction: '敏感个人信息' },
    ]);
  });

  it('are annotated in the gazette where the reader meets them', async () => {
    const md = await page('annex.md');
    const rule2At = md.indexOf('\n2\\. ');
    const rule3At = md.indexOf('\n3\\. ');
    expect(rule2At).toBeGreaterThan(-1);
    const note = md.indexOf('编者注：原文作“个人敏感信息”，当为“敏感个人信息”；正文照录原文。');
    expect(note).toBeGreaterThan(rule2At);
    expect(note).toBeLessThan(rule3At);
    expect(md).toContain('编者注：第18项所在的示例原文作“的的”，当为“的”；正文照录原文。');
    const html = await page('annex.html');
    expect(html.match(/class="editorial"/g)).toHaveLength(2);
  });
});
