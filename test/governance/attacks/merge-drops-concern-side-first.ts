import { ID, ok, P } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * merge-drops-concern.ts with the side merged first and a YAML comment added to what it takes:
 * the merge's concern and proposal.yaml were then no parent's bytes, so nothing was dropped,
 * and against the first parent (the side) the comment changed nothing a rule minds. Main's
 * open concern was replaced by the side's resolved one, and both checks passed (red team,
 * session 13, round 3). Records are now told apart by their YAML value.
 */
export const attack: Attack = {
  title: 'a concern dropped by a merge from the side, a YAML comment added',
  from: 'approved',
  catches: ['QD5052'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    repo.git(['branch', 'side']);
    await ok(repo, ['proposal', 'comment', ID, '--target', 'icv', '--text', '出境接收方未评估', '--person', 'p-zheng', '--concern', '--date', '2026-03-06']);
    repo.commit('zheng', 'a concern: back to review');
    repo.git(['branch', 'pr-base']);
    repo.git(['checkout', '-q', 'side']);
    repo.write(`${P}/concerns/k-001.yaml`, 'raisedBy: p-li\ndate: 2026-03-06\ntarget: icv\ntext: 小问题\nresolution: { by: p-li, date: 2026-03-06, note: 已处理 }\n');
    repo.write(`${P}/proposal.yaml`, repo.read(`${P}/proposal.yaml`).replace(/^title: .*$/m, 'title: 智能网联汽车清单（定稿）'));
    repo.commit('li', 'tidy');
    // Main's proposal.yaml (its return to review) and list, the side's concern; a comment on both records.
    repo.git(['-c', 'user.name=Li Drafter', '-c', 'user.email=li@example.org', 'merge', '-q', '--no-ff', '--no-commit', '-s', 'ours', 'main']);
    repo.git(['checkout', 'main', '--', `${P}/proposal.yaml`, 'policy/lists/icv.qd']);
    for (const f of [`${P}/concerns/k-001.yaml`, `${P}/proposal.yaml`]) repo.write(f, `${repo.read(f)}# merged\n`);
    repo.commit('li', 'Merge main', { sign: false });
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--ff-only', 'side']);
  },
};
