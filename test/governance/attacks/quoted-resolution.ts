import { ID, ok, P } from '../fixture.js';
import type { Attack } from './attack.js';

/** Someone else's concern resolved through a quoted, flow-style `"resolution":` key. */
export const attack: Attack = {
  title: 'a concern resolved by someone else through a quoted key',
  from: 'review',
  catches: ['QD5022'],
  async apply(repo) {
    await ok(repo, ['proposal', 'comment', ID, '--concern', '--person', 'p-deng', '--target', 'icv.exterior-video', '--text', '脱敏要求不足', '--date', '2026-02-20']);
    repo.commit('deng', 'raise a concern');
    repo.write(`${P}/concerns/k-001.yaml`, `${repo.read(`${P}/concerns/k-001.yaml`)}"resolution": { "by": p-deng, "date": 2026-02-20, "note": 已补充 }\n`);
    repo.commit('li', 'resolve it on their behalf');
  },
};
