import { ID, mergeKeeping, mergeTaking, ok, signReviewAndApproval, type Repo } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * The icv list is taken through approval, filing and into force; a branch forked while it was
 * at review rewords it (editable there) under a trailer naming no proposal, and a merge takes
 * the side's file. The merge was charged with nothing, the side commit was judged where the list
 * was editable, and the stale sign-offs were forgiven as "another proposal's change after this
 * one settled": the list in force said what nobody approved (red team, session 13, round 2).
 * With `sideFirst`, the side merges main and main fast-forwards to it, and no trailer is given.
 */
export async function listFromSide(repo: Repo, sideFirst: boolean): Promise<void> {
  repo.git(['branch', 'side']);
  await signReviewAndApproval(repo);
  await ok(repo, ['proposal', 'advance', ID, '--date', '2026-03-05']);
  repo.commit('li', 'approved');
  for (const [who, person, role] of [['wang', 'p-wang', 'provincial-cac'], ['huang', 'p-huang', 'provincial-data-bureau']] as const) {
    await ok(repo, ['proposal', 'sign', ID, '--stage', 'filed', '--role', role, '--person', person, '--date', '2026-03-06']);
    repo.commit(who, `filed ${role}`);
  }
  await ok(repo, ['proposal', 'advance', ID, '--receipt', 'GD-2026-001', '--date', '2026-03-07']);
  repo.commit('li', 'filed');
  await ok(repo, ['proposal', 'advance', ID, '--date', '2026-03-08']);
  repo.commit('li', 'in force');
  const inForce = repo.read('policy/lists/icv.qd');
  repo.git(['checkout', '-q', 'side']);
  repo.write('policy/lists/icv.qd', inForce.replace('用户调研与体验测试数据', '用户调研数据'));
  repo.clock = '2026-03-09';
  repo.commit('li', sideFirst ? 'tidy wording' : 'tidy wording\n\nProposal: 2026-0099-other', { sign: false });
  if (sideFirst) {
    mergeKeeping(repo, 'side', 'main', ['policy/lists/icv.qd']);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--ff-only', 'side']);
  } else {
    repo.git(['checkout', '-q', 'main']);
    mergeTaking(repo, ['side'], ['policy/lists/icv.qd']);
  }
}

export const attack: Attack = {
  title: 'a list in force reworded on a side forked at review, merged in under a made-up trailer',
  from: 'review',
  catches: ['QD5052', 'QD5026'],
  apply: (repo) => listFromSide(repo, false),
};
