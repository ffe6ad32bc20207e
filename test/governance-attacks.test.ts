/**
 * The red team of issue 13 as a golden corpus: each file of test/governance/attacks/ is one
 * attack, applied to a fresh copy of a repository whose icv proposal is at review (or approved,
 * every sign-off real), and `governance check` must report the codes it names and fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Attack } from './governance/attacks/attack.js';
import { approvedGovernanceProposal, cloneRepo, enactByHand, enactProposedRoster, errorCodes, ID, ok, repoAtReview, runIn, signApprovalOutOfOrder, signedGovernanceProposal, signReviewAndApproval, type Repo } from './governance/fixture.js';
import { ROOT } from './support.js';

const DIR = join(ROOT, 'test/governance/attacks');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'attack.ts').sort();

let atReview: Repo;
let approved: Repo;
beforeAll(async () => {
  atReview = await repoAtReview();
  approved = await cloneRepo(atReview);
  await signReviewAndApproval(approved);
  await ok(approved, ['proposal', 'advance', ID, '--date', '2026-03-05']);
  approved.commit('li', 'approved');
});

/**
 * `proposal advance <id> --to in-force` refuses, with QD5053, to write an enactment over a roster
 * that moved since the approval, and writes nothing.
 */
async function refusedEnactment(repo: Repo, id: string): Promise<void> {
  const roster = repo.read('policy/governance/roster.yaml');
  const r = await repo.run(['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
  expect([r.code, `${r.stdout}${r.stderr}`.includes('QD5053')]).toEqual([1, true]);
  expect(repo.read('policy/governance/roster.yaml')).toBe(roster);
  expect(repo.git(['status', '--porcelain'])).toBe('');
}

describe('the red team corpus', () => {
  it('starts from repositories that pass', async () => {
    expect((await errorCodes(atReview)).codes).toEqual([]);
    expect((await errorCodes(approved)).codes).toEqual([]);
  });

  for (const file of files) {
    it(file.replace(/\.ts$/, ''), async () => {
      const { attack } = (await import(join(DIR, file))) as { attack: Attack };
      const repo = await cloneRepo(attack.from === 'review' ? atReview : approved);
      await attack.apply(repo);
      const { codes, exit } = await errorCodes(repo, attack.check?.(repo) ?? []);
      for (const code of attack.catches) expect(codes, `${attack.title}: ${codes.join(', ')}`).toContain(code);
      expect(exit).toBe(attack.catches.some((c) => c.startsWith('QD4')) ? 2 : 1);
    });
  }
});

describe('what the check reads does not depend on where it is run', () => {
  const codesIn = async (dir: string, extra: string[] = []) => {
    const r = await runIn(dir, ['governance', 'check', '--json', ...extra]);
    return { exit: r.code, codes: (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code) };
  };

  it('finds an unsigned change of the national rules from a subfolder too (from policy/lists it saw no roster and passed)', async () => {
    const repo = await cloneRepo(atReview);
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace('100万', '200万'));
    repo.commit('li', 'a national threshold changed, unsigned', { sign: false });
    const atTop = await codesIn(repo.dir);
    expect(atTop.codes).toContain('QD5041');
    expect(await codesIn(join(repo.dir, 'policy/lists'))).toEqual(atTop);
  });

  it('reads and writes the repository\u2019s files from a subfolder as from its top (codeowners said "out of date" and wrote policy/lists/.github)', async () => {
    const repo = await cloneRepo(atReview);
    await ok(repo, ['governance', 'codeowners']);
    const inSubfolder = await runIn(join(repo.dir, 'policy/lists'), ['governance', 'codeowners', '--check']);
    expect(inSubfolder.code).toBe(0);
    const status = await runIn(join(repo.dir, 'policy/lists'), ['proposal', 'status', ID, '--json']);
    expect([status.code, (JSON.parse(status.stdout) as { id: string }).id]).toEqual([0, ID]);
  });

  it('answers --json with JSON for a base that is not there, as for a head (it printed text)', async () => {
    const repo = await cloneRepo(atReview);
    expect(await codesIn(repo.dir, ['--base', 'no-such-revision'])).toEqual({ exit: 2, codes: ['QD4031'] });
  });

  it('refuses a base that is not an ancestor of the head (QD5046): swapped, they passed having checked nothing', async () => {
    const repo = await cloneRepo(atReview);
    const base = repo.git(['rev-parse', 'HEAD']).trim();
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace('100万', '200万'));
    repo.commit('li', 'a national threshold changed, unsigned', { sign: false });
    expect((await codesIn(repo.dir, ['--base', base])).codes).toContain('QD5041');
    expect(await codesIn(repo.dir, ['--base', 'HEAD', '--head', base])).toEqual({ exit: 1, codes: ['QD5046'] });
  });
});

