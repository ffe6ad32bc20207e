import { ID, mergeTaking, ok, P } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * Zheng's concern sends the approved proposal back to review. A branch forked at approval writes
 * its own, resolved concern under the same name, a new title and a comment in the list (each
 * allowed there), and a merge takes all three: the concern and the return to review were gone,
 * and both checks passed — the side's commits were checked where the concern did not exist
 * (red team, session 13, round 2).
 */
export const attack: Attack = {
  title: 'a concern and its return to review dropped by a merge of a side that wrote its own',
  from: 'approved',
  catches: ['QD5052', 'QD5036'],
  check: () => ['--base', 'pr-base'],
  async apply(repo) {
    repo.git(['branch', 'side']);
    await ok(repo, ['proposal', 'comment', ID, '--target', 'icv', '--text', '出境接收方未评估', '--person', 'p-zheng', '--concern', '--date', '2026-03-06']);
    repo.commit('zheng', 'a concern: back to review');
    repo.git(['branch', 'pr-base']);
    repo.git(['checkout', '-q', 'side']);
    repo.write(`${P}/concerns/k-001.yaml`, 'raisedBy: p-li\ndate: 2026-03-06\ntarget: icv\ntext: 小问题\nresolution: { by: p-li, date: 2026-03-06, note: 已处理 }\n');
    repo.write(`${P}/proposal.yaml`, repo.read(`${P}/proposal.yaml`).replace(/^title: .*$/m, 'title: 智能网联汽车清单（定稿）'));
    repo.write('policy/lists/icv.qd', `// 注释\n${repo.read('policy/lists/icv.qd')}`);
    repo.commit('li', 'tidy');
    repo.git(['checkout', '-q', 'main']);
    mergeTaking(repo, ['side'], [`${P}/concerns/k-001.yaml`, `${P}/proposal.yaml`, 'policy/lists/icv.qd']);
  },
};
