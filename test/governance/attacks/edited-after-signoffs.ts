import { parseDocument, type YAMLSeq } from 'yaml';
import { ID, P, signReviewAndApproval } from '../fixture.js';
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
    const doc = parseDocument(repo.read(`${P}/proposal.yaml`));
    doc.set('stage', 'approved');
    (doc.get('history') as YAMLSeq).add(doc.createNode({ stage: 'approved', date: '2026-03-05' }));
    repo.write(`${P}/proposal.yaml`, doc.toString());
    repo.write('policy/lists/icv.qd', repo.read('policy/lists/icv.qd').replace(/^(\s*status\s+)consultation/m, '$1approved'));
    repo.clock = '2026-03-05';
    repo.commit('li', 'approved');
  },
};
