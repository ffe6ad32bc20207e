/**
 * The governance red team: each attack on the workflow is rejected with its own code, id and
 * arguments (never matched by wording). Every attack starts from the same repository, walked to the review stage by the
 * right people (test/governance/fixture.ts), copied so attacks do not see each other.
 */
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { shallowCommits } from '../compiler/git/log.js';
import { checkGovernance } from '../compiler/governance/check.js';
import { effectivePath, gateStages, transitionError } from '../compiler/governance/stages.js';
import { approveByHand, cloneRepo, ID, ok, P, repoAtReview, signApprovalOutOfOrder, type Repo } from './governance/fixture.js';
import { diagnosticLine, ROOT, tempDir } from './support.js';

let base: Repo;
beforeAll(async () => {
  base = await repoAtReview();
});

/** A reported diagnostic as `--json` carries it: matched by code, id and arguments, never by wording. */
interface Found {
  code: string;
  id: string;
  args: Record<string, unknown>;
  file?: string;
  line?: number;
}

async function codes(repo: Repo): Promise<Found[]> {
  const r = await repo.run(['governance', 'check', '--json']);
  const verdict = JSON.parse(r.stdout) as { diagnostics: (Found & { severity: string })[] };
  return verdict.diagnostics.filter((d) => d.severity === 'error');
}

/** Signs the whole review and approval with the right people, leaving the proposal ready for approval. */
async function signReviewAndApproval(repo: Repo): Promise<void> {
  for (const [who, person, role] of [['zheng', 'p-zheng', 'expert-industry'], ['feng', 'p-feng', 'expert-legal'], ['deng', 'p-deng', 'expert-data-security'], ['chen', 'p-chen', 'provincial-commerce']] as const) {
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', role, '--person', person, '--date', '2026-03-01']);
    repo.commit(who, `review ${role}`);
  }
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-02']);
  repo.commit('xu', 'coordination');
  await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-03']);
  repo.commit('ma', 'committee');
}

/** A sign-off written by hand (not through the CLI), dated by the repository's clock. */
function signoff(repo: Repo, stage: string, role: string, person: string, digest = `sha256:${'0'.repeat(64)}`): string {
  return `proposal: ${ID}\nstage: ${stage}\nrole: ${role}\nperson: ${person}\ndate: ${repo.clock}\ndigest: "${digest}"\n`;
}

describe('the stage machine', () => {
  it('allows one step forward, back to review from approval, and an end from any active stage', () => {
    expect(transitionError('draft', 'survey')).toBeUndefined();
    expect(transitionError('draft', 'review')).toEqual({ problem: 'skips', skipped: ['survey', 'important-data-identification', 'scenario-analysis'] });
    expect(transitionError('approved', 'review')).toBeUndefined();
    expect(transitionError('scenario-analysis', 'survey')).toEqual({ problem: 'backwards' });
    expect(transitionError('in-force', 'superseded')).toBeUndefined();
    expect(transitionError('withdrawn', 'draft')).toEqual({ problem: 'from-final' });
    expect(transitionError('draft', 'survey', 'baseline')).toEqual({ problem: 'not-on-path' });
    expect(transitionError('review', 'review')).toEqual({ problem: 'same-stage' });
    expect(gateStages('review', 'approved')).toEqual(['review', 'approved']);
    expect(gateStages('approved', 'filed')).toEqual(['filed']);
    expect(gateStages('approved', 'review')).toEqual([]);
  });
  it('voids approvals given before a return to review', () => {
    const path = effectivePath([
      { stage: 'review', date: '2026-01-01' },
      { stage: 'approved', date: '2026-02-01' },
      { stage: 'review', date: '2026-02-10' },
      { stage: 'approved', date: '2026-03-01' },
    ]);
    expect(path.map((p) => `${p.entry.stage}@${p.entry.date}`)).toEqual(['review@2026-02-10', 'approved@2026-03-01']);
  });
});

describe('the real repository', () => {
  it('passes governance check, with the icv proposal at review', async () => {
    const report = await checkGovernance(ROOT);
    const errors = report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.id}`);
    // A shallow clone of this repository (a CI checkout of depth 1) has no history to check: refused, not passed.
    if ((await shallowCommits(ROOT)).size > 0) {
      expect(errors).toEqual(['QD4033 history-shallow']);
      return;
    }
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.id} ${JSON.stringify(d.args)}`)).toEqual([]);
    const icv = report.governance.proposals.find((p) => p.folder === '2026-0001-icv');
    expect(icv?.meta?.value?.stage).toBe('review');
    expect(report.lists.find((l) => l.id === 'icv')?.status).toBe('consultation');
  });
});

