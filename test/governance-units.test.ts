/** The pure parts of governance: content equality through the parser, digests, YAML shapes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageDigest } from '../compiler/governance/digest.js';
import { fileContent, readLists } from '../compiler/governance/lists.js';
import { loadGovernance } from '../compiler/governance/load.js';
import { rosterSchema, signoffSchema } from '../compiler/governance/schemas.js';
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
    return stageDigest(p, readLists(f), stage);
  };
  it('cover the list for review, and only the survey record for the survey', () => {
    const edited = icv.replace('用户调研与体验测试数据', '用户调研数据');
    expect(digest(icv, 'review')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digest(edited, 'review')).not.toBe(digest(icv, 'review'));
    expect(digest(edited, 'survey')).toBe(digest(icv, 'survey'));
    expect(digest(icv.replace('status consultation', 'status approved'), 'review')).toBe(digest(icv, 'review'));
  });

  it('cover the baseline files for a baseline proposal, without their layout, and not for a list proposal', () => {
    const NATIONAL = 'policy/national.qd';
    const national = readFileSync(join(ROOT, NATIONAL), 'utf8');
    const meta = 'id: 2026-0009-baseline\nkind: baseline\ntitle: 国家规定\nlists: []\nauthors: [p-li]\nstage: review\nhistory:\n  - { stage: draft, date: 2026-03-02 }\n  - { stage: review, date: 2026-03-03 }\n';
    const baselineDigest = (text: string, yaml = meta) => {
      const f = new Map([[NATIONAL, text], ['proposals/2026-0009-baseline/proposal.yaml', yaml]]);
      const p = loadGovernance(f).proposals[0]!;
      expect(p.meta?.value?.id).toBe('2026-0009-baseline');
      return stageDigest(p, readLists(f), 'review');
    };
    const raised = national.replace('100万', '1000万');
    expect(raised).not.toBe(national);
    expect(baselineDigest(raised)).not.toBe(baselineDigest(national));
    expect(baselineDigest(national.replace(/\n/g, '\n\n'))).toBe(baselineDigest(national));
    const asList = meta.replace('kind: baseline\n', '').replace('lists: []', 'sector: S16\nlists: [icv]');
    expect(baselineDigest(raised, asList)).toBe(baselineDigest(national, asList));
  });
});

describe('governance YAML has one reading', () => {
  const base = `proposal: 2026-0001-icv\nstage: review\nrole: expert-legal\nperson: p-feng\ndate: 2026-03-01\ndigest: "sha256:${'0'.repeat(64)}"\n`;
  const codes = (text: string) => parseYamlFile({ path: 's.yaml', text }, signoffSchema, 'signoff').diagnostics.map((d) => `${d.code} ${d.span?.line}`);
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

  const found = (text: string) => parseYamlFile({ path: 's.yaml', text }, signoffSchema, 'signoff').diagnostics.map((d) => [d.code, d.id, d.args, d.span?.line]);
  it('names a YAML problem by the yaml library\'s error code, and a refused shape by a closed term', () => {
    expect(found(`${base}person: p-ma\n`)).toEqual([['QD5001', 'governance-yaml-syntax', { problem: 'DUPLICATE_KEY' }, 7]]);
    expect(found(base.replace('person: p-feng', 'person: &who p-feng\nnote: *who'))).toEqual([
      ['QD5031', 'governance-yaml-shape', { shape: 'anchor' }, 4],
      ['QD5031', 'governance-yaml-shape', { shape: 'alias' }, 5],
    ]);
    expect(found(base.replace('person: p-feng', 'person: !!str p-feng'))).toEqual([['QD5031', 'governance-yaml-tag', { tag: 'tag:yaml.org,2002:str' }, 4]]);
    expect(found(`${base}1: one\n`)).toEqual([['QD5031', 'governance-yaml-shape', { shape: 'non-string-key' }, 7]]);
  });

  it('turns each ajv error into a catalogued entry by its keyword, with its params as arguments and located by the instance path', () => {
    const at = { file: 'signoff', pointer: '/' };
    expect(found(base.replace('person: p-feng\n', ''))).toEqual([['QD5002', 'schema-required', { ...at, property: "'person'" }, 1]]);
    expect(found(`${base}extra: 1\n`)).toEqual([['QD5002', 'schema-unknown-property', { ...at, property: "'extra'" }, 7]]);
    expect(found(base.replace('stage: review', 'stage: reviewed'))).toEqual([['QD5002', 'schema-enum', { ...at, pointer: '/stage', allowed: expect.arrayContaining(['review']) as unknown }, 2]]);
    expect(found(base.replace('proposal: 2026-0001-icv', 'proposal: [1]'))).toEqual([['QD5002', 'schema-type', { ...at, pointer: '/proposal', type: ['string'] }, 1]]);
    const digest = found(base.replace(/digest: .*/, 'digest: "md5:00"'));
    expect(digest).toEqual([['QD5002', 'schema-pattern', { ...at, pointer: '/digest', pattern: '/^sha256:[0-9a-f]{64}$/' }, 6]]);
    expect(found(base.replace('date: 2026-03-01', 'date: soon'))).toEqual([['QD5002', 'schema-format', { ...at, pointer: '/date', format: 'date' }, 5]]);
    expect(found(`${base}note: ""\n`)).toEqual([['QD5002', 'schema-min-length', { ...at, pointer: '/note', limit: 1 }, 7]]);
  });

  it('refuses an e-mail address that an allowed-signers file would read as a pattern', () => {
    const roster = readFileSync(join(ROOT, 'policy/governance/roster.yaml'), 'utf8');
    const email = /email: ([^,\s]+)/.exec(roster)![1]!;
    const problems = (text: string) => parseYamlFile({ path: 'roster.yaml', text }, rosterSchema, 'roster').diagnostics.map((d) => [d.code, d.id, (d.args as { pointer?: string }).pointer]);
    expect(problems(roster)).toEqual([]);
    for (const pattern of ['*@example.org', 'a?b@example.org', '!a@example.org']) expect(problems(roster.replace(email, JSON.stringify(pattern)))).toEqual([['QD5002', 'schema-pattern', '/people/0/email']]);
  });
});
