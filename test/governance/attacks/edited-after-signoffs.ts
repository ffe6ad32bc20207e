import { approveByHand, ID, signReviewAndApproval } from '../fixture.js';
import type { Attack } from './attack.js';

/** A list edited after every review and approval sign-off, then approved. */
export const attack: Attack = {
  title: 'a list edited after its sign-offs, then approved',
  from: 'review',
  catches: ['QD5032'],
  async apply(repo) {
    await signReviewAndApproval(repo);
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace('用户调研与体验测试数据', '用户调研数据'));
    repo.commit('li', 'a last edit after the sign-offs');
    // The CLI refuses to advance (the same engine as the check) …
    const refused = await repo.run(['proposal', 'advance', ID, '--date', '2026-03-05']);
    if (refused.code !== 1 || !refused.stderr.includes('QD5032')) throw new Error(`advance was not refused: ${refused.stderr}`);
    // … so approve by hand.
    approveByHand(repo);
    repo.clock = '2026-03-05';
    repo.commit('li', 'approved');
  },
};
