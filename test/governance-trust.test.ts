/**
 * The legitimate ways through the trust roots: a governance proposal approved by the governance
 * owners changes the roster; a registrar records history completed elsewhere; the chair closes
 * a concern in place of its raiser. Each is checked with every signature real.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneRepo, errorCodes, ID, ok, P, repoAtReview, signReviewAndApproval, type Repo } from './governance/fixture.js';

let base: Repo;
beforeAll(async () => {
  base = await repoAtReview();
});

describe('changing the roster', () => {
  it('passes under an approved governance proposal, and is refused before its approval (QD5040)', async () => {
    const repo = await cloneRepo(base);
    const created = await ok(repo, ['proposal', 'new', 'enrol', '--kind', 'governance', '--title', '登记新专家', '--author', 'p-li', '--date', '2026-02-12']);
    const id = /(2026-\d{4}-enrol)/.exec(created)![1]!;
    // The proposal starts from the roster in force and proposes its own.
    const roster = repo.read('policy/governance/roster.yaml');
    expect(repo.read(`proposals/${id}/roster.yaml`)).toBe(roster);
    // Its guide names that file, and none of a list proposal's stage records.
    expect(repo.read(`proposals/${id}/README.md`)).toContain('roster.yaml');
    expect(repo.read(`proposals/${id}/README.md`)).not.toContain('survey.yaml');
    const changed = roster.replace(/(id: p-zhou, [^\n]*roles: \[drafter)\]/, '$1, expert-industry]');
    expect(changed).not.toBe(roster);
    repo.write(`proposals/${id}/roster.yaml`, changed);
    repo.commit('li', 'Propose a roster change');
    // Whoever owns the trust roots owns the roster proposed too (the file is generated, not kept).
    await ok(repo, ['governance', 'codeowners']);
    const owners = (path: string) => repo.read('.github/CODEOWNERS').split('\n').find((l) => l.startsWith(`${path} `))?.split(/\s+/).slice(1) ?? [];
    expect(owners('/policy/governance/').length).toBeGreaterThan(0);
    expect(owners(`/proposals/${id}/`)).toEqual(expect.arrayContaining(owners('/policy/governance/')));
    rmSync(join(repo.dir, '.github'), { recursive: true });
    await ok(repo, ['proposal', 'advance', id, '--date', '2026-02-13']);
    repo.commit('li', 'Open its review');
    const early = await cloneRepo(repo);
    early.write('policy/governance/roster.yaml', changed);
    early.commit('li', `Make Zhou an industry expert\n\nProposal: ${id}`);
    expect((await errorCodes(early)).codes).toEqual(['QD5040']);

    await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-cac', '--person', 'p-wang', '--date', '2026-03-01']);
    repo.commit('wang', 'Approve (CAC)');
    await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-data-bureau', '--person', 'p-huang', '--date', '2026-03-01']);
    repo.commit('huang', 'Approve (data bureau)');
    await ok(repo, ['proposal', 'advance', id, '--date', '2026-03-02']);
    repo.commit('li', 'Approved');
    const beforeChange = repo.git(['rev-parse', 'HEAD']).trim();
    // The change and the proposal's entry into in-force, in one commit signed by an approver.
    repo.write('policy/governance/roster.yaml', changed);
    await ok(repo, ['proposal', 'advance', id, '--date', '2026-03-02']);
    repo.commit('wang', `Make Zhou an industry expert\n\nProposal: ${id}`);
    expect((await errorCodes(repo)).codes).toEqual([]);
    expect((await errorCodes(repo, ['--base', beforeChange])).codes).toEqual([]);
  });
});

describe('the registrar', () => {
  it('records a stage completed before the workflow, citing its document; anyone else may not (QD5037)', async () => {
    const entry = '  - { stage: draft, date: 2025-12-01, external: true, document: { number: 粤网信函〔2025〕1号, date: 2025-12-01 } }';
    const text = `id: 2026-0005-ai\ntitle: 人工智能训练数据清单\nsector: S91\nlists: [ai-training]\nauthors: [p-zhou]\nstage: draft\nhistory:\n${entry}\n`;
    const byRegistrar = await cloneRepo(base);
    byRegistrar.write('proposals/2026-0005-ai/proposal.yaml', text);
    byRegistrar.commit('qian', 'Record the ai-training draft of 2025');
    expect((await errorCodes(byRegistrar)).codes).toEqual([]);
    const byDrafter = await cloneRepo(base);
    byDrafter.write('proposals/2026-0005-ai/proposal.yaml', text);
    byDrafter.commit('zhou', 'Record the ai-training draft of 2025');
    expect((await errorCodes(byDrafter)).codes).toEqual(['QD5037']);
  });
});

describe('the chair', () => {
  it('closes a concern in place of its raiser, signed and recorded as such', async () => {
    const repo = await cloneRepo(base);
    await ok(repo, ['proposal', 'comment', ID, '--concern', '--person', 'p-feng', '--target', 'icv.owner-pi', '--text', '门槛过低', '--date', '2026-02-20']);
    repo.commit('feng', 'raise a concern');
    const refused = await repo.run(['proposal', 'resolve', ID, 'k-001', '--by', 'p-li', '--note', '已答复']);
    expect(refused.code).toBe(2);
    await ok(repo, ['proposal', 'resolve', ID, 'k-001', '--by', 'p-xu', '--as-chair', '--note', '协调机制认定已答复', '--date', '2026-02-25']);
    expect(repo.read(`${P}/concerns/k-001.yaml`)).toContain('asChair: true');
    repo.commit('xu', 'The chair closes concern 001');
    expect((await errorCodes(repo)).codes).toEqual([]);
  });
});

describe('two baseline proposals', () => {
  it('a later one’s change of the baseline leaves an earlier one, in force, as it was (its sign-offs were reported stale)', async () => {
    const repo = await cloneRepo(base);
    const pass = async (name: string, from: string, edit: (text: string) => string) => {
      const day = (n: number) => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      const created = await ok(repo, ['proposal', 'new', name, '--kind', 'baseline', '--title', '国家规定', '--author', 'p-li', '--date', day(0)]);
      const id = new RegExp(`(2026-\\d{4}-${name})`).exec(created)![1]!;
      repo.commit('li', `Propose ${name}`);
      await ok(repo, ['proposal', 'advance', id, '--date', day(0)]);
      repo.write('policy/national.qd', edit(repo.read('policy/national.qd')));
      repo.commit('li', `${name}: the change\n\nProposal: ${id}`);
      await ok(repo, ['proposal', 'sign', id, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', day(1)]);
      repo.commit('feng', 'legal review');
      await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', day(16)]);
      repo.commit('xu', 'coordination');
      await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', day(17)]);
      repo.commit('ma', 'committee');
      await ok(repo, ['proposal', 'advance', id, '--date', day(17)]);
      repo.commit('li', 'approved');
      await ok(repo, ['proposal', 'advance', id, '--date', day(18)]);
      repo.commit('li', 'in force');
    };
    await pass('first', '2026-02-12', (t) => t.replace('100万', '200万'));
    expect((await errorCodes(repo)).codes).toEqual([]);
    await pass('second', '2026-03-05', (t) => t.replace('200万', '300万'));
    expect((await errorCodes(repo)).codes).toEqual([]);
  });
});

describe('merges', () => {
  it('pass when they keep both sides: a branch brought up to date from main, then merged into it (QD5052 is for a merge that drops a change)', async () => {
    const repo = await cloneRepo(base);
    repo.git(['checkout', '-q', '-b', 'notes']);
    await ok(repo, ['proposal', 'comment', ID, '--target', 'icv', '--text', '请说明测试数据的范围', '--person', 'p-zheng', '--date', '2026-03-01']);
    repo.commit('zheng', 'a comment on the icv list');
    repo.git(['checkout', '-q', 'main']);
    await signReviewAndApproval(repo);
    // The branch takes main's sign-offs, then main takes the branch: both merges combine both sides.
    repo.git(['checkout', '-q', 'notes']);
    repo.git(['-c', 'user.name=Zheng Industry', '-c', 'user.email=zheng@example.org', 'merge', '-q', '--no-ff', '-m', 'Merge main into notes', 'main']);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '-m', 'Merge notes', 'notes']);
    expect(repo.git(['log', '--merges', '--oneline']).trim().split('\n')).toHaveLength(2);
    expect((await errorCodes(repo)).codes).toEqual([]);
  });
});