describe('CI does not trust the pull request', () => {
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/governance.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown>; run?: string; if?: string }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

  it('runs on pull_request_target and on every push to main, from the base checkout', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request_target', 'push']);
    const checkouts = steps.filter((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]!.with!.ref).toBe('${{ github.event.pull_request.base.sha || github.sha }}');
  });

  it('reads the head as git objects only, checked with the base roster', () => {
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs.some((r) => r.includes('git fetch') && r.includes('refs/pull/'))).toBe(true);
    const prCheck = runs.find((r) => r.includes('--head refs/qingdan/head'));
    expect(prCheck).toContain('--base "${{ github.event.pull_request.base.sha }}"');
    // Nothing of the head is installed or run: installs come before the head is fetched.
    const fetchAt = runs.findIndex((r) => r.includes('git fetch'));
    expect(runs.slice(fetchAt).some((r) => /npm (ci|install)|npx /.test(r))).toBe(false);
  });

  it('the pull request workflow no longer gives the verdict', () => {
    const workflow = parse(readFileSync(join(ROOT, '.github/workflows/pull-request.yml'), 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
    expect(runs.filter((r) => r.includes('governance check'))).toEqual([]);
  });

  it('CODEOWNERS gives the trust roots to the governance owners, not the drafters', () => {
    const owners = readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8');
    for (const path of ['/policy/governance/', '/.github/', '/compiler/governance/', '/cli/', '/package.json']) {
      const line = owners.split('\n').find((l) => l.startsWith(`${path} `));
      expect(line, path).toBeDefined();
      expect(line).not.toContain('li.placeholder@example.org');
      expect(line).toContain('wang.placeholder@example.org');
    }
  });
});

