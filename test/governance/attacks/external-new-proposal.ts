import type { Attack } from './attack.js';

/** A new proposal whose whole history is self-asserted as external, putting a draft list in force. */
export const attack: Attack = {
  title: 'a proposal in force through external entries nobody authorised',
  from: 'review',
  catches: ['QD5037'],
  async apply(repo) {
    const stages = ['draft', 'survey', 'important-data-identification', 'scenario-analysis', 'review', 'approved', 'filed', 'in-force'];
    const history = stages.map((stage, i) => `  - { stage: ${stage}, date: 2026-01-0${i + 1}, external: true, document: { number: FAKE-${i}, date: 2026-01-0${i + 1} } }`).join('\n');
    repo.write('proposals/2026-0009-ai/proposal.yaml', `id: 2026-0009-ai\ntitle: 人工智能训练数据清单\nsector: S91\nlists: [ai-training]\nauthors: [p-li]\nstage: in-force\nhistory:\n${history}\nfiling: { receipt: FAKE-1, date: 2026-01-07 }\n`);
    const list = repo.read('policy/lists/ai-training.qd');
    repo.write('policy/lists/ai-training.qd', list.replace('  status draft\n', '  status in-force\n  proposal "2026-0009-ai"\n'));
    repo.commit('li', 'record the ai-training list as in force');
  },
};
