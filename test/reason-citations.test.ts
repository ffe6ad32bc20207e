/**
 * What the runtime's reasons say of the law is law-like text: each cites, in words, the provision
 * its citations name. Found by a review against the national rules: every exemption's refusal
 * for important data cited Art. 5's second paragraph (Arts 3 and 4 exclude it in their own
 * terms), an exemption was named by its code inside Chinese text, and a CIIO's reason said the
 * lists do not apply to CIIOs, against measures Art. 10(一)1, without marking it as our reading.
 */
import { describe, expect, it } from 'vitest';
import type { Exemption } from '../runtime/artifact.js';
import { ciioPersonalInfo, exemption, exemptionNotForImportant } from '../runtime/reasons.js';

const of = (code: string, article: string): Exemption => ({ code, scope: code === 'art3' ? 'data' : 'personal-info', description: '（概述）', basis: [`national.${article}`] });

describe('reasons cite the provisions they rest on', () => {
  it('an exemption refused for important data cites Art. 5(2) for Art. 5’s cases, and the exemption’s own article otherwise', () => {
    expect(exemptionNotForImportant(of('art5.1', 'art5'), ['national.art7']).message.zh).toContain('第五条第二款');
    for (const [code, article] of [['art3', '第三条'], ['art4', '第四条']] as const) {
      const zh = exemptionNotForImportant(of(code, code), ['national.art7']).message.zh;
      expect(zh).toContain(article);
      expect(zh).not.toContain('第五条');
    }
  });

  it('names an exemption in Chinese text by its article and item, not by its code', () => {
    expect(exemption(of('art5.2', 'art5')).message.zh).toContain('《促进和规范数据跨境流动规定》第五条第一款第（二）项规定的情形');
    expect(exemption(of('art3', 'art3')).message.zh).toContain('第三条规定的情形');
    expect(exemption(of('art14', 'art14')).message.zh).toContain('第十四条');
    expect(exemption(of('other', 'art3')).message.zh).toContain('other');
  });

  it('a CIIO’s reason follows measures Art. 10(一)1 and is marked as our reading', () => {
    const r = ciioPersonalInfo('security-assessment', ['national.art7', 'measures.art10']);
    expect(r.message.zh).toContain('第（一）部分第1项');
    expect(r.message.zh).not.toContain('负面清单不适用于');
    expect(r).toMatchObject({ inferred: true, reading: expect.stringMatching(/#lists-not-for-ciio$/) });
  });
});