describe('advance and check share one engine', () => {
  it('advance refuses an approval signed out of order (QD5027)', async () => {
    const repo = await cloneRepo(atReview);
    await signApprovalOutOfOrder(repo);
    const refused = await repo.run(['proposal', 'advance', ID, '--date', '2026-03-05']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('QD5027');
  });

  it('locates a refused advance at the proposal\u2019s stage, not at the first entry of its history (the entry it would add is not in the file)', async () => {
    const repo = await cloneRepo(atReview);
    const refused = await repo.run(['proposal', 'advance', ID, '--date', '2026-03-05']);
    expect(refused.code).toBe(1);
    const line = repo.read(`proposals/${ID}/proposal.yaml`).split('\n').findIndex((l) => l.startsWith('stage:')) + 1;
    expect(refused.stderr).toContain('QD5012');
    expect(refused.stderr).toContain(`--> proposals/${ID}/proposal.yaml:${line}:`);
  });

  it('outside a git repository, governance check is an I/O error (QD4030, exit 2)', async () => {
    const { tempDir } = await import('./support.js');
    const { runIn } = await import('./governance/fixture.js');
    const r = await runIn(await tempDir('qingdan-no-git-'), ['governance', 'check', '--json']);
    expect(r.code).toBe(2);
    const [d] = (JSON.parse(r.stdout) as { diagnostics: { code: string; id: string; args: object; message: string; detail?: { tool: string; text: string } }[] }).diagnostics;
    expect([d?.code, d?.id, d?.args]).toEqual(['QD4030', 'git-failed-revision', { revision: 'HEAD' }]);
    // git's own words ride along verbatim in `detail`, never inside the (translated) message.
    expect(d?.detail?.tool).toBe('git');
    expect(d?.detail?.text.length).toBeGreaterThan(0);
    expect(d?.message).not.toContain(d?.detail?.text.split('\n')[0]);
    const zh = await runIn(await tempDir('qingdan-no-git-'), ['--lang', 'zh', 'governance', 'check']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^错误\[QD4030\]：[^\n]*[\u4e00-\u9fff]/);
    expect(zh.stderr).toContain(`git 原文输出（未翻译）：\n      ${d?.detail?.text.split('\n')[0]}`);
  });
});

describe('a trust-root change is bound to its approval', () => {
  let governed: Repo;
  let id: string;
  beforeAll(async () => {
    governed = await cloneRepo(atReview);
    id = await approvedGovernanceProposal(governed);
  }, 120_000);

  it('passes a change signed by an approver, which enacts the proposal in the same commit', async () => {
    const repo = await cloneRepo(governed);
    // Advancing a governance proposal into force puts the roster it proposes in place.
    const output = await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    expect(repo.read('policy/governance/roster.yaml')).toBe(repo.read(`proposals/${id}/roster.yaml`));
    expect(output).toContain('policy/governance/roster.yaml');
    repo.commit('wang', `a longer review window\n\nProposal: ${id}`);
    expect((await errorCodes(repo)).codes).toEqual([]);
  });

  it('refuses a change committed by someone who does not approve governance proposals, or unsigned (QD5047: an approval let anyone change the roster)', async () => {
    for (const sign of [true, false]) {
      const repo = await cloneRepo(governed);
      await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
      repo.commit('li', `a longer review window\n\nProposal: ${id}`, { sign });
      expect((await errorCodes(repo)).codes).toEqual(['QD5047']);
    }
  });

  it('refuses a change that leaves the proposal approved (QD5048), and so a second change under one approval (QD5040)', async () => {
    const repo = await cloneRepo(governed);
    enactProposedRoster(repo, id);
    repo.commit('wang', `a longer review window\n\nProposal: ${id}`);
    expect((await errorCodes(repo)).codes).toEqual(['QD5048']);
    const once = await cloneRepo(governed);
    await ok(once, ['proposal', 'advance', id, '--to', 'in-force', '--date', once.clock]);
    once.commit('wang', `a longer review window\n\nProposal: ${id}`);
    once.write('policy/governance/roster.yaml', once.read('policy/governance/roster.yaml').replace('reviewWindowDays: 16', 'reviewWindowDays: 1'));
    once.commit('wang', `and a shorter one\n\nProposal: ${id}`);
    expect((await errorCodes(once)).codes).toEqual(['QD5040']);
  });

  it('refuses a roster other than the one the proposal proposes and was approved with (QD5050: the approver who enacted it chose the roster)', async () => {
    const repo = await cloneRepo(governed);
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.write('policy/governance/roster.yaml', repo.read('policy/governance/roster.yaml').replace('reviewWindowDays: 16', 'reviewWindowDays: 1'));
    repo.commit('wang', `a shorter review window\n\nProposal: ${id}`);
    expect((await errorCodes(repo)).codes).toEqual(['QD5050']);
    // Another file among the trust roots is no part of the roster approved either.
    const extra = await cloneRepo(governed);
    extra.write('policy/governance/keys.yaml', 'keys: []\n');
    await ok(extra, ['proposal', 'advance', id, '--to', 'in-force', '--date', extra.clock]);
    extra.commit('wang', `a longer review window\n\nProposal: ${id}`);
    expect((await errorCodes(extra)).codes).toEqual(['QD5050']);
  });

  it('refuses under one approved proposal the roster another approved proposal proposes (QD5050)', async () => {
    const repo = await cloneRepo(governed);
    const other = await approvedGovernanceProposal(repo, 'short-window', (roster) => roster.replace('reviewWindowDays: 15', 'reviewWindowDays: 20'));
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.write('policy/governance/roster.yaml', repo.read(`proposals/${other}/roster.yaml`));
    repo.commit('wang', `the other proposal's roster\n\nProposal: ${id}`);
    expect((await errorCodes(repo)).codes).toEqual(['QD5050']);
  });

  it('refuses to enact a roster approved against one that has changed since (QD5053): it would undo that change', async () => {
    const repo = await cloneRepo(governed);
    // Approved against the same roster as `id`, changing another part of it.
    const rename = (roster: string) => roster.replace('档案登记员', '档案管理员');
    const other = await approvedGovernanceProposal(repo, 'registrar', rename);
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.commit('wang', `a longer review window\n\nProposal: ${id}`);
    expect((await errorCodes(repo)).codes).toEqual([]);
    // `proposal advance` refuses to enact it; enacted by hand as approved, the second
    // proposal's roster takes the longer window back to 15 days.
    await refusedEnactment(repo, other);
    enactByHand(repo, other);
    expect(repo.read('policy/governance/roster.yaml')).toMatch(/reviewWindowDays: 15[^]*档案管理员/);
    repo.commit('wang', `rename the registrar\n\nProposal: ${other}`);
    const r = await repo.run(['governance', 'check', '--json']);
    const found = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; args: Record<string, string> }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(found.map((d) => [d.code, d.args.proposal])).toEqual([['QD5053', other]]);
    // Enacted in the other order, the same: the first enacted changes the roster the second was approved against.
    const reversed = await cloneRepo(governed);
    const again = await approvedGovernanceProposal(reversed, 'registrar', rename);
    await ok(reversed, ['proposal', 'advance', again, '--to', 'in-force', '--date', reversed.clock]);
    reversed.commit('wang', `rename the registrar\n\nProposal: ${again}`);
    expect((await errorCodes(reversed)).codes).toEqual([]);
    // Under --base the approval is before the range, and found in the history before it.
    expect((await errorCodes(reversed, ['--base', 'HEAD~1'])).codes).toEqual([]);
    await refusedEnactment(reversed, id);
    enactByHand(reversed, id);
    reversed.commit('wang', `a longer review window\n\nProposal: ${id}`);
    expect((await errorCodes(reversed)).codes).toEqual(['QD5053']);
  });

  it('refuses to enact a roster whose approvers signed against one that changed before the approval was recorded (QD5053)', async () => {
    const repo = await cloneRepo(governed);
    const rename = (roster: string) => roster.replace('档案登记员', '档案管理员');
    // Both approvers sign the rename against the roster in force; then the longer window is
    // enacted; only then is the rename's approval recorded, and the rename enacted over it.
    const { id: other, approvedOn } = await signedGovernanceProposal(repo, 'registrar', rename);
    await ok(repo, ['proposal', 'advance', id, '--to', 'in-force', '--date', repo.clock]);
    repo.commit('wang', `a longer review window\n\nProposal: ${id}`);
    await ok(repo, ['proposal', 'advance', other, '--date', approvedOn]);
    repo.commit('li', 'Approved');
    expect((await errorCodes(repo)).codes).toEqual([]);
    await refusedEnactment(repo, other);
    // The approvers never saw the longer window, and the rename enacted takes it back to 15 days.
    enactByHand(repo, other);
    expect(repo.read('policy/governance/roster.yaml')).toMatch(/reviewWindowDays: 15[^]*档案管理员/);
    repo.commit('wang', `rename the registrar\n\nProposal: ${other}`);
    expect((await errorCodes(repo)).codes).toEqual(['QD5053']);
  });

  it('refuses a change of the proposed roster once approved (QD5051), whose approval then binds nothing (QD5032), and the roster as changed', async () => {
    const repo = await cloneRepo(governed);
    repo.write(`proposals/${id}/roster.yaml`, repo.read(`proposals/${id}/roster.yaml`).replace('reviewWindowDays: 16', 'reviewWindowDays: 1'));
    repo.commit('li', 'a shorter window after all');
    const edited = await errorCodes(repo);
    expect(edited.codes).toContain('QD5051');
    expect(edited.codes).toContain('QD5032');
    // Enacted in the next commit (advanced by hand: `proposal advance` refuses) and rewound
    // after, the approval's digest matches again: the edit is still refused.
    enactByHand(repo, id);
    repo.commit('wang', `a shorter review window\n\nProposal: ${id}`);
    repo.write(`proposals/${id}/roster.yaml`, governed.read(`proposals/${id}/roster.yaml`));
    repo.commit('li', 'put the proposal back as approved');
    expect((await errorCodes(repo)).codes).toContain('QD5051');
  });
});
