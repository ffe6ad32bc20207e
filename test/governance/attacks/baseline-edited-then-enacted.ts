import { ok } from '../fixture.js';
import type { Attack } from './attack.js';

/**
 * The national rules edited after their legal review, then approved and put in force at once:
 * a proposal in force is spared sign-offs that went stale under another proposal's change, never
 * under its own.
 */
export const attack: Attack = {
  title: 'the national rules edited after their legal review, then enacted',
  from: 'review',
  catches: ['QD5032'],
  async apply(repo) {
    const created = await ok(repo, ['proposal', 'new', 'thresholds', '--title', '国家规定', '--kind', 'baseline', '--author', 'p-li', '--date', '2026-03-01']);
    const id = /(2026-\d{4}-thresholds)/.exec(created)![1]!;
    repo.commit('li', 'Propose a baseline change');
    await ok(repo, ['proposal', 'advance', id, '--date', '2026-03-01']);
    repo.commit('li', 'Open its review');
    await ok(repo, ['proposal', 'sign', id, '--stage', 'review', '--role', 'expert-legal', '--person', 'p-feng', '--date', '2026-03-02']);
    repo.commit('feng', 'legal review');
    repo.write('policy/national.qd', repo.read('policy/national.qd').replace(/100万/, '1000万'));
    repo.commit('li', `raise a threshold after the review\n\nProposal: ${id}`);
    await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'coordination-mechanism', '--person', 'p-xu', '--date', '2026-03-17']);
    repo.commit('xu', 'coordination');
    await ok(repo, ['proposal', 'sign', id, '--stage', 'approved', '--role', 'provincial-committee', '--person', 'p-ma', '--date', '2026-03-18']);
    repo.commit('ma', 'committee');
    const doc = repo.read(`proposals/${id}/proposal.yaml`);
    repo.write(`proposals/${id}/proposal.yaml`, doc.replace('stage: review\n', 'stage: in-force\n').concat('  - stage: approved\n    date: 2026-03-18\n  - stage: in-force\n    date: 2026-03-18\n'));
    repo.commit('li', 'approved and in force');
  },
};
