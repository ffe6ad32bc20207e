import { ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A baseline proposal "entering review" twenty days back, in a commit made on top of a commit
 * outside policy/, then approved the next day: back-dating was compared only with governed
 * parents, so both review windows read three weeks.
 */
export const attack: Attack = {
  title: 'a review window faked by back-dating a commit on top of one outside policy/',
  from: 'review',
  catches: ['QD5038'],
  async apply(repo) {
    const today = repo.clock;
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    repo.write('README.md', 'notes\n');
    repo.commit('li', 'notes, outside policy/', { sign: false });
    const created = await ok(repo, ['proposal', 'new', 'thresholds', '--kind', 'baseline', '--title', '国家门槛更新', '--author', 'p-li', '--date', day(-20)]);
    const id = /(2026-\d{4}-thresholds)/.exec(created)![1]!;
    repo.commit('li', 'a baseline proposal', { sign: false });
    await ok(repo, ['proposal', 'advance', id, '--date', day(-20)]);
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace('100万', '200万'));
    repo.commit('li', `a baseline proposal, into review\n\nProposal: ${id}`, { sign: false });
    for (const [who, person, stage, role] of [['feng', 'p-feng', 'review', 'expert-legal'], ['xu', 'p-xu', 'approved', 'coordination-mechanism'], ['ma', 'p-ma', 'approved', 'provincial-committee']] as const) {
      await ok(repo, ['proposal', 'sign', id, '--stage', stage, '--role', role, '--person', person, '--date', day(1)]);
      repo.commit(who, `${stage} ${role}`);
    }
    await ok(repo, ['proposal', 'advance', id, '--date', day(1)]);
    repo.commit('li', 'approved');
  },
};