describe('a shallow clone', () => {
  it('is refused (QD4033), where it passed having checked only the commits it holds, and passes once whole', async () => {
    const dir = await tempDir('qingdan-shallow-');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${base.dir}`, dir]);
    const cut = await checkGovernance(dir);
    expect(cut.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.id])).toEqual([['QD4033', 'history-shallow']]);
    execFileSync('git', ['fetch', '-q', '--unshallow'], { cwd: dir });
    const whole = await checkGovernance(dir);
    expect(whole.diagnostics.filter((d) => d.severity === 'error')).toEqual((await checkGovernance(base.dir)).diagnostics.filter((d) => d.severity === 'error'));
  });
});

describe('ending a proposal', () => {
  for (const end of ['withdrawn', 'rejected'] as const) {
    it(`${end}: from review, with the lists' status updated, after which it is final`, async () => {
      const repo = await cloneRepo(base);
      await ok(repo, ['proposal', 'advance', ID, '--to', end, '--date', '2026-03-01', '--note', `${end} in test`]);
      repo.commit('li', `${end}`);
      expect(repo.read(`${P}/proposal.yaml`)).toMatch(new RegExp(`^stage: ${end}$`, 'm'));
      expect(repo.read('policy/lists/icv.qd')).toMatch(/^\s*status (draft|repealed)$/m);
      expect(await codes(repo)).toEqual([]);
      const again = await repo.run(['proposal', 'advance', ID, '--date', '2026-03-02']);
      expect(again.code).toBe(2);
      expect(again.stderr.split('\n')[0]).toBe(diagnosticLine('cli-nothing-follows', { id: ID, stage: end }));
    });
  }
});

describe('proposal new', () => {
  it('numbers a draft after the uncommitted ones too, and never writes over a draft (before: the same number, and a second `new` of the slug rewrote the first’s files)', async () => {
    const repo = await cloneRepo(base);
    const args = (slug: string) => ['proposal', 'new', slug, '--kind', 'baseline', '--title', '试行期修订', '--author', 'p-li', '--date', '2026-03-01'];
    const first = /(2026-\d{4}-trial)/.exec(await ok(repo, args('trial')))![1]!;
    repo.write(`proposals/${first}/proposal.yaml`, `${repo.read(`proposals/${first}/proposal.yaml`)}# the author's edit\n`);
    const second = /(2026-\d{4}-trial)/.exec(await ok(repo, args('trial')))![1]!;
    const other = /(2026-\d{4}-other)/.exec(await ok(repo, args('other')))![1]!;
    const number = (id: string) => Number(id.slice(5, 9));
    expect([number(second) - number(first), number(other) - number(first)]).toEqual([1, 2]);
    expect(repo.read(`proposals/${first}/proposal.yaml`)).toContain("# the author's edit");
  });
});

describe('superseding a proposal', () => {
  it('a new proposal that replaces the old one takes over its list; the old one ends superseded', async () => {
    const repo = await cloneRepo(base);
    const created = await ok(repo, ['proposal', 'new', 'icv-v2', '--title', '智能网联汽车清单（修订）', '--sector', 'S16', '--list', 'icv', '--author', 'p-zhou', '--date', '2026-03-01']);
    const next = /(2026-\d{4}-icv-v2)/.exec(created)![1]!;
    repo.write(`proposals/${next}/proposal.yaml`, `${repo.read(`proposals/${next}/proposal.yaml`)}replaces: ${ID}\n`);
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(`proposal "${ID}"`, `proposal "${next}"`).replace(/^(\s*status\s+)consultation$/m, '$1draft'));
    repo.commit('zhou', `Propose a revision of the icv list that replaces ${ID}`);
    await ok(repo, ['proposal', 'advance', ID, '--to', 'superseded', '--superseded-by', next, '--date', '2026-03-02']);
    repo.commit('li', `${ID} is superseded by ${next}`);
    expect(repo.read(`${P}/proposal.yaml`)).toMatch(/^stage: superseded$/m);
    expect(await codes(repo)).toEqual([]);
    // Superseded by a proposal that does not say it replaces this one: QD5028.
    repo.write(`proposals/${next}/proposal.yaml`, repo.read(`proposals/${next}/proposal.yaml`).replace(`replaces: ${ID}\n`, ''));
    repo.commit('zhou', 'forget what it replaces');
    expect((await codes(repo)).map((d) => [d.code, d.id, d.args])).toContainEqual(['QD5028', 'successor-does-not-replace', { id: ID, successor: next }]);
  });
});

