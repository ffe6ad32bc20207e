/** The pure parts of governance: content equality through the parser, digests, YAML shapes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageDigest } from '../compiler/governance/digest.js';
import { fileContent, readLists } from '../compiler/governance/lists.js';
import { loadGovernance } from '../compiler/governance/load.js';
import { signoffSchema } from '../compiler/governance/schemas.js';
import { parseYamlFile } from '../compiler/governance/yaml-source.js';
import { ROOT } from './support.js';

const ICV = 'policy/lists/icv.qd';
const icv = readFileSync(join(ROOT, ICV), 'utf8');

describe('policy content, read through the parser', () => {
  it('is unchanged by layout, comments, status and proposal link, and changed by substance', () => {
    const relaid = `// a new comment\n${icv.replace(/\n {2}scenario /g, '\n\n    scenario ')}`;
    expect(relaid).not.toBe(icv);
    expect(fileContent(ICV, relaid)).toBe(fileContent(ICV, icv));
    expect(fileContent(ICV, icv.replace('status consultation', 'status approved'))).toBe(fileContent(ICV, icv));
    expect(fileContent(ICV, icv.replace('用户调研与体验测试数据', '用户调研数据'))).not.toBe(fileContent(ICV, icv));
    expect(fileContent(ICV, icv.replace(/\n\s*important\n/, '\n'))).not.toBe(fileContent(ICV, icv));
  });
});

describe('stage digests', () => {
  const files = (list: string) => new Map([[ICV, list], ['proposals/2026-0001-icv/proposal.yaml', readFileSync(join(ROOT, 'proposals/2026-0001-icv/proposal.yaml'), 'utf8')], ['proposals/2026-0001-icv/survey.yaml', readFileSync(join(ROOT, 'proposals/2026-0001-icv/survey.yaml'), 'utf8')]]);
  const digest = (list: string, stage: 'survey' | 'review') => {
    const f = files(list);
    const p = loadGovernance(f).proposals[0]!;
    return stageDigest(p, readLists(f).lists, stage);
  };
  it('cover the list for review, and only the survey record for the survey', () => {
    const edited = icv.replace('用户调研与体验测试数据', '用户调研数据');
    expect(digest(icv, 'review')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest(edited, 'review')).not.toBe(digest(icv, 'review'));
    expect(digest(edited, 'survey')).toBe(digest(icv, 'survey'));
    expect(digest(icv.replace('status consultation', 'status approved'), 'review')).toBe(digest(icv, 'review'));
  });
});

describe('governance YAML has one reading', () => {
  const base = `proposal: 2026-0001-icv\nstage: review\nrole: expert-legal\nperson: p-feng\ndate: 2026-03-01\ndigest: "sha256:${'0'.repeat(64)}"\n`;
  const codes = (text: string) => parseYamlFile({ path: 's.yaml', text }, signoffSchema, 'sign-off').diagnostics.map((d) => `${d.code} ${d.span?.line}`);
  it('accepts a plain file, flow style and quoted keys included', () => {
    expect(codes(base)).toEqual([]);
    expect(codes(`{ "proposal": 2026-0001-icv, stage: review, role: expert-legal, person: p-feng, date: 2026-03-01, digest: "sha256:${'0'.repeat(64)}" }\n`)).toEqual([]);
  });
  it('refuses duplicate keys, anchors, aliases, tags and non-string keys, each located', () => {
    expect(codes(`${base}person: p-ma\n`)[0]).toMatch(/^QD5001 /);
    expect(codes(base.replace('person: p-feng', 'person: &who p-feng\nnote: *who'))).toEqual(['QD5031 4', 'QD5031 5']);
    expect(codes(base.replace('person: p-feng', 'person: !!str p-feng'))).toEqual(['QD5031 4']);
    expect(codes(`${base}1: one\n`)).toEqual(['QD5031 7']);
  });
});
