import { ID, mergeKeeping, mergeTaking, ok, signReviewAndApproval, type Repo } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * The icv list is taken through approval, filing and into force; a branch forked while it was
 * at review rewords the in-force text (editable there) under a trailer naming no proposal, and
 * a merge takes the side's file. The side commit was judged where the list was editable, and the
 * stale sign-offs were forgiven as "another proposal's change after this one settled": the
 * walk listed the side commit after the entry into force, and the made-up trailer counted as
 * another proposal. With `sideFirst` (the side merges main, main fast-forwards, no trailer) the
 * walk listed it before the sign-offs, and it was ignored (red team, session 13, rounds 2 and 3).
 * Nothing of main is dropped — git merges the two cleanly to the side's text — so the sign-offs
 * are what catch it: "after" is by ancestry now, and the other proposal must exist (QD5032).
 * `merge` makes the merge on main (octopus-takes-side-list.ts makes it an octopus).
 */
export async function listFromSide(repo: Repo, sideFirst: boolean, merge: (repo: Repo) => void = (r) => mergeTaking(r, ['side'], ['policy/lists/icv.qd'])): Promise<void> {
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
    merge(repo);
  }
}

export const attack: Attack = {
  title: 'a list in force reworded on a side forked at review, merged in under a made-up trailer',
  from: 'review',
  catches: ['QD5032'],
  apply: (repo) => listFromSide(repo, false),
};
