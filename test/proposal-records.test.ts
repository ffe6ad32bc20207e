/**
 * Records experts can fill: `proposal new` writes commented templates of every stage record,
 * which validate and yet do not count until filled (QD5029); comments and concerns get distinct
 * ids (c-001, k-001) and the earlier numeric files are read under the same ids; a target must be
 * a list or item of the proposal; `proposal status` says what is to do and by whom.
 */
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { hint, hintText } from '../compiler/diagnostics.js';
import { findRecord, recordId } from '../compiler/governance/record-ids.js';
import { STAGES } from '../compiler/governance/stages.js';
import { cloneRepo, createRepo, errorCodes, ID, ok, P, PEOPLE, repoAtReview, type Repo } from './governance/fixture.js';
import { latinWordsIn } from './latin-words.js';
import { diagnosticLine } from './support.js';

let base: Repo;
let atReview: Repo;
beforeAll(async () => {
  base = await createRepo();
  atReview = await repoAtReview();
}, 120_000);

describe('proposal new', () => {
  it('writes a commented template of each stage record, prefilled from the list, that validates', async () => {
    const repo = await cloneRepo(base);
    await ok(repo, ['proposal', 'new', 'icv', '--title', '智能网联汽车清单', '--sector', 'S16', '--list', 'icv', '--author', 'p-li', '--date', '2026-01-05']);
    const survey = repo.read(`${P}/survey.yaml`);
    expect(survey).toMatch(/^# 需求调研/);
    expect(parse(survey).scenarios.map((s: { scenario: string }) => s.scenario)).toContain('研发设计');
    const identification = parse(repo.read(`${P}/important-data.yaml`)) as { items: { item: string; reason: string }[] };
    expect(identification.items.map((i) => i.item)).toContain('icv.owner-pi');
    expect(identification.items.every((i) => i.reason.startsWith('待填写'))).toBe(true);
    expect(parse(repo.read(`${P}/scenario-analysis.yaml`)).scenarios.length).toBeGreaterThan(0);
    expect(repo.read(`${P}/README.md`)).toContain('c-NNN.yaml');
    expect(repo.read(`${P}/README.md`)).toContain('survey.yaml');
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+draft\n)/m, `$1  proposal "${ID}"\n`));
    repo.commit('li', 'Propose the icv list');
    // The templates break no schema and name no unknown item.
    expect((await errorCodes(repo)).codes).toEqual([]);
  });

  it('does not let a proposal leave a stage whose record still holds 待填写 (QD5029)', async () => {
    const repo = await cloneRepo(base);
    await ok(repo, ['proposal', 'new', 'icv', '--title', '智能网联汽车清单', '--sector', 'S16', '--list', 'icv', '--author', 'p-li', '--date', '2026-01-05']);
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+draft\n)/m, `$1  proposal "${ID}"\n`));
    repo.commit('li', 'Propose the icv list');
    await ok(repo, ['proposal', 'advance', ID, '--date', '2026-01-10']);
    repo.commit('li', 'Survey');
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'survey', '--role', 'drafter', '--person', 'p-zhou', '--date', '2026-01-20']);
    repo.commit('zhou', 'Sign off the unfilled survey');
    const refused = await repo.run(['proposal', 'advance', ID, '--date', '2026-01-21']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('QD5029');
  });

  it('refuses an unknown list, with a suggestion', async () => {
    const repo = await cloneRepo(base);
    const r = await repo.run(['proposal', 'new', 'x', '--title', 't', '--sector', 'S16', '--list', 'icvv', '--author', 'p-li', '--date', '2026-01-05']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([diagnosticLine('cli-unknown-list', { list: "'icvv'" }), `  = hint: ${hintText(hint('did-you-mean', { words: ['icv'] }), 'en')}`]);
  });
});

