import { P } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * Records that do not match the list: a comment on an item the list does not have, the same
 * number for a comment and a concern, and an identification record marking an item important
 * that the list gives volume thresholds.
 */
export const attack: Attack = {
  title: 'records that disagree with the list',
  from: 'review',
  catches: ['QD5042', 'QD5043', 'QD5044'],
  async apply(repo) {
    // Written by hand: \`proposal comment\` refuses a target the list does not have. The numbers are
    // of the earlier form (one sequence for comments and concerns), which a clash breaks.
    repo.write(`${P}/comments/001.yaml`, `author: 某企业\ndate: 2026-02-15\ntarget: icv.no-such-item\ntext: 不存在的数据项\n`);
    repo.write(`${P}/concerns/001.yaml`, `raisedBy: p-feng\ndate: 2026-02-15\ntarget: icv\ntext: 同号关切\n`);
    repo.commit('feng', 'records');
    repo.write(`${P}/important-data.yaml`, `${repo.read(`${P}/important-data.yaml`)}  - { item: icv.user-research, important: true, reason: 误标 }\n`);
    repo.commit('li', 'mark user research important');
  },
};
