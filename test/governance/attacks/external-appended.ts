import { P } from '../fixture.js';
import type { Attack } from './attack.js';

/** External entries appended to a proposal already under the workflow. */
export const attack: Attack = {
  title: 'external entries appended to the icv history',
  from: 'review',
  catches: ['QD5037', 'QD5011'],
  async apply(repo) {
    const entries = ['approved', 'filed', 'in-force'].map((stage) => `  - { stage: ${stage}, date: 2026-02-11, external: true, document: { number: FAKE, date: 2026-02-11 } }\n`).join('');
    const meta = repo.read(`${P}/proposal.yaml`).replace(/^stage: review$/m, 'stage: in-force');
    repo.write(`${P}/proposal.yaml`, `${meta}${entries}`);
    repo.commit('li', 'complete the history');
  },
};