describe('comment and concern ids', () => {
  it('numbers comments c-001, c-002 and concerns k-001 apart, and resolves each by its id', async () => {
    const repo = await cloneRepo(atReview);
    const first = await repo.run(['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-pi', '--text', '一', '--date', '2026-02-15']);
    expect(first.stdout.trim()).toBe('c-001');
    const concern = await repo.run(['proposal', 'comment', ID, '--concern', '--person', 'p-feng', '--target', 'icv', '--text', '关切', '--date', '2026-02-15']);
    expect(concern.stdout.trim()).toBe('k-001');
    repo.commit('li', 'records');
    const second = await repo.run(['proposal', 'comment', ID, '--author', '某协会', '--target', 'icv.owner-pi', '--text', '二', '--date', '2026-02-16']);
    expect(second.stdout.trim()).toBe('c-002');
    repo.commit('li', 'second comment');
    // 001 is both c-001 and k-001: refused, never the wrong one.
    const ambiguous = await repo.run(['proposal', 'resolve', ID, '001', '--by', 'p-feng', '--note', '已解决']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr.split('\n')[0]).toBe(diagnosticLine('cli-record-ambiguous', { record: "'001'", ids: ['c-001', 'k-001'] }));
    await ok(repo, ['proposal', 'resolve', ID, 'k-001', '--by', 'p-feng', '--note', '已解决', '--date', '2026-02-17']);
    expect(parse(repo.read(`${P}/concerns/k-001.yaml`)).resolution.by).toBe('p-feng');
    await ok(repo, ['proposal', 'resolve', ID, 'c-002', '--decision', 'rejected', '--reason', '不符合', '--by', 'p-li', '--date', '2026-02-17']);
    expect(parse(repo.read(`${P}/comments/c-002.yaml`)).disposition).toMatchObject({ decision: 'rejected', reason: '不符合' });
    expect(parse(repo.read(`${P}/comments/c-001.yaml`)).disposition).toBeUndefined();
  });

  it('numbers a second comment recorded before the first is committed after it, never over it', async () => {
    const repo = await cloneRepo(atReview);
    await ok(repo, ['proposal', 'comment', ID, '--author', '甲', '--target', 'icv', '--text', '一', '--date', '2026-02-15']);
    await ok(repo, ['proposal', 'comment', ID, '--author', '乙', '--target', 'icv', '--text', '二', '--date', '2026-02-15']);
    expect(parse(repo.read(`${P}/comments/c-001.yaml`)).author).toBe('甲');
    expect(parse(repo.read(`${P}/comments/c-002.yaml`)).author).toBe('乙');
  });

  it('reads files of the earlier numeric form under the same ids', () => {
    const records = { comments: [{ path: `${P}/comments/001.yaml` }, { path: `${P}/comments/c-002.yaml` }], concerns: [{ path: `${P}/concerns/003.yaml` }] };
    expect(recordId('comment', records.comments[0]!.path)).toBe('c-001');
    expect(recordId('concern', records.concerns[0]!.path)).toBe('k-003');
    expect(findRecord('c-001', records)).toEqual({ comment: records.comments[0] });
    expect(findRecord('003', records)).toEqual({ concern: records.concerns[0] });
    expect(findRecord('k-009', records)).toEqual({ error: 'unknown', known: ['c-001', 'c-002', 'k-003'] });
    expect(findRecord('3', { comments: [{ path: `${P}/comments/c-003.yaml` }], concerns: records.concerns })).toEqual({ error: 'ambiguous', ids: ['c-003', 'k-003'] });
  });

  it('writes no record that governance check would refuse (an empty comment was written, and refused only in CI)', async () => {
    const repo = await cloneRepo(atReview);
    const before = repo.git(['status', '--porcelain']);
    const empty = await repo.run(['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv', '--text', '', '--date', '2026-02-15']);
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('schema-min-length', { file: 'comment', pointer: '/text', limit: 1 })]);
    expect(empty.stderr).toContain(`${P}/comments/c-001.yaml:4:7`);
    expect(empty.stderr).toContain(diagnosticLine('cli-record-refused', { path: `${P}/comments/c-001.yaml` }));
    const untitled = await repo.run(['proposal', 'new', 'x', '--title', '', '--sector', 'S16', '--list', 'icv', '--author', 'p-li', '--date', '2026-01-05']);
    expect([untitled.code, untitled.stderr.split('\n')[0]]).toEqual([2, diagnosticLine('schema-min-length', { file: 'proposal', pointer: '/title', limit: 1 })]);
    expect(repo.git(['status', '--porcelain'])).toBe(before);
  });

  it('refuses a target the proposal\u2019s lists do not have, suggesting the nearest item', async () => {
    const repo = await cloneRepo(atReview);
    const r = await repo.run(['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-p', '--text', '?']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([diagnosticLine('cli-unknown-target', { target: "'icv.owner-p'", id: ID }), `  = hint: ${hintText(hint('did-you-mean', { words: ['icv.owner-pi'] }), 'en')}`]);
  });
});