describe('governed files are read up to a bound', () => {
  it('refuses a record past 1 MiB (QD4014, exit 2), without parsing it (before: a 30 MB comment took 22 s and 1.3 GB, and passed)', async () => {
    const repo = await cloneRepo(base);
    const huge = `author: 某人\ndate: 2026-03-01\ntarget: icv\ntext: "${'意'.repeat(400_000)}"\n`; // 1.2 MB of UTF-8
    repo.write(`${P}/comments/c-099.yaml`, huge);
    repo.commit('zhou', 'an oversized comment');
    const r = await repo.run(['governance', 'check', '--json']);
    const errors = (JSON.parse(r.stdout) as { diagnostics: (Found & { severity: string })[] }).diagnostics.filter((d) => d.severity === 'error');
    // The one error: the history's reading of the commit that added it does not parse it either.
    expect([r.code, errors.map((d) => [d.code, d.id, d.args.path, d.args.limit])]).toEqual([2, [['QD4014', 'source-too-large', `${P}/comments/c-099.yaml`, 1024 * 1024]]]);
  });
});

describe('governance red team', () => {
  it('the untouched fixture passes', async () => {
    expect(await codes(base)).toEqual([]);
  });

  it('QD5015: a sign-off committed by someone other than the person it names', async () => {
    const repo = await cloneRepo(base);
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-01']);
    repo.commit('li', 'forge the legal expert\u2019s sign-off');
    const found = await codes(repo);
    // Li's commit is signed, but by Li's key, not Feng's: QD5016 too.
    expect(found.map((d) => d.code)).toEqual(['QD5015', 'QD5016']);
    expect(found[0]!.args).toEqual({ person: 'p-feng', actual: 'Li Drafter <li@example.org>', commit: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(found[0]!.file).toBe(`${P}/signoffs/review--expert-legal--p-feng.yaml`);
  });

  it('QD5016: a sign-off of a person with a registered key, committed without their signature', async () => {
    const repo = await cloneRepo(base);
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-03']);
    repo.commit('ma', 'committee approval, unsigned', { sign: false });
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5016']);
    expect(found[0]!.id).toBe('signoff-unsigned');
    expect(found[0]!.args).toMatchObject({ commit: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });

  it('QD5014: self-approval (the CLI refuses it; a hand-written file is caught)', async () => {
    const repo = await cloneRepo(base);
    const refused = await repo.run(['proposal', 'sign', ID, '--stage', 'review', '--role', 'drafter', '--person', 'p-li']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(diagnosticLine('cli-self-signoff', { person: 'p-li', id: ID }));
    repo.write(`${P}/signoffs/scenario-analysis--drafter--p-li.yaml`, signoff(repo, 'scenario-analysis', 'drafter', 'p-li'));
    repo.commit('li', 'sign my own scenario analysis');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5014']);
    expect(found[0]!.args).toEqual({ person: 'p-li', id: ID });
  });

  it('QD5010: a skipped stage', async () => {
    const repo = await cloneRepo(base);
    const text = repo.read(`${P}/proposal.yaml`).replace(/^  - \{ stage: important-data-identification.*\n/m, '');
    repo.write(`${P}/proposal.yaml`, text);
    repo.commit('li', 'skip identification');
    const found = await codes(repo);
    // The history only grows, so removing an entry is also a rewritten record (QD5036).
    expect(new Set(found.map((d) => d.code))).toEqual(new Set(['QD5010', 'QD5036']));
    const skipped = found.find((d) => d.code === 'QD5010')!;
    expect([skipped.id, skipped.args]).toEqual(['stage-skipped', { id: ID, from: 'survey', to: 'scenario-analysis', skipped: ['important-data-identification'] }]);
    expect(skipped.line).toBeGreaterThan(1);
  });

  it('QD5021: approval with an open concern', async () => {
    const repo = await cloneRepo(base);
    await signReviewAndApproval(repo);
    await ok(repo, ['proposal', 'comment', ID, '--concern', '--person', 'p-feng', '--target', 'icv.owner-pi', '--text', '门槛过低', '--date', '2026-03-02']);
    repo.commit('feng', 'raise a concern');
    // The CLI refuses to approve …
    const refused = await repo.run(['proposal', 'advance', ID, '--date', '2026-03-05']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('QD5021');
    // … and approving by hand is caught.
    approveByHand(repo);
    repo.clock = '2026-03-05';
    repo.commit('li', 'approve despite the concern');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5021']);
    expect(found[0]!.args).toEqual({ id: ID, stage: 'approved', concern: 'k-001' });
  });

  it('a new concern sends an approved proposal back to review; only its raiser resolves it (QD5022)', async () => {
    const repo = await cloneRepo(base);
    await signReviewAndApproval(repo);
    await ok(repo, ['proposal', 'advance', ID, '--date', '2026-03-05']);
    repo.commit('li', 'approved');
    await ok(repo, ['proposal', 'comment', ID, '--concern', '--person', 'p-deng', '--target', 'icv.exterior-video', '--text', '脱敏要求不足', '--date', '2026-03-06']);
    repo.commit('deng', 'concern after approval');
    expect(repo.read(`${P}/proposal.yaml`)).toMatch(/stage: review\n/);
    expect(repo.read('policy/lists/icv.qd')).toMatch(/^\s*status consultation$/m);
    expect(await codes(repo)).toEqual([]);
    const refused = await repo.run(['proposal', 'resolve', ID, 'k-001', '--by', 'p-li', '--note', 'done']);
    expect(refused.code).toBe(2);
    repo.write(`${P}/concerns/k-001.yaml`, `${repo.read(`${P}/concerns/k-001.yaml`)}resolution: { by: p-deng, date: 2026-03-06, note: 已补充 }\n`);
    repo.commit('li', 'resolve someone else\u2019s concern');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5022']);
    expect([found[0]!.id, found[0]!.args]).toEqual(['concern-resolved-by-key', { concern: 'k-001', raiser: 'p-deng', signer: 'li@example.org' }]);
  });

  it('QD5005: a sign-off by an unknown person', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/signoffs/review--expert-legal--p-nobody.yaml`, signoff(repo, 'review', 'expert-legal', 'p-nobody'));
    repo.commit('li', 'an outsider signs');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5005']);
    expect(found[0]!.args).toEqual({ person: "'p-nobody'" });
    expect(found[0]!).toMatchObject({ file: `${P}/signoffs/review--expert-legal--p-nobody.yaml`, line: 4 });
  });

  it('QD5013: a sign-off in a role the person does not hold', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/signoffs/review--expert-legal--p-zheng.yaml`, signoff(repo, 'review', 'expert-legal', 'p-zheng'));
    repo.commit('zheng', 'sign as legal expert');
    expect((await codes(repo)).map((d) => d.code)).toEqual(['QD5013']);
  });

  it('QD5023: a list status that disagrees with its proposal', async () => {
    const repo = await cloneRepo(base);
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+)consultation/m, '$1in-force'));
    // Not seen until committed: the check reads the commit, never the working tree.
    expect(await codes(repo)).toEqual([]);
    repo.commit('li', 'put the list in force');
    const found = (await codes(repo)).filter((d) => d.code === 'QD5023');
    expect(found).toHaveLength(1);
    expect(found[0]!.args).toEqual({ list: 'icv', status: 'in-force', id: ID, stage: 'review', expected: 'consultation' });
    expect(found[0]!.file).toBe('policy/lists/icv.qd');
  });

  it('QD5026: a change to a list whose proposal is past review', async () => {
    const repo = await cloneRepo(base);
    await signReviewAndApproval(repo);
    await ok(repo, ['proposal', 'advance', ID, '--date', '2026-03-05']);
    repo.commit('li', 'approved');
    // Bookkeeping stays allowed: unlinking and relinking the proposal changes no policy.
    const linked = repo.read('policy/lists/icv.qd');
    repo.write('policy/lists/icv.qd', linked.replace(/^\s*proposal\s+"[^"]+"\n/m, ''));
    repo.commit('li', 'unlink the proposal');
    repo.write('policy/lists/icv.qd', linked);
    repo.commit('li', 'relink the proposal');
    expect(await codes(repo)).toEqual([]);
    repo.write('policy/lists/icv.qd', linked.replace('用户调研与体验测试数据', '用户调研数据'));
    repo.commit('li', 'edit an approved list');
    const found = await codes(repo);
    // The edit is refused, and every sign-off that covered the list no longer counts.
    expect(new Set(found.map((d) => d.code))).toEqual(new Set(['QD5026', 'QD5032']));
    expect(found.find((d) => d.code === 'QD5026')).toMatchObject({ id: 'change-at-frozen-stage', args: { file: 'policy/lists/icv.qd', proposal: '2026-0001-icv', stage: 'approved' } });
    expect(found.filter((d) => d.code === 'QD5032')).toHaveLength(6);
  });

  it('QD5004: a proposal id that changes after it was first committed', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/proposal.yaml`, repo.read(`${P}/proposal.yaml`).replace(`id: ${ID}`, 'id: 2026-0009-icv'));
    repo.commit('li', 'renumber the proposal');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toContain('QD5004');
    expect(found.find((d) => d.code === 'QD5004')!.args).toEqual({ was: `'${ID}'`, id: "'2026-0009-icv'" });
  });

  it('QD5029: a stage passed without its record (the survey)', async () => {
    const repo = await cloneRepo(base);
    repo.git(['rm', '-q', `${P}/survey.yaml`]);
    repo.commit('li', 'lose the survey');
    const found = await codes(repo);
    // The survey's sign-off covered the survey, which has changed (to nothing): QD5032 too.
    expect(found.map((d) => d.code).sort()).toEqual(['QD5029', 'QD5032']);
    expect(found.find((d) => d.code === 'QD5029')!.args).toEqual({ id: ID, stage: 'survey', file: 'survey.yaml' });
  });

  it('QD5028: a list that names a proposal which does not list it', async () => {
    const repo = await cloneRepo(base);
    repo.write('policy/lists/ai-training.qd', repo.read('policy/lists/ai-training.qd').replace(/^(\s*status\s+draft\n)/m, `$1  proposal "${ID}"\n`));
    repo.commit('li', 'claim the ai-training list for the icv proposal');
    const found = (await codes(repo)).filter((d) => d.code === 'QD5028');
    expect(found.map((d) => [d.id, d.args])).toEqual([['list-not-in-proposal', { id: ID, list: 'ai-training' }]]);
  });

  it('QD5027: the provincial committee signing the approval before the coordination mechanism', async () => {
    const repo = await cloneRepo(base);
    await signApprovalOutOfOrder(repo);
    const found = (await codes(repo)).filter((d) => d.code === 'QD5027');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.args).toEqual({ stage: 'approved', later: 'provincial-committee', earlier: 'coordination-mechanism' });
  });

  it('QD5041: the measures change only under a baseline proposal named by the commit\u2019s trailer, never a list proposal', async () => {
    const edit = (repo: Repo) => repo.write('policy/measures.qd', repo.read('policy/measures.qd').replace('试行期两年', '试行期三年'));
    const without = await cloneRepo(base);
    edit(without);
    without.commit('li', 'reword the trial period');
    expect((await codes(without)).map((d) => d.code)).toEqual(['QD5041']);
    const underList = await cloneRepo(base);
    edit(underList);
    underList.commit('li', `reword the trial period\n\nProposal: ${ID}`);
    expect((await codes(underList)).map((d) => d.code)).toEqual(['QD5041']);
    const underBaseline = await cloneRepo(base);
    const created = await ok(underBaseline, ['proposal', 'new', 'measures-trial', '--kind', 'baseline', '--title', '试行期修订', '--author', 'p-li', '--date', underBaseline.clock]);
    const baselineId = /(2026-\d{4}-measures-trial)/.exec(created)![1]!;
    underBaseline.commit('li', 'Open a baseline proposal');
    edit(underBaseline);
    underBaseline.commit('li', `reword the trial period\n\nProposal: ${baselineId}`);
    expect(await codes(underBaseline)).toEqual([]);
  });

  it('a merge that keeps what one parent says, in the other parent\u2019s layout, is no change of its own', async () => {
    const repo = await cloneRepo(base);
    const created = await ok(repo, ['proposal', 'new', 'measures-trial', '--kind', 'baseline', '--title', '试行期修订', '--author', 'p-li', '--date', repo.clock]);
    const baselineId = /(2026-\d{4}-measures-trial)/.exec(created)![1]!;
    repo.commit('li', 'Open a baseline proposal');
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('policy/measures.qd', repo.read('policy/measures.qd').replace('试行期两年', '试行期三年'));
    repo.commit('li', `reword the trial period\n\nProposal: ${baselineId}`);
    repo.git(['checkout', '-q', 'main']);
    // Layout only (a comment), so it needs no proposal; the merge then carries the side's words.
    repo.write('policy/measures.qd', `// 排版调整\n${repo.read('policy/measures.qd')}`);
    repo.commit('li', 'a comment at the top of the measures');
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', 'side']);
    repo.commit('li', 'Merge branch side');
    expect(await codes(repo)).toEqual([]);
    // An edit of its own in the same merge is still caught.
    const evil = await cloneRepo(repo);
    evil.git(['reset', '-q', '--hard', 'HEAD~1']);
    evil.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', 'side']);
    evil.write('policy/measures.qd', evil.read('policy/measures.qd').replace('试行期三年', '试行期四年'));
    evil.commit('li', 'Merge branch side');
    expect((await codes(evil)).map((d) => d.code)).toEqual(['QD5041']);
    // Whatever the checker's git config says of merges: with log.diffMerges=first-parent, git
    // log -m listed the merge against its first parent only, and its own edit went unseen.
    evil.git(['config', 'log.diffMerges', 'first-parent']);
    expect((await codes(evil)).map((d) => d.code)).toEqual(['QD5041']);
  });

  it('--base leaves out policy changes before it, and an unknown base is a usage error', async () => {
    const repo = await cloneRepo(base);
    repo.write('policy/measures.qd', repo.read('policy/measures.qd').replace('本办法自发布之日起施行，试行期两年。', '本办法自发布之日起施行，试行期三年。'));
    repo.commit('li', 'reword article 31 without a trailer');
    repo.write('NOTES.md', 'a later change outside policy/\n');
    repo.commit('li', 'a later commit');
    expect((await codes(repo)).map((d) => d.code)).toEqual(['QD5041']);
    const since = await repo.run(['governance', 'check', '--json', '--base', 'HEAD~1']);
    expect((JSON.parse(since.stdout) as { diagnostics: { severity: string }[] }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const unknown = await repo.run(['governance', 'check', '--base', 'no-such-revision']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown git revision 'no-such-revision'");
  });

  it('QD5018: a sign-off file not named <stage>--<role>--<person>.yaml', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/signoffs/feng.yaml`, signoff(repo, 'review', 'expert-legal', 'p-feng'));
    repo.commit('feng', 'sign, under my own file name');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5018']);
    expect(found[0]!.args).toEqual({ expected: 'review--expert-legal--p-feng.yaml' });
  });

  it('QD5006: a sign-off in a role the roster does not define', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/signoffs/review--expert-economics--p-feng.yaml`, signoff(repo, 'review', 'expert-economics', 'p-feng'));
    repo.commit('feng', 'sign in a role nobody defined');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toContain('QD5006');
    expect(found.find((d) => d.code === 'QD5006')!.args).toEqual({ role: "'expert-economics'" });
  });

  it('QD5007: a proposal touching a list the policy does not declare', async () => {
    const repo = await cloneRepo(base);
    const meta = repo.read(`${P}/proposal.yaml`);
    expect(meta).toContain('lists:\n  - icv\n');
    repo.write(`${P}/proposal.yaml`, meta.replace('lists:\n  - icv\n', 'lists:\n  - icv\n  - no-such-list\n'));
    repo.commit('li', 'touch a list that does not exist');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toEqual(['QD5007']);
    expect(found[0]!.args).toEqual({ id: ID, list: "'no-such-list'" });
  });

  it('QD5008: a list naming a proposal that does not exist', async () => {
    const repo = await cloneRepo(base);
    repo.write('policy/lists/ai-training.qd', repo.read('policy/lists/ai-training.qd').replace(/^(\s*status\s+draft\n)/m, '$1  proposal "2026-0099-nothing"\n'));
    repo.commit('li', 'name a proposal nobody wrote');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toContain('QD5008');
    expect(found.find((d) => d.code === 'QD5008')).toMatchObject({ id: 'list-names-unknown-proposal', args: { list: 'ai-training', ref: "'2026-0099-nothing'" } });
  });

  it('QD5009: the same person twice in the roster', async () => {
    const repo = await cloneRepo(base);
    const roster = repo.read('policy/governance/roster.yaml');
    repo.write('policy/governance/roster.yaml', roster.replace(/^(\s+- \{ id: p-feng, [^\n]*\n)/m, '$1$1'));
    repo.commit('admin', 'list Feng twice');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toContain('QD5009');
    expect(found.find((d) => d.code === 'QD5009')!.args).toMatchObject({ value: 'p-feng' });
  });

  it('QD5009: one signing key held by two people (it verified as whichever came first, so one could sign as the other)', async () => {
    const repo = await cloneRepo(base);
    const roster = repo.read('policy/governance/roster.yaml');
    const fengKey = /id: p-feng, [^\n]*key: "([^"]+)"/.exec(roster)![1]!;
    repo.write('policy/governance/roster.yaml', roster.replace(/(id: p-ma, [^\n]*key: ")[^"]+"/, `$1${fengKey} another comment"`));
    repo.commit('admin', 'give Ma the key of Feng');
    const found = (await codes(repo)).filter((d) => d.code === 'QD5009');
    expect(found).toMatchObject([{ id: 'roster-duplicate', args: { what: 'key', value: `…${fengKey.split(' ')[1]!.slice(-16)}` } }]);
  });

  it('QD5011: a stage that disagrees with the history', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/proposal.yaml`, repo.read(`${P}/proposal.yaml`).replace(/^stage: review$/m, 'stage: scenario-analysis'));
    repo.commit('li', 'claim an earlier stage than the history shows');
    const found = await codes(repo);
    expect(found.map((d) => d.code)).toContain('QD5011');
  });

  it('QD5002/QD5001: malformed metadata is located, coded and framed like a .qd error', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/proposal.yaml`, repo.read(`${P}/proposal.yaml`).replace('stage: review\n', 'stage: reviewed\nowner: nobody\n'));
    repo.commit('li', 'malformed metadata');
    const r = await repo.run(['governance', 'check']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[QD5002]');
    expect(r.stderr).toMatch(new RegExp(`--> ${P}/proposal.yaml:\\d+:8`));
    expect(r.stderr).toMatch(/\| stage: reviewed\n\s+\| {8}\^{8}/);
    const schema = (await codes(repo)).filter((d) => d.code === 'QD5002');
    const stage = schema.find((d) => d.id === 'schema-enum');
    expect(stage?.args).toMatchObject({ file: 'proposal', pointer: '/stage' });
    expect((stage?.args as { allowed: string[] }).allowed.slice(0, 2)).toEqual(['draft', 'survey']);
    expect(schema.find((d) => d.id === 'schema-unknown-property')?.args).toEqual({ file: 'proposal', pointer: '/', property: "'owner'" });
    repo.write(`${P}/proposal.yaml`, 'id: [unclosed\n');
    repo.commit('li', 'unparsable metadata');
    const syntax = (await codes(repo)).filter((d) => d.code === 'QD5001');
    expect(syntax.length).toBeGreaterThan(0);
    expect(syntax.every((d) => d.id === 'governance-yaml-syntax' && typeof (d.args as { problem: string }).problem === 'string')).toBe(true);
  });

  it('QD5003: an id that does not match its folder', async () => {
    const repo = await cloneRepo(base);
    repo.write(`${P}/proposal.yaml`, repo.read(`${P}/proposal.yaml`).replace(`id: ${ID}`, 'id: 2026-0002-icv'));
    repo.commit('li', 'misnumber the proposal');
    expect((await codes(repo)).map((d) => d.code)).toContain('QD5003');
  });
});

describe('qingdan governance codeowners', () => {
  it('the committed .github/CODEOWNERS is what the roster generates', async () => {
    const { runIn } = await import('./governance/fixture.js');
    const r = await runIn(ROOT, ['governance', 'codeowners', '--check']);
    expect(r.stderr).toContain('is up to date');
    expect(r.code).toBe(0);
  });
  it('owns each list by the reviewers of its sector', async () => {
    const repo = await cloneRepo(base);
    await ok(repo, ['governance', 'codeowners']);
    const text = repo.read('.github/CODEOWNERS');
    expect(text).toMatch(/^\/policy\/lists\/icv\.qd .*chen@example\.org/m);
    expect(text).not.toMatch(/^\/policy\/lists\/ai-training\.qd .*chen@example\.org/m);
    expect(text).toMatch(/^\/policy\/governance\/ wang@example\.org/m);
  });
});
