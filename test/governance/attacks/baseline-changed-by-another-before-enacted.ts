import { ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * A baseline proposal's legal review signed; a second baseline proposal then changes the same
 * rules; the first is approved and put in force without a new review. Changes under other
 * proposals are forgiven only once a proposal is in force, never before its approval.
 */
export const attack: Attack = {
  title: 'the baseline changed under another proposal between a review and its enactment',
  from: 'review',
  catches: ['QD5032'],
  async apply(repo) {
    const open = async (name: string, date: string) => {
      const created = await ok(repo, ['proposal', 'new', name, '--title', '国家规定', '--kind', 'baseline', '--author', 'p-li', '--date', date]);
      const id = new RegExp(`(2026-\\d{4}-${name})`).exec(created)![1]!;
      repo.commit('li', `Propose ${name}`);
      await ok(repo, ['proposal', 'advance', id, '--date', date]);
      repo.commit('li', 'Open its review');
      return id;
    };
    const first = await open('first', '2026-03-01');
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/100万/, '200万'));
    repo.commit('li', `first change\n\nProposal: ${first}`);
    await ok(repo, ['proposal', 'sign', first, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-02']);
    repo.commit('feng', 'legal review of the first');
    const second = await open('second', '2026-03-03');
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/200万/, '2000万'));
    repo.commit('li', `second change\n\nProposal: ${second}`);
    await ok(repo, ['proposal', 'sign', first, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-17']);
    repo.commit('xu', 'coordination');
    await ok(repo, ['proposal', 'sign', first, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-18']);
    repo.commit('ma', 'committee');
    const doc = repo.read(`proposals/${first}/proposal.yaml`);
    repo.write(`proposals/${first}/proposal.yaml`, doc.replace('stage: review\n', 'stage: in-force\n').concat('  - stage: approved\n    date: 2026-03-18\n  - stage: in-force\n    date: 2026-03-18\n'));
    repo.commit('li', 'first approved and in force');
  },
};