describe('proposal status', () => {
  it('lists what is to do and by whom, and what blocks the next stage', async () => {
    const repo = await cloneRepo(atReview);
    await ok(repo, ['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-pi', '--text', '一', '--date', '2026-02-15']);
    repo.commit('li', 'a comment');
    const status = JSON.parse((await repo.run(['proposal', 'status', ID, '--json'])).stdout) as { next: string; reviewEnds: string; todo: { what: { id: string; args: Record<string, unknown> }; who: string[] }[]; blocking: { code: string }[] };
    expect(status.next).toBe('approved');
    expect(status.reviewEnds).toBe('2026-02-26');
    const legal = status.todo.find((t) => t.what.id === 'todo-sign' && t.what.args.role === 'expert-legal');
    expect(legal?.who).toEqual(['Feng Legal (p-feng)']);
    const answer = status.todo.find((t) => t.what.id === 'todo-answer-comment' && t.what.args.comment === 'c-001');
    expect(answer?.who).toEqual(['Li Drafter (p-li)']);
    expect(status.blocking.map((b) => b.code)).toEqual(expect.arrayContaining(['QD5012', 'QD5020']));
  });
});

describe('in Chinese', () => {
  /**
   * Everything the proposal commands print under --lang zh (refusals, what they did, the status
   * board, the blockers with their code frames), checked for English prose. What stays Latin is
   * code (ids, paths, options, commands, stage and role ids) and data: people's names, and the
   * source lines a code frame quotes.
   */
  it('prints no English sentence, whatever the command says', async () => {
    const repo = await cloneRepo(atReview);
    const zh = (args: string[]) => repo.run(['--lang', 'zh', ...args]);
    const runs = [
      await zh(['proposal', 'status']),
      await zh(['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-pi', '--text', '一', '--date', '2026-02-15']),
      await zh(['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-p', '--text', '?']),
      await zh(['proposal', 'comment', ID, '--target', 'icv', '--text', '?']),
      await zh(['proposal', 'advance', ID, '--to', 'draft']),
      await zh(['proposal', 'advance', ID, '--to', 'reviewed']),
      await zh(['proposal', 'advance', ID, '--date', '2026-02-12']),
      await zh(['proposal', 'sign', ID, '--stage', 'review', '--role', 'drafter', '--person', 'p-li']),
      await zh(['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-li']),
      await zh(['proposal', 'sign', ID, '--stage', 'review', '--role', 'nobody', '--person', 'p-feng']),
      await zh(['proposal', 'resolve', ID, 'c-009', '--by', 'p-li', '--decision', 'accepted']),
      await zh(['proposal', 'resolve', ID, 'c-001', '--by', 'p-li']),
      await zh(['proposal', 'new', 'x', '--title', '标题', '--sector', 'S16', '--list', 'icvv', '--author', 'p-li', '--date', '2026-02-15']),
      await zh(['proposal', 'new', 'X', '--title', '标题', '--kind', 'baseline', '--author', 'p-li']),
      await zh(['proposal', 'check', 'no-such-proposal']),
      await zh(['proposal', 'status', 'no-such-proposal']),
    ];
    repo.commit('li', 'a comment');
    runs.push(await zh(['proposal', 'status']), await zh(['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-02-16']));
    const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
    // Each run said something, and the refusals were refusals in Chinese.
    expect(runs.every((r) => (r.stdout + r.stderr).trim() !== '')).toBe(true);
    expect(printed).toMatch(/错误\[QD4065\]/);
    const frames = printed.replace(/^\s*\d*\s*\|.*$/gm, '');
    const names = Object.values(PEOPLE).map((p) => p.name);
    // Stage ids and roster role ids are what --stage and --role take: code, like the other ids.
    const code = new Set<string>([...STAGES, ...Object.values(PEOPLE).flatMap((p) => p.roles)]);
    expect(latinWordsIn(frames, names).filter((w) => !code.has(w))).toEqual([]);
  });
});
