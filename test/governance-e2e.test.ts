/**
 * End to end: a temporary git repository with eleven identities walks one proposal from draft
 * to in force through the CLI, each step committed by the person who takes it (the committee
 * member's sign-off signed with SSH), and `governance check` passes after every step.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../cli/messages.js';
import { render } from '../compiler/diagnostics.js';
import { createRepo, ID, ok, P, walkToReview, type Repo } from './governance/fixture.js';

async function checkPasses(repo: Repo): Promise<void> {
  const r = await repo.run(['governance', 'check', '--json']);
  const verdict = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; message: string }[] };
  expect(verdict.diagnostics.filter((d) => d.code.startsWith('QD5') && d.code !== 'QD5024'), r.stderr).toEqual([]);
  expect(r.code).toBe(0);
}

describe('governance end to end', () => {
  it('walks a proposal from draft to in force, checked at every step', async () => {
    const repo = await createRepo();
    await checkPasses(repo);
    await walkToReview(repo);
    await checkPasses(repo);
    expect(repo.read('policy/lists/icv.qd')).toMatch(/^\s*status consultation$/m);

    // Consultation: a comment, its disposition; the experts and the commerce department sign.
    await ok(repo, ['proposal', 'comment', ID, '--author', '某企业', '--target', 'icv.owner-pi', '--text', '建议明确量级计算口径', '--date', '2026-02-15']);
    repo.commit('li', 'Record a comment');
    await checkPasses(repo);
    // Not yet: the window, the sign-offs and the disposition are missing.
    const early = await repo.run(['proposal', 'advance', ID, '--date', '2026-02-20']);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('QD5019');
    expect(early.stderr).toContain('QD5012');
    expect(early.stderr).toContain('QD5020');
    await ok(repo, ['proposal', 'resolve', ID, 'c-001', '--decision', 'partly', '--reason', '在说明中补充', '--by', 'p-li', '--date', '2026-02-25']);
    repo.commit('li', 'Dispose of comment 001');
    for (const [who, person, role] of [['zheng', 'p-zheng', 'expert-industry'], ['feng', 'p-feng', 'expert-legal'], ['deng', 'p-deng', 'expert-data-security'], ['chen', 'p-chen', 'provincial-commerce']] as const) {
      await ok(repo, ['proposal', 'sign', ID, '--stage', 'review', '--role', role, '--person', person, '--date', '2026-03-01']);
      repo.commit(who, `Sign off the review as ${role}`);
      await checkPasses(repo);
    }
    // Approval: the coordination mechanism, then the committee (whose commit is SSH-signed).
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-02']);
    repo.commit('xu', 'Coordination mechanism review');
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-03']);
    repo.commit('ma', 'Provincial committee approval');
    await checkPasses(repo);
    await ok(repo, ['proposal', 'advance', ID, '--date', '2026-03-05']);
    expect(repo.read('policy/lists/icv.qd')).toMatch(/^\s*status approved$/m);
    repo.commit('li', 'Approved');
    await checkPasses(repo);

    // Filing with the national authorities, then in force.
    expect((await repo.run(['proposal', 'advance', ID, '--date', '2026-03-21'])).stderr).toContain('QD5012');
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'filed', '--role', 'provincial-cac', '--person', 'p-wang', '--date', '2026-03-20']);
    repo.commit('wang', 'File (CAC)');
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'filed', '--role', 'provincial-data-bureau', '--person', 'p-huang', '--date', '2026-03-20']);
    repo.commit('huang', 'File (data bureau)');
    expect((await repo.run(['proposal', 'advance', ID, '--date', '2026-03-21'])).stderr).toContain('QD5025');
    await ok(repo, ['proposal', 'advance', ID, '--date', '2026-03-21', '--receipt', '国家备案回执（示例）2026-001']);
    repo.commit('li', 'Filed');
    await checkPasses(repo);
    await ok(repo, ['proposal', 'advance', ID, '--date', '2026-04-01']);
    expect(repo.read('policy/lists/icv.qd')).toMatch(/^\s*status in-force$/m);
    repo.commit('li', 'In force');
    await checkPasses(repo);

    const status = JSON.parse((await repo.run(['proposal', 'status', ID, '--json'])).stdout) as { stage: string; signed: string[] };
    expect(status.stage).toBe('in-force');
    expect(status.signed).toHaveLength(11);
    expect(repo.read(`${P}/proposal.yaml`)).toContain('receipt: 国家备案回执（示例）2026-001');
    // And as a user runs it, in a child process.
    const spawned = repo.spawn(['governance', 'check']);
    // The catalogued line, its commits any 12 hex digits.
    const clean = render(MESSAGES['governance-clean-since-anchor'], { count: 1, head: 'HEAD', anchor: 'ANCHOR' }, 'en');
    expect(spawned.stderr).toMatch(new RegExp(clean.replace(/[()]/g, '\\$&').replace(/HEAD|ANCHOR/g, '[0-9a-f]{12}')));
    expect(spawned.code).toBe(0);
  });
});
